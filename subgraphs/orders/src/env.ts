// The orders service's environment: everything it reads from process.env, validated in one place.
import { identityEnv, kafkaEnv, parseEnv, portEnv, postgresEnv, serviceEnv } from "@shopstream/kernel";
import { z } from "zod";

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");

export const ordersEnvShape = {
  ...serviceEnv,
  ...portEnv(4004),
  ...postgresEnv("orders"),
  ...kafkaEnv,
  ...identityEnv,
  /** Tax in basis points of the subtotal (800 = 8 %): integer arithmetic, never a float rate. */
  TAX_RATE_BPS: int(800),
  SHIPPING_STANDARD_AMOUNT: int(500),
  SHIPPING_EXPRESS_AMOUNT: int(1500),
  /** A PENDING order older than this is cancelled (TIMEOUT) and its stock released. */
  ORDER_PENDING_TIMEOUT_S: int(900, 1),
  ORDER_SWEEP_INTERVAL_S: int(30, 1),
  PAYMENT_PROVIDER_URL: z.string().url().default("http://127.0.0.1:4090"),
  PAYMENT_TIMEOUT_MS: int(2_000, 1),
  PAYMENT_MAX_TRIES: int(3, 1),
  PAYMENT_BREAKER_FAILURES: int(5, 1),
  PAYMENT_BREAKER_RESET_MS: int(10_000, 1),
  /** The dev server starts the simulated payment provider in-process on this port. */
  PAYMENT_SIMULATOR_START: flag(true),
  PAYMENT_SIMULATOR_PORT: int(4090, 0),
  PAYMENT_SIMULATOR_LATENCY_MS: int(30),
};

export type OrdersEnv = ReturnType<typeof parseOrdersEnv>;

/** For tests: throws EnvError instead of exiting. */
export const parseOrdersEnv = (source: Record<string, string | undefined> = process.env) =>
  parseEnv(ordersEnvShape, source);
