// The legacy subgraph answers Variant.availability from the monolith's legacy_stock table with the
// monolith's rules, for entity references the router sends.
import { uniqueName } from "@shopstream/kernel/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LegacyHarness, startHarness } from "./support/harness.js";

let legacy: LegacyHarness;
beforeAll(async () => {
  legacy = await startHarness();
});
afterAll(() => legacy?.close());

const entities = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Variant { id availability } }
}`;

describe("legacy Variant.availability", () => {
  it("applies the monolith's rules per SKU, batched in one entity fetch", async () => {
    const [plenty, low, allocated, discontinued, unknown] = ["plenty", "low", "alloc", "disc", "unknown"].map((kind) =>
      uniqueName(`legacy-${kind}`),
    ) as [string, string, string, string, string];
    await legacy.setStock({ skuId: plenty, qtyOnHand: 50, qtyAllocated: 10, discFlag: 0 });
    await legacy.setStock({ skuId: low, qtyOnHand: 10, qtyAllocated: 10 - legacy.lowStockAt, discFlag: 0 });
    await legacy.setStock({ skuId: allocated, qtyOnHand: 7, qtyAllocated: 7, discFlag: 0 });
    await legacy.setStock({ skuId: discontinued, qtyOnHand: 90, qtyAllocated: 0, discFlag: 1 });

    const ids = [plenty, low, allocated, discontinued, unknown];
    const body = await legacy.gql(entities, { representations: ids.map((id) => ({ __typename: "Variant", id })) });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: plenty, availability: "IN_STOCK" },
      { id: low, availability: "LOW_STOCK" },
      { id: allocated, availability: "OUT_OF_STOCK" },
      { id: discontinued, availability: "OUT_OF_STOCK" },
      { id: unknown, availability: "OUT_OF_STOCK" },
    ]);
  });

  it("rejects requests without the router's signed identity", async () => {
    const response = await fetch(legacy.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ _service { sdl } }" }),
    });
    expect(response.status).toBe(401);
  });
});
