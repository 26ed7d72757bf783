// The Redis key (real Redis): a SET of the rollout JSON applies within a second, wins over the
// file per label, and deleting the key falls back to the file.
import { createLogger, createRedis } from "@shopstream/kernel";
import { uniqueName, waitFor } from "@shopstream/kernel/testing";
import { afterAll, describe, expect, it } from "vitest";
import { startRolloutSources } from "../../src/overrides/rollout-sources.js";

const redis = createRedis({ REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });
afterAll(() => redis.quit());
const label = "legacy:variant-availability";

describe("rollout Redis key", () => {
  it("applies a change within 1 s and falls back when the key is deleted", async () => {
    const key = uniqueName("router:rollout:test");
    await redis.set(key, JSON.stringify({ labels: { [label]: 25 } }));
    const state = await startRolloutSources({
      redis: { client: redis, key },
      pollMs: 200,
      logger: createLogger("t", "silent"),
    });
    try {
      expect(state.current().labels[label]).toBe(25);
      const started = performance.now();
      await redis.set(key, JSON.stringify({ labels: { [label]: 0 } }));
      await waitFor(() => state.current().labels[label] === 0, { timeoutMs: 1_000, intervalMs: 10 });
      expect(performance.now() - started).toBeLessThan(1_000);
      await redis.del(key);
      await waitFor(() => state.current().labels[label] === undefined, { timeoutMs: 1_000, intervalMs: 10 });
    } finally {
      state.close();
      await redis.del(key);
    }
  });
});
