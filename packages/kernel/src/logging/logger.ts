// pino logs tagged with the service name and the active trace/span ids; secrets are scrubbed from
// every line, however deeply nested (see scrub-secrets.ts). JSON for machines; on a terminal
// (stdout is a TTY) the same lines pretty-printed for a person, unless LOG_FORMAT=json.
import { type DestinationStream, pino } from "pino";
import pretty from "pino-pretty";
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
  return pino(options, destination ?? defaultDestination());
}

function defaultDestination(): DestinationStream {
  const wantsPretty = process.stdout.isTTY && process.env.LOG_FORMAT !== "json";
  return wantsPretty
    ? pretty({ colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname,service" })
    : pino.destination(1);
}
