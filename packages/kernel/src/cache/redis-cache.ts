// Read-through cache of computed values in Redis: get-or-compute with a TTL, and targeted deletes
// for the consumers that know which computed values an event changed. Redis being down never
// fails a read: the value is computed and served uncached. The TTL bounds staleness if a delete
// is ever missed (e.g. a computation that started before the change and stores after the delete).
import type { Redis } from "ioredis";
import type { Logger } from "../logging/logger.js";

export interface RedisCacheOptions {
  /** Prepended to every key, e.g. "recs:" (so services never collide in one Redis). */
  prefix: string;
  ttlSeconds: number;
  logger?: Logger;
}

export interface RedisCache {
  getOrCompute<T>(key: string, compute: () => Promise<T>, ttlSeconds?: number): Promise<T>;
  /** Deletes exactly these keys (without prefix); returns how many existed. */
  delete(keys: Iterable<string>): Promise<number>;
}

export function createRedisCache(redis: Redis, options: RedisCacheOptions): RedisCache {
  // Concurrent misses of one key in this process share one computation.
  const inFlight = new Map<string, Promise<unknown>>();
  const fullKey = (key: string) => options.prefix + key;

  async function read(key: string): Promise<string | null> {
    try {
      return await redis.get(fullKey(key));
    } catch (error) {
      options.logger?.warn({ err: error, key }, "cache read failed; computing");
      return null;
    }
  }

  async function computeAndStore<T>(key: string, compute: () => Promise<T>, ttlSeconds: number): Promise<T> {
    const value = await compute();
    try {
      await redis.set(fullKey(key), JSON.stringify(value), "EX", ttlSeconds);
    } catch (error) {
      options.logger?.warn({ err: error, key }, "cache write failed");
    }
    return value;
  }

  return {
    async getOrCompute<T>(key: string, compute: () => Promise<T>, ttlSeconds = options.ttlSeconds): Promise<T> {
      const cached = await read(key);
      if (cached !== null) return JSON.parse(cached) as T;
      const pending = inFlight.get(key);
      if (pending) return pending as Promise<T>;
      const computation = computeAndStore(key, compute, ttlSeconds).finally(() => inFlight.delete(key));
      inFlight.set(key, computation);
      return computation;
    },
    async delete(keys) {
      const unique = [...new Set(keys)];
      if (unique.length === 0) return 0;
      return redis.del(...unique.map(fullKey));
    },
  };
}
