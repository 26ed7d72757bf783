// Cost estimate and pagination bounds on a small schema with lists, a connection and @cost/@listSize.
import { readFile } from "node:fs/promises";
import { Supergraph } from "@apollo/federation-internals";
import { describe, expect, it } from "vitest";
import { buildSchema, Kind, parse } from "../../src/graphql-runtime.js";
import { fragmentsByName } from "../../src/protection/document-limits.js";
import { enforceOperationCost, estimateCost } from "../../src/protection/operation-cost.js";
import { defaultLimits } from "../../src/protection/protection-config.js";
import type { RequestError } from "../../src/request/request-error.js";
import { SUPPORTED_SUPERGRAPH_FEATURES } from "../../src/supergraph/supported-features.js";

const schema = buildSchema(`
  directive @cost(weight: Int!) on FIELD_DEFINITION
  directive @listSize(assumedSize: Int) on FIELD_DEFINITION
  type Query {
    product(id: ID!): Product
    products(first: Int, last: Int): ProductConnection!
    tags: [String!]!
    expensive: Product @cost(weight: 50)
    featured: [Product!]! @listSize(assumedSize: 3)
  }
  type ProductConnection { edges: [Edge!]! totalCount: Int! }
  type Edge { node: Product! }
  type Product { id: ID! name: String! related: [Product!]! }
`);

function cost(query: string, variables: Record<string, unknown> = {}, limits = defaultLimits) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)!;
  const input = {
    operation: operation as never,
    fragments: fragmentsByName(document),
    schema,
    directiveSchema: schema,
    variables,
    limits,
  };
  return { estimate: () => estimateCost(input), enforce: () => enforceOperationCost(input) };
}

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as RequestError;
  }
  throw new Error("expected a rejection");
};

describe("operation cost", () => {
  it("charges objects 1, leaves 0, and multiplies lists", () => {
    expect(cost("{ product(id: 1) { id name } }").estimate()).toBe(1);
    expect(cost("{ tags }").estimate()).toBe(0);
    // default list size 10: related (10 × 1)
    expect(cost("{ product(id: 1) { related { id } } }").estimate()).toBe(11);
  });

  it("sizes a connection's edges by first/last, from literals, variables and defaults", () => {
    expect(cost("{ products(first: 24) { edges { node { id } } } }").estimate()).toBe(1 + 24 * 2);
    expect(cost("query($n: Int) { products(first: $n) { edges { node { id } } } }", { n: 5 }).estimate()).toBe(11);
    expect(cost("query($n: Int = 2) { products(last: $n) { edges { node { id } } } }").estimate()).toBe(5);
  });

  it("honours @cost and @listSize, and fragments", () => {
    expect(cost("{ expensive { id } }").estimate()).toBe(50);
    expect(cost("{ featured { id } }").estimate()).toBe(3);
    expect(cost("{ ...F } fragment F on Query { featured { ...P } } fragment P on Product { id }").estimate()).toBe(3);
  });

  it("rejects a cost over the limit with the limit's name", () => {
    const nestedLists = "{ featured { related { related { related { related { id } } } } } }";
    const error = thrown(cost(nestedLists, {}, { ...defaultLimits, maxCost: 1_000 }).enforce);
    expect(error.code).toBe("COST_LIMIT_EXCEEDED");
    expect(error.details[0]?.extensions).toMatchObject({ limit: "maxCost", max: 1_000 });
  });

  it("bounds first/last: negative, oversized and non-integer values are refused", () => {
    for (const value of ["-5", "1000000"]) {
      const error = thrown(cost(`{ products(first: ${value}) { totalCount } }`).enforce);
      expect(error.code).toBe("INVALID_PAGINATION_ARGUMENT");
      expect(error.message).toContain("from 0 to 100");
    }
    expect(thrown(cost("query($n: Int) { products(last: $n) { totalCount } }", { n: -1 }).enforce).code).toBe(
      "INVALID_PAGINATION_ARGUMENT",
    );
    expect(cost("{ products(first: 100) { totalCount } }").enforce()).toBe(1);
  });
});

describe("operation cost with the subgraphs' declared @cost/@listSize", () => {
  it("charges a catalog search its declared weight and sizes variants by their assumed size", async () => {
    const sdl = await readFile(new URL("../../../schema/supergraph.graphql", import.meta.url), "utf8");
    const supergraph = Supergraph.build(sdl, { supportedFeatures: SUPPORTED_SUPERGRAPH_FEATURES as Set<string> });
    const api = supergraph.apiSchema().toGraphQLJSSchema();
    const directiveSchema = supergraph.schema.toGraphQLJSSchema();
    const estimate = (query: string) => {
      const document = parse(query);
      const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)!;
      return estimateCost({
        operation: operation as never,
        fragments: fragmentsByName(document),
        schema: api,
        directiveSchema,
        variables: {},
        limits: defaultLimits,
      });
    };
    // products: @cost(weight: 20) instead of 1; 2 edges of one node each.
    expect(estimate(`{ products(first: 2) { edges { node { id } } } }`)).toBe(20 + 2 * 2);
    // variants: @listSize(assumedSize: 12) instead of the default 10.
    expect(estimate(`{ product(id: "p") { variants { id } } }`)).toBe(1 + 12);
  });
});
