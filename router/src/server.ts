// Router process entry (`npm run router`, and scripts/start): env → settings → workers across
// cores (cluster) → launchRouter. With one worker the router runs in this process; otherwise
// this process only supervises.
import cluster from "node:cluster";
import { createLifecycle, createLogger, exitOnEnvError } from "@shopstream/kernel";
import { routerSettingsFromEnv } from "./config/router-env.js";
import { launchRouter } from "./start-router.js";
import { superviseWorkers } from "./supervise-workers.js";

const settings = exitOnEnvError(() => routerSettingsFromEnv());
const logger = createLogger("router", settings.logLevel);
const lifecycle = createLifecycle(logger, 15_000 + settings.shutdownDrainMs);
// Before launching: an orchestrator may stop a router that is still starting.
lifecycle.installSignalHandlers();

if (cluster.isPrimary && settings.workers > 1) {
  lifecycle.add("workers", superviseWorkers(settings.workers, logger));
} else {
  const router = await launchRouter(settings, logger);
  lifecycle.add("router", router.close);
}
