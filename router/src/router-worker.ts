// One router process: env → settings (every bad variable named, exit 78) → launchRouter, with
// signal handling installed first because an orchestrator may stop a router that is still starting.
import { createLifecycle, createLogger, exitOnEnvError } from "@shopstream/kernel";
import { routerSettingsFromEnv } from "./config/router-env.js";
import { launchRouter } from "./start-router.js";

const settings = exitOnEnvError(() => routerSettingsFromEnv());
const logger = createLogger("router", settings.logLevel);
const lifecycle = createLifecycle(logger, 15_000 + settings.shutdownDrainMs);
lifecycle.installSignalHandlers();
const router = await launchRouter(settings, logger);
lifecycle.add("router", router.close);
