// The read-through cache against the real Redis.
import { afterAll, describe, expect, it } from "vitest";
import { createRedis, createRedisCache } from "../src/index.js";
import { uniqueName } from "../src/testing/index.js";

const redis = createRedis({ REDIS_URL: "redis://127.0.0.1:6379" });
afterAll(() => redis.quit());

describe("createRedisCache", () => {
  it("computes once, serves the stored value until its key is deleted", async () => {
    const cache = createRedisCache(redis, { prefix: `${uniqueName("kernel-cache")}:`, ttlSeconds: 60 });
    let computations = 0;
    const compute = async () => ({ n: ++computations });
    expect(await cache.getOrCompute("a", compute)).toEqual({ n: 1 });
    expect(await cache.getOrCompute("a", compute)).toEqual({ n: 1 });
    expect(await cache.delete(["a", "never-stored"])).toBe(1);
    expect(await cache.getOrCompute("a", compute)).toEqual({ n: 2 });
  });

  it("deletes only the named keys and stores with the TTL", async () => {
    const prefix = `${uniqueName("kernel-cache")}:`;
    const cache = createRedisCache(redis, { prefix, ttlSeconds: 60 });
    await cache.getOrCompute("a", async () => 1);
    await cache.getOrCompute("b", async () => 2, 5);
    await cache.delete(["a"]);
    expect(await redis.exists(`${prefix}a`)).toBe(0);
    expect(await redis.get(`${prefix}b`)).toBe("2");
    const ttl = await redis.ttl(`${prefix}b`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5);
  });

  it("shares one computation between concurrent misses of a key", async () => {
    const cache = createRedisCache(redis, { prefix: `${uniqueName("kernel-cache")}:`, ttlSeconds: 60 });
    let computations = 0;
    const slow = async () => {
      computations++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return "v";
    };
    expect(await Promise.all([cache.getOrCompute("k", slow), cache.getOrCompute("k", slow)])).toEqual(["v", "v"]);
    expect(computations).toBe(1);
  });
});
