// Router process entry (`npm run router`, and scripts/start). With one worker the router runs in
// this process. With more, this process only supervises: it reads the few process settings it
// needs and forks the workers, each of which loads and runs the whole router (router-worker.ts).
// The router is imported only where it runs, so the supervisor holds none of it in memory.
import cluster from "node:cluster";
import { createLifecycle, createLogger, exitOnEnvError } from "@shopstream/kernel/process-entry";
import { processSettingsFromEnv } from "./config/process-settings.js";
import { superviseWorkers } from "./supervise-workers.js";

const settings = exitOnEnvError(() => processSettingsFromEnv());

if (cluster.isPrimary && settings.workers > 1) {
  const logger = createLogger("router", settings.logLevel);
  const lifecycle = createLifecycle(logger, 15_000 + settings.shutdownDrainMs);
  lifecycle.installSignalHandlers();
  lifecycle.add("workers", superviseWorkers(settings.workers, logger));
} else {
  // A URL the bundler does not follow: the worker stays its own module (dist/router-worker.js, or
  // router-worker.ts when run from source).
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const workerModule = new URL(`./router-worker${extension}`, import.meta.url);
  await import(workerModule.href);
}
