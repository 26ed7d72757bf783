// A job that runs every `intervalMs`: never two runs at once (a slow run delays the next), a
// failed run is logged and the next one tries again, and stop() waits for the run in progress.
import type { Logger } from "../logging/logger.js";

export interface PeriodicJob {
  name: string;
  intervalMs: number;
  /** Also run once right after start (e.g. pruning that is overdue after a long stop). */
  runAtStart?: boolean;
  run(): Promise<unknown>;
}

export interface RunningJob {
  stop(): Promise<void>;
}

export function startPeriodicJob(job: PeriodicJob, logger: Logger): RunningJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const runOnce = async () => {
    try {
      await job.run();
    } catch (error) {
      logger.error({ err: error, job: job.name }, "periodic job failed");
    }
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = runOnce().then(() => schedule(job.intervalMs));
    }, delayMs);
    timer.unref();
  };
  schedule(job.runAtStart ? 0 : job.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
