// Plans Apollo's planner is known to get wrong are refused with UNSAFE_QUERY_PLAN (400) before
// anything runs, or corrected where the client's own selection is one side of the conflict; the
// same supergraphs answer the neighbouring, correctly planned operations. Each supergraph
// reproduces one failing pattern of The Guild's federation-gateway-audit.
import { composeServices } from "@apollo/composition";
import { createLogger } from "@shopstream/kernel";
import { afterAll, describe, expect, it } from "vitest";
import { SubgraphPools } from "../src/datasource/subgraph-pools.js";
import { parse } from "../src/graphql-runtime.js";
import { planOperation } from "../src/pipeline/plan-operation.js";
import { buildSchemaVersion } from "../src/supergraph/schema-version.js";
import { preparedState } from "./support/request-state.js";

const pools = new SubgraphPools(1);
afterAll(() => pools.close());
const link = (imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [${imports}])`;

function versionOf(subgraphs: Record<string, string>) {
  const composed = composeServices(
    Object.entries(subgraphs).map(([name, sdl], index) => ({
      name,
      url: `http://127.0.0.1:${index + 1}/graphql`,
      typeDefs: parse(sdl),
    })),
  );
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((error) => error.message).join("\n"));
  return buildSchemaVersion(composed.supergraphSdl, { urlOverrides: {}, defaultTimeoutMs: 1000, timeouts: {}, pools });
}

function planned(version: ReturnType<typeof versionOf>, query: string, development = true) {
  const state = preparedState(version, query, {}, { development });
  try {
    planOperation(state, { development, logger: createLogger("test", "silent") });
    return { plan: state.plan };
  } catch (error) {
    return { refused: error as { status: number; code: string; message: string } };
  }
}

describe("@requires with arguments", () => {
  const version = versionOf({
    posts: `${link('"@key"')}
      type Query { feed: [Post] }
      type Post @key(fields: "id") { id: ID! }
      type Comment @key(fields: "id") { id: ID! authorId: ID }`,
    comments: `${link('"@key", "@external", "@requires"')}
      type Post @key(fields: "id") {
        id: ID!
        author: Author @requires(fields: "comments(limit: 3) { authorId }")
        comments(limit: Int!): [Comment]
      }
      type Comment @key(fields: "id") { id: ID! authorId: ID @external }
      type Author { id: ID! }`,
    prices: `${link('"@key"')}
      type Query { products: [Product] }
      type Product @key(fields: "upc") { upc: String! price(currency: String!): Int weight: Int }`,
    shipping: `${link('"@key", "@external", "@requires"')}
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price(currency: String!): Int @external
        shippingEstimate: Int @requires(fields: "price(currency: \\"USD\\") weight")
        shippingEstimateEUR: Int @requires(fields: "price(currency: \\"EUR\\") weight")
      }`,
  });

  it("separates a selection whose arguments differ from a sibling's @requires, by literal or variable", () => {
    for (const [query, argument] of [
      ["{ feed { author { id } comments(limit: 1) { id } } }", "limit:1"],
      ["query ($limit: Int = 3) { feed { author { id } comments(limit: $limit) { id } } }", "limit:$limit"],
      ["query { feed { author { id } ...C } } fragment C on Post { comments(limit: 1) { id } }", "limit:1"],
    ] as const) {
      const { plan, refused } = planned(version, query);
      expect(refused, query).toBeUndefined();
      const fetched = JSON.stringify(plan);
      // The client's field under the router's alias, the @requires' own next to it.
      expect(fetched, query).toContain(`_shopstream_own_comments:comments(${argument})`);
      expect(fetched, query).toContain("comments(limit:3)");
    }
  });

  it("refuses two @requires that need one field with different arguments, and names them", () => {
    const { refused } = planned(version, "{ products { shippingEstimate shippingEstimateEUR } }");
    expect(refused).toMatchObject({ status: 400, code: "UNSAFE_QUERY_PLAN" });
    expect(refused?.message).toBe(
      'The operation cannot be answered correctly: Product.price(currency: "USD") for @requires of Product.shippingEstimate ' +
        'and price(currency: "EUR") for @requires of Product.shippingEstimateEUR: the planner would fetch it once, with one of them',
    );
    expect(planned(version, "{ products { shippingEstimate shippingEstimateEUR } }", false).refused?.message).toBe(
      "The operation cannot be answered correctly",
    );
  });

  it("plans the same fields when nothing conflicts: the same arguments, an alias, one @requires alone", () => {
    for (const query of [
      "{ feed { author { id } comments(limit: 3) { id } } }",
      "{ feed { author { id } first: comments(limit: 1) { id } } }",
      "{ feed { comments(limit: 1) { id } } }",
      '{ products { shippingEstimate price(currency: "USD") } }',
      "{ products { shippingEstimate } }",
    ])
      expect(planned(version, query).plan?.node, query).toBeDefined();
  });
});

describe("an entity fetched by a key its subgraph cannot resolve", () => {
  const version = versionOf({
    a: `${link('"@key"')}
      type A @key(fields: "id")
        @key(fields: "compositeId { one two }", resolvable: false)
        @key(fields: "id compositeId { two three }", resolvable: false) {
        id: ID!
        compositeId: CompositeID!
        name: String!
      }
      type CompositeID { one: ID! two: ID! three: ID! }`,
    b: `${link('"@key", "@requires", "@external"')}
      type Query { b: B }
      type B @key(fields: "id") { id: ID! a: [A!]! }
      type A @key(fields: "compositeId { one two }", resolvable: false)
        @key(fields: "id compositeId { two three }", resolvable: true)
        @key(fields: "id", resolvable: false) {
        id: ID!
        compositeId: CompositeID!
        name: String! @external
        nameInB: String! @requires(fields: "name")
      }
      type CompositeID { one: ID! two: ID! three: ID! }`,
  });

  it("is refused, and the fetch by a resolvable key next to it is planned", () => {
    const { refused } = planned(version, "{ b { id a { id name nameInB } } }");
    expect(refused).toMatchObject({ status: 400, code: "UNSAFE_QUERY_PLAN" });
    expect(refused?.message).toContain('fetches A from subgraph "b" by fields that are none of its resolvable keys');
    expect(planned(version, "{ b { id a { id name } } }").plan?.node).toBeDefined();
  });
});

describe("a root field no subgraph can resolve", () => {
  const version = versionOf({
    a: `${link('"@key", "@interfaceObject"')}
      interface Node @key(fields: "id") { id: ID! }
      type Product @key(fields: "id", resolvable: false) @interfaceObject { id: ID! }
      type Query { a: Node product: Product! }`,
    b: `${link('"@key", "@interfaceObject"')}
      type Node @key(fields: "id", resolvable: false) @interfaceObject { id: ID! field: String }
      interface Product @key(fields: "id") { id: ID! }
      type Bread implements Product @key(fields: "id") { id: ID! }
      type Query { b: Node }`,
  });

  it("is refused instead of answered null without an error", () => {
    expect(planned(version, "{ a { field } }").refused).toMatchObject({
      code: "UNSAFE_QUERY_PLAN",
      message: 'The operation cannot be answered correctly: the planner found no subgraph to resolve "a"',
    });
  });

  it("lets operations that need no plan through: __typename, introspection, a constant @skip", () => {
    for (const query of ["{ __typename }", "{ __schema { queryType { name } } }", "{ a @skip(if: true) { field } }"])
      expect(planned(version, query).refused, query).toBeUndefined();
    expect(planned(version, "{ b { field } }").plan?.node).toBeDefined();
  });
});
