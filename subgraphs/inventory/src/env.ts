// The inventory's environment: everything it reads from process.env, validated in one place.
import { identityEnv, kafkaEnv, parseEnv, portEnv, postgresEnv, serviceEnv } from "@shopstream/kernel";
import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();

export const inventoryEnvShape = {
  ...serviceEnv,
  ...portEnv(4003),
  ...postgresEnv("inventory"),
  ...kafkaEnv,
  ...identityEnv,
  /** At or below this many available units (all warehouses together) a variant is LOW_STOCK. */
  LOW_STOCK_THRESHOLD: z.coerce.number().int().min(0).default(5),
  /** How long a reservation holds stock before the sweeper releases it. */
  RESERVATION_TTL_SECONDS: positiveInt.default(15 * 60),
  /** How often the sweeper looks for expired reservations. */
  RESERVATION_SWEEP_INTERVAL_MS: positiveInt.default(10_000),
};

export type InventoryEnv = ReturnType<typeof parseInventoryEnv>;

/** For tests: throws EnvError instead of exiting. */
export const parseInventoryEnv = (source: Record<string, string | undefined> = process.env) =>
  parseEnv(inventoryEnvShape, source);
