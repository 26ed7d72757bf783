// The settings the router's process entry needs before it loads the router: how many workers,
// how loudly to log, how long shutdown may drain. They are part of RouterSettings
// (router-settings.ts) and are also read on their own by the cluster supervisor (server.ts),
// which loads nothing else, so it holds no router in memory.
import os from "node:os";
import { EnvError } from "@shopstream/kernel/process-entry";
import { z } from "zod";

export const processSettingsShape = {
  /** Processes sharing the port (server.ts forks them); each holds a whole router. */
  workers: z.number().int().min(1).max(64).default(Math.min(os.availableParallelism(), 4)),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** On close, /ready answers 503 for this long while requests are still served (rolling deploys). */
  shutdownDrainMs: z.number().int().min(0).max(120_000).default(0),
};

/** Variable → setting, for these settings (router-env.ts maps the rest). */
export const processVariables = {
  ROUTER_WORKERS: "workers",
  LOG_LEVEL: "logLevel",
  SHUTDOWN_DRAIN_MS: "shutdownDrainMs",
} as const;

const numeric = new Set<string>(["workers", "shutdownDrainMs"]);

/** A number's text as a number; anything else unchanged, so zod names it as not a number. */
export function readNumber(value: string): unknown {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

export function readProcessVariable(setting: string, value: string): unknown {
  return numeric.has(setting) ? readNumber(value) : value;
}

export type ProcessSettings = z.output<z.ZodObject<typeof processSettingsShape>>;

export function processSettingsFromEnv(env: Record<string, string | undefined> = process.env): ProcessSettings {
  const options: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(processVariables)) {
    const value = env[name];
    if (value !== undefined && value !== "") options[setting] = readProcessVariable(setting, value);
  }
  const result = z.object(processSettingsShape).safeParse(options);
  if (result.success) return result.data;
  const variableOf = (setting: PropertyKey) =>
    Object.entries(processVariables).find(([, candidate]) => candidate === setting)?.[0] ?? String(setting);
  throw new EnvError(result.error.issues.map((issue) => `${variableOf(issue.path[0] ?? "")}: ${issue.message}`));
}
