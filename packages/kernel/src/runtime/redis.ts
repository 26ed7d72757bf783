// One way to connect to Redis for every service: from `redisEnv`, closed with the lifecycle.
import { Redis } from "ioredis";
import type { Lifecycle } from "../lifecycle/lifecycle.js";
import type { Logger } from "../logging/logger.js";

export interface RedisOptions {
  /** Shown in Redis `CLIENT LIST`, e.g. the service name. */
  name?: string;
  logger?: Logger;
  lifecycle?: Lifecycle;
}

export function createRedis(env: { REDIS_URL: string }, options: RedisOptions = {}): Redis {
  const redis = new Redis(env.REDIS_URL, {
    connectionName: options.name,
    // Fail commands fast when Redis is down instead of queueing them forever.
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
  });
  redis.on("error", (error) => options.logger?.warn({ err: error }, "redis error"));
  options.lifecycle?.add("redis", async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return redis;
}
