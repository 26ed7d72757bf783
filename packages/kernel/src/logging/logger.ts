// pino JSON logs tagged with the service name and the active trace/span ids; secrets are scrubbed
// from every line, however deeply nested (see scrub-secrets.ts).
import { type DestinationStream, pino } from "pino";
import { currentTraceIds } from "../observability/tracing.js";
import { scrubSecrets } from "./scrub-secrets.js";

export type Logger = pino.Logger;

export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? "info",
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    base: { service },
    formatters: { log: (object) => scrubSecrets(object) as Record<string, unknown> },
    mixin: () => currentTraceIds(),
  };
  return destination ? pino(options, destination) : pino(options);
}
