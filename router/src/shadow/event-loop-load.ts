// How busy this process's event loop was over the last interval (0..1, Node's event-loop
// utilization): shadow reads stand aside while client traffic keeps the loop busy.
import { performance } from "node:perf_hooks";

export interface EventLoopLoad {
  current(): number;
  stop(): void;
}

export function watchEventLoopLoad(intervalMs = 250): EventLoopLoad {
  let previous = performance.eventLoopUtilization();
  let load = 0;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    load = performance.eventLoopUtilization(now, previous).utilization;
    previous = now;
  }, intervalMs);
  timer.unref();
  return { current: () => load, stop: () => clearInterval(timer) };
}
