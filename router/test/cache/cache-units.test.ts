// Unit tests of the cache's pure parts: policy resolution, keys, event → refs, L1 index, fetch
// analysis and entity refs found in answers.

import { readFile } from "node:fs/promises";
import { Supergraph } from "@apollo/federation-internals";
import { catalogEvents, inventoryEvents } from "@shopstream/kernel";
import { describe, expect, it } from "vitest";
import { audienceKey, entityId, selectionHash } from "../../src/cache/cache-keys.js";
import { collectRefs } from "../../src/cache/entity-refs.js";
import { refsForEvent } from "../../src/cache/event-refs.js";
import { analyseFetch } from "../../src/cache/fetch-shape.js";
import { L1Cache } from "../../src/cache/l1-cache.js";
import { resolveFetchPolicy } from "../../src/cache/policy.js";
import { cachePolicyFromSchema } from "../../src/cache/policy-from-schema.js";
import { buildSchema } from "../../src/graphql-runtime.js";
import { SUPPORTED_SUPERGRAPH_FEATURES } from "../../src/supergraph/supported-features.js";

const schema = buildSchema(`
  directive @cacheControl(maxAge: Int, scope: CacheControlScope) on FIELD_DEFINITION | OBJECT
  enum CacheControlScope { PUBLIC PRIVATE }
  type Query { product(id: ID, slug: String): Product @cacheControl(maxAge: 60) }
  type Product @cacheControl(maxAge: 60) {
    id: ID! name: String! variants: [Variant!]! recommendations(first: Int): [Product!]! @cacheControl(maxAge: 60)
  }
  type Variant @cacheControl(maxAge: 60, scope: PUBLIC) {
    id: ID! price: Int! availability: String! @cacheControl(maxAge: 10) stock: Int @cacheControl(maxAge: 0)
  }
  type Order @cacheControl(scope: PRIVATE) { id: ID! note: String @cacheControl(scope: PRIVATE) }
`);
const defaultCachePolicy = cachePolicyFromSchema(schema);
const entities = (body: string) =>
  `query P__x__1($representations:[_Any!]!){_entities(representations:$representations){${body}}}`;

describe("cache policy", () => {
  it("takes the smallest maxAge of the anchors and the hinted fields, and PRIVATE wins", () => {
    const shape = analyseFetch(entities("...on Variant{availability}"), schema);
    expect(resolveFetchPolicy(defaultCachePolicy, shape.selection)).toEqual({
      maxAge: 10,
      scope: "PUBLIC",
      hintedFields: ["Variant.availability"],
    });
    const root = analyseFetch("query { product(id: 1) { name variants { price } } }", schema);
    expect(resolveFetchPolicy(defaultCachePolicy, root.selection)?.maxAge).toBe(60);
  });

  it("refuses fetches of types or root fields without a policy, with maxAge 0, and mutations", () => {
    expect(
      resolveFetchPolicy(defaultCachePolicy, analyseFetch(entities("...on Order{id}"), schema).selection),
    ).toBeNull();
    expect(
      resolveFetchPolicy(defaultCachePolicy, analyseFetch(entities("...on Variant{stock}"), schema).selection),
    ).toBeNull();
    expect(analyseFetch("mutation { x }", schema).kind).toBe("uncacheable");
  });
});

describe("cache policy from @cacheControl hints", () => {
  it("reads type and field hints; a type without maxAge is not cacheable, a field without it keeps the type's", () => {
    expect(defaultCachePolicy.types).toEqual({
      Product: { maxAge: 60, scope: undefined },
      Variant: { maxAge: 60, scope: "PUBLIC" },
      Order: { maxAge: 0, scope: "PRIVATE" },
    });
    expect(defaultCachePolicy.fields["Order.note"]).toEqual({ maxAge: Infinity, scope: "PRIVATE" });
    expect(defaultCachePolicy.fields["Variant.price"]).toBeUndefined();
  });

  it("finds in the committed supergraph the hints every subgraph declared", async () => {
    const sdl = await readFile(new URL("../../../schema/supergraph.graphql", import.meta.url), "utf8");
    const supergraph = Supergraph.build(sdl, { supportedFeatures: SUPPORTED_SUPERGRAPH_FEATURES as Set<string> });
    const policy = cachePolicyFromSchema(supergraph.schema.toGraphQLJSSchema());
    expect(policy.types).toMatchObject({
      Product: { maxAge: 60, scope: "PUBLIC" }, // catalog
      Variant: { maxAge: 60, scope: "PUBLIC" }, // catalog
      User: { maxAge: 30, scope: "PRIVATE" }, // identity
    });
    expect(policy.fields).toMatchObject({
      "Query.product": { maxAge: 60 },
      "Query.categories": { maxAge: 300 },
      "Query.products": { maxAge: 10 },
      "Query.trending": { maxAge: 30 }, // recommendations
      "Variant.availability": { maxAge: 10 }, // inventory
      "Variant.stock": { maxAge: 0 },
      "User.recommendedProducts": { maxAge: 30, scope: "PRIVATE" },
    });
    expect(policy.types.Order).toBeUndefined(); // orders declares nothing: never cached
  });
});

