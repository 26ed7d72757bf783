// The small part of the kernel a process entry point needs before it decides what to load:
// logging, the lifecycle (signals, ordered shutdown) and env-error exits. A cluster supervisor
// imports only this, so it does not hold the service's libraries in memory.
export { EnvError, exitOnEnvError } from "./config/env.js";
export { createLifecycle, type Lifecycle } from "./lifecycle/lifecycle.js";
export { createLogger, type Logger } from "./logging/logger.js";
