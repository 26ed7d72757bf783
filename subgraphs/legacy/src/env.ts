// The legacy subgraph's environment: everything it reads from process.env, validated in one place.
import { identityEnv, kafkaEnv, parseEnv, portEnv, postgresEnv, serviceEnv } from "@shopstream/kernel";
import { z } from "zod";

export const legacyEnvShape = {
  ...serviceEnv,
  ...portEnv(4010),
  ...postgresEnv("legacy"),
  ...kafkaEnv,
  ...identityEnv,
  /** The monolith's hard-coded LOW_STOCK limit (inventory's own is configurable and higher). */
  LEGACY_LOW_STOCK_AT: z.coerce.number().int().min(0).default(3),
};

export type LegacyEnv = ReturnType<typeof parseLegacyEnv>;

/** For tests: throws EnvError instead of exiting. */
export const parseLegacyEnv = (source: Record<string, string | undefined> = process.env) =>
  parseEnv(legacyEnvShape, source);
