export { routerSettingsFromEnv } from "./config/router-env.js";
export { parseRouterSettings, type RouterOptions, type RouterSettings } from "./config/router-settings.js";
export { launchRouter, type RunningRouter, type StartRouterOptions, startRouter } from "./start-router.js";
