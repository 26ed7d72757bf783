// A small supergraph with two progressive @override labels, for the router's override tests.
import { composeServices } from "@apollo/composition";
import type { SubgraphPools } from "../../src/datasource/subgraph-pools.js";
import { parse } from "../../src/graphql-runtime.js";
import { buildSchemaVersion } from "../../src/supergraph/schema-version.js";

const link = (imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports}])`;

export const PRICE = "legacy:price";
export const REVIEWS = "percent(40)";

export function overrideSupergraph(): string {
  const composed = composeServices([
    {
      name: "legacy",
      url: "http://127.0.0.1:1/graphql",
      typeDefs: parse(`${link('"@key"')}
        type Query { product(id: ID!): Product, node(id: ID!): Node }
        interface Node { id: ID! }
        type Product implements Node @key(fields: "id") { id: ID! name: String! price: Int! reviewCount: Int! }`),
    },
    {
      name: "catalog",
      url: "http://127.0.0.1:2/graphql",
      typeDefs: parse(`${link('"@key", "@override"')}
        type Product @key(fields: "id") {
          id: ID!
          price: Int! @override(from: "legacy", label: "${PRICE}")
          reviewCount: Int! @override(from: "legacy", label: "${REVIEWS}")
        }`),
    },
  ]);
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((error) => error.message).join("\n"));
  return composed.supergraphSdl;
}

export function overrideSchemaVersion(pools: SubgraphPools) {
  return buildSchemaVersion(overrideSupergraph(), { urlOverrides: {}, defaultTimeoutMs: 1000, timeouts: {}, pools });
}
