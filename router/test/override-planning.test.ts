// Progressive @override: the router's planner honours the label set it is given (unlike stock
// @apollo/gateway), and caches one plan per label set.
import { composeServices } from "@apollo/composition";
import type { QueryPlan } from "@apollo/query-planner";
import { createLogger } from "@shopstream/kernel";
import { afterAll, describe, expect, it } from "vitest";
import type { Authenticator } from "../src/auth/authenticator.js";
import { parseRouterSettings } from "../src/config/router-settings.js";
import { SubgraphPools } from "../src/datasource/subgraph-pools.js";
import { parse } from "../src/graphql-runtime.js";
import { authenticate } from "../src/pipeline/authenticate.js";
import { planOperation } from "../src/pipeline/plan-operation.js";
import { buildSchemaVersion } from "../src/supergraph/schema-version.js";
import { preparedState } from "./support/request-state.js";

const link = (imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports}])`;
const composed = composeServices([
  {
    name: "legacy",
    url: "http://127.0.0.1:1/graphql",
    typeDefs: parse(`${link('"@key"')}
      type Query { product(id: ID!): Product }
      type Product @key(fields: "id") { id: ID! price: Int! }`),
  },
  {
    name: "catalog",
    url: "http://127.0.0.1:2/graphql",
    typeDefs: parse(`${link('"@key", "@override"')}
      type Product @key(fields: "id") { id: ID! price: Int! @override(from: "legacy", label: "percent(25)") }`),
  },
]);
if (!composed.supergraphSdl) throw new Error(composed.errors?.map((error) => error.message).join("\n"));

const pools = new SubgraphPools(1);
afterAll(() => pools.close());
const version = buildSchemaVersion(composed.supergraphSdl, {
  urlOverrides: {},
  defaultTimeoutMs: 1000,
  timeouts: {},
  pools,
});
const query = '{ product(id: "1") { price } }';

function fetchedFrom(plan: QueryPlan): string[] {
  return [...JSON.stringify(plan.node).matchAll(/"serviceName":"(\w+)"/g)].map((match) => match[1]!);
}

describe("override-aware planning", () => {
  it("plans the labelled field on the overriding subgraph only when its label is on", async () => {
    const state = preparedState(version, query);
    await authenticate(state, {
      settings: parseRouterSettings({ identitySecret: "x".repeat(16) }),
      logger: createLogger("test", "silent"),
      authenticator: {} as Authenticator, // anonymous: never asked
    });
    expect(state.context.subgraphHeaders["x-request-id"]).toBe("req-1");
    const planWith = (conditions: Map<string, boolean>) => {
      state.overrides = { ...state.overrides, conditions };
      planOperation(state, { development: false, logger: createLogger("test", "silent") });
      return state.plan;
    };
    const off = planWith(new Map());
    const on = planWith(new Map([["percent(25)", true]]));
    expect(fetchedFrom(off)).toEqual(["legacy"]);
    expect(fetchedFrom(on)).toEqual(["legacy", "catalog"]);
    expect(version.plans.size).toBe(2);
    expect(planWith(new Map([["percent(25)", true]]))).toBe(on);
  });
});

describe("a planner failure", () => {
  const failing = () => {
    const state = preparedState(version, '{ product(id: "2") { price } }');
    const broken = {
      ...version,
      plans: new Map(),
      planner: {
        buildQueryPlan: () => {
          throw new Error("no node id 5");
        },
      },
    };
    Object.defineProperty(state, "version", { value: broken });
    return state;
  };
  const thrown = (development: boolean) => {
    try {
      planOperation(failing(), { development, logger: createLogger("test", "silent") });
    } catch (error) {
      return error as { status: number; code: string; message: string };
    }
    throw new Error("expected the planner failure to surface");
  };

  it("answers QUERY_PLANNING_FAILED, with the planner's message only in development", () => {
    expect(thrown(true)).toMatchObject({
      status: 500,
      code: "QUERY_PLANNING_FAILED",
      message: "The operation could not be planned: no node id 5",
    });
    expect(thrown(false)).toMatchObject({
      status: 500,
      code: "QUERY_PLANNING_FAILED",
      message: "The operation could not be planned",
    });
  });
});
