// Cache settings from the environment (spread into routerEnvShape). REDIS_URL and KAFKA_BROKERS
// are the shared kernel fragments.
import { kafkaEnv, redisEnv } from "@shopstream/kernel";
import { z } from "zod";
import type { RouterCacheOptions } from "./router-cache.js";

export const cacheEnvShape = {
  ...redisEnv,
  ...kafkaEnv,
  ROUTER_CACHE: z.enum(["on", "off"]).default("on"),
  ROUTER_CACHE_L1_TTL_MS: z.coerce.number().int().min(0).default(1_000),
  ROUTER_CACHE_L1_MAX_ENTRIES: z.coerce.number().int().min(1).default(20_000),
  ROUTER_CACHE_REDIS_TIMEOUT_MS: z.coerce.number().int().min(1).default(100),
  ROUTER_CACHE_ADMIN_TOKEN: z.string().min(16).optional(),
};

type CacheEnv = z.infer<z.ZodObject<typeof cacheEnvShape>>;

export function cacheOptionsFromEnv(env: CacheEnv): RouterCacheOptions | undefined {
  if (env.ROUTER_CACHE === "off") return undefined;
  return {
    redisUrl: env.REDIS_URL,
    kafkaBrokers: env.KAFKA_BROKERS,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    l1TtlMs: env.ROUTER_CACHE_L1_TTL_MS,
    l1MaxEntries: env.ROUTER_CACHE_L1_MAX_ENTRIES,
    redisTimeoutMs: env.ROUTER_CACHE_REDIS_TIMEOUT_MS,
    adminToken: env.ROUTER_CACHE_ADMIN_TOKEN,
  };
}
