// A signed-in user is bucketed by user id (whatever visitor cookie the device sends), an anonymous
// caller by visitor id; the decision reaches the planner as that request's override conditions.
import { randomUUID } from "node:crypto";
import { anonymousIdentity, createLogger } from "@shopstream/kernel";
import { afterAll, describe, expect, it } from "vitest";
import { SubgraphPools } from "../../src/datasource/subgraph-pools.js";
import type { RolloutState } from "../../src/overrides/rollout-sources.js";
import { onNewPath } from "../../src/overrides/sticky-bucket.js";
import { prepareOperation } from "../../src/pipeline/prepare-operation.js";
import { callerIdOf, resolveOverrides } from "../../src/pipeline/resolve-overrides.js";
import type { RouterContext } from "../../src/pipeline/router-context.js";
import { overrideSchemaVersion, PRICE } from "./support.js";

const pools = new SubgraphPools(1);
afterAll(() => pools.close());
const version = overrideSchemaVersion(pools);
const request = { query: '{ product(id: "1") { price } }' };
const prepared = prepareOperation(version, request, { method: "POST", introspection: false });
const rollout = (percent: number): RolloutState => ({
  current: () => ({ labels: { [PRICE]: percent } }),
  refresh: async () => {},
  close: () => {},
});
const contextOf = (userId: string | null) =>
  ({
    requestId: randomUUID(),
    identity: { ...anonymousIdentity, userId },
    subgraphHeaders: {},
    logger: createLogger("t", "silent"),
  }) as unknown as RouterContext;

describe("per-caller decisions", () => {
  it("buckets a signed-in user by user id, on every request and device", () => {
    for (let i = 0; i < 100; i++) {
      const userId = randomUUID();
      const expected = onNewPath(PRICE, `user:${userId}`, 30);
      for (let device = 0; device < 5; device++) {
        const context = contextOf(userId);
        expect(callerIdOf(context, randomUUID())).toBe(`user:${userId}`);
        const { conditions } = resolveOverrides(version, request, prepared, context, randomUUID(), rollout(30));
        expect(conditions.get(PRICE)).toBe(expected);
      }
    }
  });

  it("buckets an anonymous caller by visitor id, and 0 / 100 override every bucket", () => {
    const visitor = randomUUID();
    const decide = (percent: number) =>
      resolveOverrides(version, request, prepared, contextOf(null), visitor, rollout(percent)).conditions.get(PRICE);
    expect(decide(30)).toBe(onNewPath(PRICE, `visitor:${visitor}`, 30));
    expect(decide(0)).toBe(false);
    expect(decide(100)).toBe(true);
  });
});