describe("cache keys", () => {
  it("ignore the planner's operation name and representations, not other variables", () => {
    const a = selectionHash(entities("...on Variant{availability}"), { representations: [1] });
    const b = selectionHash(entities("...on Variant{availability}").replace("P__x__1", "Other__x__3"), {
      representations: [2],
    });
    expect(a).toBe(b);
    expect(selectionHash("query { a }", { first: 1 })).not.toBe(selectionHash("query { a }", { first: 2 }));
  });

  it("separate audiences by scope set and, for PRIVATE, by user", () => {
    const shopper = { userId: "u1", sessionId: null, scopes: [] };
    expect(audienceKey("PUBLIC", shopper)).toBe(audienceKey("PUBLIC", { ...shopper, userId: null }));
    expect(audienceKey("PUBLIC", { ...shopper, scopes: ["catalog:write"] })).not.toBe(audienceKey("PUBLIC", shopper));
    expect(audienceKey("PRIVATE", shopper)).not.toBe(audienceKey("PRIVATE", { ...shopper, userId: "u2" }));
    expect(audienceKey("PRIVATE", { ...shopper, userId: null })).toBeNull();
    expect(entityId({ __typename: "Product", id: "p1" })).toBe("p1");
  });
});

describe("entity refs", () => {
  it("indexes nested entities and hinted fields; root answers use the id argument", () => {
    const shape = analyseFetch("query($id: ID){ product(id: $id) { name variants { id availability } } }", schema);
    const { refs, indexable } = collectRefs(
      { product: { name: "x", variants: [{ id: "v1", availability: "IN_STOCK" }] } },
      shape,
      schema,
      {
        hintedFields: ["Variant.availability"],
        cachedTypes: new Set(["Product", "Variant"]),
        variables: { id: "p1" },
      },
    );
    expect(indexable).toBe(true);
    expect([...refs].sort()).toEqual(["Product:p1", "Variant:v1", "Variant:v1#availability"]);
  });

  it("refuses a root answer whose cached entity cannot be identified", () => {
    const shape = analyseFetch(`query { product(slug: "s") { name } }`, schema);
    const { indexable } = collectRefs({ product: { name: "x" } }, shape, schema, {
      hintedFields: [],
      cachedTypes: new Set(["Product"]),
      variables: {},
    });
    expect(indexable).toBe(false);
  });
});

describe("event → refs", () => {
  const envelope = <T>(definition: { create(e: { source: string; subject: string; data: T }): unknown }, data: T) =>
    definition.create({ source: "test", subject: "s", data }) as never;

  it("maps catalog and inventory events to the entities they change", () => {
    const price = { amount: 100, currency: "EUR" };
    expect(
      refsForEvent(
        envelope(catalogEvents.priceChanged, {
          productId: "p1",
          variantId: "v1",
          sku: "S",
          price,
          compareAtPrice: null,
        }),
      ),
    ).toEqual(["Product:p1", "Variant:v1"]);
    expect(
      refsForEvent(
        envelope(catalogEvents.productChanged, {
          productId: "p1",
          slug: "s",
          status: "ACTIVE",
          variantIds: ["v1", "v2"],
          changedFields: [],
        }),
      ),
    ).toEqual(["Product:p1", "Variant:v1", "Variant:v2"]);
    expect(
      refsForEvent(
        envelope(inventoryEvents.stockChanged, {
          variantId: "v1",
          warehouseId: "w",
          movement: "RECEIVED",
          quantity: 1,
          onHand: 1,
          reserved: 0,
          available: 1,
          availability: "IN_STOCK",
        }),
      ),
    ).toEqual(["Variant:v1#availability"]);
  });
});

describe("L1", () => {
  it("expires entries and drops exactly the entries indexed under an invalidated ref", () => {
    const l1 = new L1Cache(1_000, 100);
    l1.set("a", "1", 60_000, ["Product:p1"], 0);
    l1.set("b", "2", 60_000, ["Product:p2"], 0);
    l1.set("c", "3", 500, ["Product:p2"], 0);
    expect(l1.get("c", 600)).toBeUndefined();
    expect(l1.invalidate(["Product:p1"])).toBe(1);
    expect(l1.get("a", 10)).toBeUndefined();
    expect(l1.get("b", 10)).toBe("2");
    expect(l1.get("b", 1_001)).toBeUndefined();
  });
});
