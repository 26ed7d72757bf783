export { type RunningRouter, type StartRouterOptions, startRouter } from "./start-router.js";
