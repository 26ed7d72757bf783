// A signed-in user is bucketed by user id (whatever visitor cookie the device sends), an anonymous
// caller by visitor id; the decision reaches the planner as that request's override conditions.
import { randomUUID } from "node:crypto";
import { anonymousIdentity, createLogger } from "@shopstream/kernel";
import { afterAll, describe, expect, it } from "vitest";
import { SubgraphPools } from "../../src/datasource/subgraph-pools.js";
import type { RolloutState } from "../../src/overrides/rollout-sources.js";
import { onNewPath } from "../../src/overrides/sticky-bucket.js";
import { callerIdOf, resolveOverrides } from "../../src/pipeline/resolve-overrides.js";
import type { RouterContext } from "../../src/request/router-context.js";
import { preparedState } from "../support/request-state.js";
import { overrideSchemaVersion, PRICE } from "./support.js";

const pools = new SubgraphPools(1);
afterAll(() => pools.close());
const version = overrideSchemaVersion(pools);
const query = '{ product(id: "1") { price } }';
const rollout = (percent: number): RolloutState => ({
  current: () => ({ labels: { [PRICE]: percent }, shadow: {} }),
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

/** Whether the PRICE label is on for this caller at this percentage. */
function decide(context: RouterContext, visitorId: string, percent: number): boolean | undefined {
  const state = preparedState(version, query, { visitorId });
  state.context = context;
  resolveOverrides(state, { rollout: rollout(percent) });
  return state.overrides.conditions.get(PRICE);
}

describe("per-caller decisions", () => {
  it("buckets a signed-in user by user id, on every request and device", () => {
    for (let i = 0; i < 100; i++) {
      const userId = randomUUID();
      const expected = onNewPath(PRICE, `user:${userId}`, 30);
      for (let device = 0; device < 5; device++) {
        const context = contextOf(userId);
        expect(callerIdOf(context, randomUUID())).toBe(`user:${userId}`);
        expect(decide(context, randomUUID(), 30)).toBe(expected);
      }
    }
  });

  it("buckets an anonymous caller by visitor id, and 0 / 100 override every bucket", () => {
    const visitor = randomUUID();
    expect(decide(contextOf(null), visitor, 30)).toBe(onNewPath(PRICE, `visitor:${visitor}`, 30));
    expect(decide(contextOf(null), visitor, 0)).toBe(false);
    expect(decide(contextOf(null), visitor, 100)).toBe(true);
  });
});
