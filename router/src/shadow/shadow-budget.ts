// What a shadow read may cost: at most `maxInFlight` at once, none while the process is busier
// than `maxLoad` (beyond either a sampled read is dropped, never queued: under load the client
// traffic wins), and `timeoutMs` each. A timed-out read still holds its slot until its fetches
// end, so slow subgraphs cannot pile work up.
export type Budgeted<T> = { outcome: "done"; value: T } | { outcome: "dropped" | "timeout" };

export interface ShadowBudget {
  run<T>(work: () => Promise<T>): Promise<Budgeted<T>>;
  readonly inFlight: number;
}

export interface ShadowLimits {
  maxInFlight: number;
  timeoutMs: number;
  /** Event-loop utilization (0..1) above which reads are dropped; with `load`, the current one. */
  maxLoad?: number;
  load?: () => number;
}

export function createShadowBudget(limits: ShadowLimits): ShadowBudget {
  const { maxLoad = 1, load = () => 0 } = limits;
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    async run<T>(work: () => Promise<T>): Promise<Budgeted<T>> {
      if (inFlight >= limits.maxInFlight || load() > maxLoad) return { outcome: "dropped" };
      inFlight++;
      const done = work().finally(() => {
        inFlight--;
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<Budgeted<T>>((resolve) => {
        timer = setTimeout(() => resolve({ outcome: "timeout" }), limits.timeoutMs);
        timer.unref();
      });
      try {
        return await Promise.race([done.then((value) => ({ outcome: "done" as const, value })), timeout]);
      } finally {
        clearTimeout(timer);
        done.catch(() => {}); // a rejection after the timeout is not unhandled
      }
    },
  };
}
