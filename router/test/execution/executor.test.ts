// The router's query-plan executor against @apollo/gateway's executeQueryPlan (the reference it
// replaced, kept here as the test's oracle) on the same plans and the same in-process subgraphs:
// identical responses (data, errors with paths and codes, extensions), plus what only ours does:
// one representation per distinct entity.
import { executeQueryPlan as executeWithApolloGateway } from "@apollo/gateway";
import { createLogger } from "@shopstream/kernel";
import { afterAll, describe, expect, it } from "vitest";
import type { Authenticator } from "../../src/auth/authenticator.js";
import { parseRouterSettings } from "../../src/config/router-settings.js";
import { SubgraphPools } from "../../src/datasource/subgraph-pools.js";
import { authenticate } from "../../src/pipeline/authenticate.js";
import { executePlan, requestContextFor } from "../../src/pipeline/execute-plan.js";
import { planOperation } from "../../src/pipeline/plan-operation.js";
import { executionResponse } from "../../src/pipeline/shape-response.js";
import type { SubscriptionHub } from "../../src/subscriptions/subscription-hub.js";
import { buildSchemaVersion } from "../../src/supergraph/schema-version.js";
import { preparedState } from "../support/request-state.js";
import { composeInProcess } from "./in-process-subgraphs.js";

const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])`;
const users = [
  { id: "u1", name: "Ada" },
  { id: "u2", name: "Grace" },
];
const reviews = [
  { id: "r1", author: "u1", upc: "p1", body: "Fits well", rating: 5 },
  { id: "r2", author: "u1", upc: "p2", body: "Too small", rating: 2 },
  { id: "r3", author: "u2", upc: "p1", body: "Lovely", rating: -1 }, // rating throws
  { id: "r4", author: "u2", upc: "p1", body: "", rating: 4 }, // body answers null
];
const products: Record<string, { upc: string; name: string; price: number; category: string }> = {
  p1: { upc: "p1", name: "Linen shirt", price: 4900, category: "SHIRTS" },
  p2: { upc: "p2", name: "Derby shoe", price: 12900, category: "BAGS" }, // inaccessible: not in the API
};

const { supergraphSdl, services, requests } = composeInProcess([
  {
    name: "users",
    typeDefs: `${link}
      type Query { users: [User!]! user(id: ID!): User }
      type User @key(fields: "id") { id: ID! name: String! }`,
    resolvers: {
      Query: { users: () => users, user: (_: unknown, { id }: { id: string }) => users.find((user) => user.id === id) },
      User: { __resolveReference: ({ id }: { id: string }) => users.find((user) => user.id === id) },
    },
  },
  {
    name: "reviews",
    typeDefs: `${link}
      type User @key(fields: "id") { id: ID! reviews: [Review!]! strictReviews: [Review!]! }
      type Review { id: ID! body: String rating: Int product: Product! strictBody: String! }
      type Product @key(fields: "upc") { upc: String! }`,
    resolvers: {
      User: {
        reviews: ({ id }: { id: string }) => reviews.filter((review) => review.author === id),
        strictReviews: ({ id }: { id: string }) => reviews.filter((review) => review.author === id),
      },
      Review: {
        body: (review: (typeof reviews)[number]) => review.body || null,
        strictBody: (review: (typeof reviews)[number]) => review.body || null,
        rating: (review: (typeof reviews)[number]) => {
          if (review.rating < 0) throw new Error("rating unavailable");
          return review.rating;
        },
        product: (review: (typeof reviews)[number]) => ({ upc: review.upc }),
      },
    },
  },
  {
    name: "products",
    typeDefs: `${link}
      type Query { topProducts(first: Int = 5): [Product] search: [SearchResult] }
      enum Category { SHIRTS SHOES BAGS @inaccessible }
      type Product @key(fields: "upc") { upc: String! name: String price: Int category: Category }
      type Shop { city: String! }
      union SearchResult = Product | Shop`,
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first: number }) => Object.values(products).slice(0, first),
        search: () => [products.p1, { city: "Leeds" }],
      },
      SearchResult: { __resolveType: (value: object) => ("upc" in value ? "Product" : "Shop") },
      Product: { __resolveReference: ({ upc }: { upc: string }) => products[upc] },
    },
  },
]);

const pools = new SubgraphPools(1);
afterAll(() => pools.close());
const version = buildSchemaVersion(supergraphSdl, { urlOverrides: {}, defaultTimeoutMs: 1000, timeouts: {}, pools });
Object.assign(version.serviceMap, services);
const logger = createLogger("test", "silent");

async function run(executor: "shopstream" | "apollo", query: string, variables?: Record<string, unknown>) {
  const settings = parseRouterSettings({ identitySecret: "x".repeat(16), requestDedup: false });
  const state = preparedState(version, query, {}, { variables, development: true });
  await authenticate(state, { settings, logger, authenticator: {} as Authenticator });
  planOperation(state, { development: true, logger });
  requests.length = 0;
  if (executor === "shopstream") await executePlan(state, { settings, subscriptions: {} as SubscriptionHub });
  else
    state.result = await executeWithApolloGateway(
      state.plan,
      version.serviceMap,
      requestContextFor(state),
      state.prepared.operationContext,
      version.supergraphGraphQLSchema,
      version.apiSchema,
    );
  return JSON.parse(JSON.stringify(executionResponse(state.result).body));
}

async function bothExecutors(query: string, variables?: Record<string, unknown>) {
  const apollo = await run("apollo", query, variables);
  const ours = await run("shopstream", query, variables);
  expect(ours).toEqual(apollo);
  return ours;
}

describe("query-plan executor", () => {
  it("joins three subgraphs and sends each distinct entity once", async () => {
    const body = await bothExecutors("{ users { name reviews { body product { name price } } } }");
    expect(body.data.users[1]).toEqual({
      name: "Grace",
      reviews: [
        { body: "Lovely", product: { name: "Linen shirt", price: 4900 } },
        { body: null, product: { name: "Linen shirt", price: 4900 } },
      ],
    });
    const productFetch = requests.find((request) => request.subgraph === "products");
    // Four reviews, two products: @apollo/gateway sends four representations, we send two.
    expect(productFetch?.variables.representations).toEqual([
      { __typename: "Product", upc: "p1" },
      { __typename: "Product", upc: "p2" },
    ]);
  });

  it("keeps aliases, __typename (root too) and field order as asked", async () => {
    const body = await bothExecutors(
      '{ __typename people: users { who: name __typename } one: user(id: "u2") { name id } }',
    );
    expect(body.data).toEqual({
      __typename: "Query",
      people: [
        { who: "Ada", __typename: "User" },
        { who: "Grace", __typename: "User" },
      ],
      one: { name: "Grace", id: "u2" },
    });
    expect(Object.keys(body.data.one)).toEqual(["name", "id"]);
  });

  it("honours @include/@skip variables and argument defaults", async () => {
    const query =
      "query ($with: Boolean!) { users { name reviews @include(if: $with) { rating } } topProducts { upc } }";
    const withReviews = await bothExecutors(query, { with: true });
    expect(withReviews.data.users[0].reviews).toEqual([{ rating: 5 }, { rating: 2 }]);
    const without = await bothExecutors(query, { with: false });
    expect(without.data.users[0]).toEqual({ name: "Ada" });
    expect(without.data.topProducts).toHaveLength(2);
  });

  it("reports a subgraph error at its path in the client's response, with the subgraph named", async () => {
    const body = await bothExecutors("{ users { reviews { id rating } } }");
    expect(body.data.users[1].reviews[0]).toEqual({ id: "r3", rating: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "rating unavailable",
        path: ["users", 1, "reviews", 0, "rating"],
        extensions: expect.objectContaining({ serviceName: "reviews", code: "DOWNSTREAM_SERVICE_ERROR" }),
      }),
    ]);
  });

  it("propagates a null in a non-null field up to the nearest nullable parent", async () => {
    const body = await bothExecutors('{ user(id: "u2") { name strictReviews { strictBody } } }');
    expect(body.data).toEqual({ user: null });
    expect(body.errors?.[0]?.path).toEqual(["user", "strictReviews", 1, "strictBody"]);
  });

  it("resolves union fragments by __typename and answers introspection locally", async () => {
    const body = await bothExecutors(
      '{ search { __typename ... on Product { name } ... on Shop { city } } __type(name: "Category") { enumValues { name } } }',
    );
    expect(body.data.search).toEqual([
      { __typename: "Product", name: "Linen shirt" },
      { __typename: "Shop", city: "Leeds" },
    ]);
    expect(body.data.__type.enumValues).toEqual([{ name: "SHIRTS" }, { name: "SHOES" }]);
    expect(requests.some((request) => request.query.includes("__type("))).toBe(false);
  });

  it("nulls a value its type does not allow and says so under extensions.valueCompletion", async () => {
    const body = await bothExecutors("{ topProducts { upc category } }");
    expect(body.data.topProducts).toEqual([
      { upc: "p1", category: "SHIRTS" },
      { upc: "p2", category: null },
    ]);
    expect(body.errors).toBeUndefined();
    expect(body.extensions.valueCompletion[0]).toMatchObject({
      message: "Invalid value found for field Product.category.",
      path: ["topProducts", 1, "category"],
    });
  });

  it("turns a malformed subgraph answer into an error and keeps the rest", async () => {
    const original = version.serviceMap.products!;
    version.serviceMap.products = { process: async () => ({ data: { _entities: [] } }) };
    try {
      const body = await run("shopstream", "{ users { name reviews { product { name } } } }");
      expect(body.errors).toEqual([
        { message: 'Expected "data._entities" to contain 2 elements', extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ]);
      // The products fetch failed; Product.name is nullable, so only it is null.
      expect(body.data.users[0]).toEqual({
        name: "Ada",
        reviews: [{ product: { name: null } }, { product: { name: null } }],
      });
    } finally {
      version.serviceMap.products = original;
    }
  });
});
