// Reusable pieces of service environments; defaults point at the local stack (scripts/stack).
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);

/** Where a development machine finds the local stack; every production deployment sets its own. */
export const localStackDefaults = {
  redisUrl: "redis://127.0.0.1:6379",
  kafkaBrokers: "127.0.0.1:9092",
  identityHmacSecret: "dev-only-identity-secret-change-me",
  pgPassword: "shopstream",
} as const;

/**
 * A secret with a development value. With NODE_ENV=production, parseEnv refuses it unless it is
 * set explicitly to something other than that value (config/env.ts).
 */
export function secretEnv(developmentValue: string, minLength = 16) {
  return z.string().min(minLength).default(developmentValue).meta({ developmentSecret: developmentValue });
}

export const serviceEnv = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().default("127.0.0.1"),
  /**
   * On SIGTERM /ready fails for this long before the port closes, while requests are still
   * served: a load balancer's readiness period (e.g. 5000 behind Kubernetes). 0 in development.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
};

/** The HTTP port; 0 asks the OS for a free one (the runtime reports the port it got). */
export function portEnv(defaultPort: number) {
  return { PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort) };
}

export function postgresEnv(domain: string) {
  return {
    PGHOST: z.string().default("127.0.0.1"),
    PGPORT: port.default(5432),
    PGUSER: z.string().default(`shopstream_${domain}`),
    PGPASSWORD: secretEnv(localStackDefaults.pgPassword, 1),
    PGDATABASE: z.string().default(`shopstream_${domain}`),
    /**
     * Appended to PGDATABASE: one switch moves every domain to its twin database. The test
     * command sets `_test`, so tests never write into what `npm start` serves.
     */
    PGDATABASE_SUFFIX: z
      .string()
      .regex(/^[a-z0-9_]*$/, "lower-case letters, digits and _ only")
      .default(""),
    PG_POOL_MAX: z.coerce.number().int().min(1).default(10),
  };
}

export const kafkaEnv = {
  KAFKA_BROKERS: z
    .string()
    .default(localStackDefaults.kafkaBrokers)
    .transform((value) => value.split(",").map((broker) => broker.trim()))
    .pipe(z.array(z.string().regex(/^[^:]+:\d+$/, "expected host:port[,host:port]")).min(1)),
  /**
   * Namespace of every topic this process produces to and consumes from (the outbox relay, the
   * consumer runner and the router's cache consumer apply it), so environments can share a
   * cluster: the test command sets `test.`, so tests never feed what `npm start` consumes.
   */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-z0-9._-]*$/, "lower-case letters, digits, '.', '_' and '-' only")
    .default(""),
};

export const redisEnv = {
  REDIS_URL: z.string().url().default(localStackDefaults.redisUrl),
};

export const identityEnv = {
  // Shared with the router, which signs the caller's identity into headers with it.
  IDENTITY_HMAC_SECRET: secretEnv(localStackDefaults.identityHmacSecret),
};
