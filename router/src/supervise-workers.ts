// Cluster primary: forks N router workers sharing the port, replaces a crashed worker, and gives
// up (exit 1) when workers keep crashing (e.g. an unreadable supergraph) instead of looping.
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "@shopstream/kernel/process-entry";

const MAX_CRASHES_PER_MINUTE = 5;
/** What exitOnEnvError exits with (EX_CONFIG). */
const EXIT_CONFIG = 78;

/** Starts the workers; the returned function stops them (SIGTERM, then waits for exit). */
export function superviseWorkers(count: number, logger: Logger): () => Promise<void> {
  let stopping = false;
  const crashes: number[] = [];
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (code === EXIT_CONFIG) {
      // The worker named every bad variable; another fork would say the same.
      logger.fatal("router configuration is invalid (see the worker's message above)");
      process.exit(EXIT_CONFIG);
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes[0]! < now - 60_000) crashes.shift();
    logger.error({ worker: worker.process.pid, code, signal }, "router worker exited");
    if (crashes.length > MAX_CRASHES_PER_MINUTE) {
      logger.fatal("router workers keep crashing; giving up");
      process.exit(1);
    }
    setTimeout(() => cluster.fork(), 500).unref();
  });
  return async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker));
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
  };
}
