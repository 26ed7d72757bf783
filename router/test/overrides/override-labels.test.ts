// Only the labels of fields an operation actually selects count, through fragments too.
import { afterAll, describe, expect, it } from "vitest";
import { SubgraphPools } from "../../src/datasource/subgraph-pools.js";
import { parse } from "../../src/graphql-runtime.js";
import { operationLabels } from "../../src/overrides/decide-overrides.js";
import { overrideSchemaVersion, PRICE, REVIEWS } from "./support.js";

const pools = new SubgraphPools(1);
afterAll(() => pools.close());
const version = overrideSchemaVersion(pools);
const labelsOf = (query: string, operationName?: string) =>
  operationLabels(version, query, operationName, parse(query));

describe("labels an operation touches", () => {
  it("finds none for fields without @override", () => {
    expect(labelsOf('{ product(id: "1") { id name } }')).toEqual([]);
  });

  it("finds the labels of selected fields, sorted", () => {
    expect(labelsOf('{ product(id: "1") { reviewCount price } }')).toEqual([PRICE, REVIEWS].sort());
    expect(labelsOf('{ product(id: "1") { price } }')).toEqual([PRICE]);
  });

  it("follows named and inline fragments, also on interfaces", () => {
    expect(labelsOf('query Q { product(id: "1") { ...P } } fragment P on Product { reviewCount }')).toEqual([REVIEWS]);
    expect(labelsOf('{ node(id: "1") { ... on Product { price } } }')).toEqual([PRICE]);
  });

  it("looks only at the selected operation", () => {
    const document = 'query A { product(id: "1") { price } } query B { product(id: "1") { name } }';
    expect(labelsOf(document, "A")).toEqual([PRICE]);
    expect(labelsOf(document, "B")).toEqual([]);
  });
});
