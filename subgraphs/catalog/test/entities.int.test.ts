// Federation entity resolution: N representations must cost one SQL statement, not N.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrand, createProduct, uniqueWord } from "./support/fixtures.js";
import { type Harness, startHarness } from "./support/harness.js";

const entitiesQuery = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product { id name slug }
      ... on Variant { id sku price { amount currency } }
    }
  }`;

describe("entity resolution", () => {
  let harness: Harness;
  const products: Array<{ id: string; name: string; variants: Array<{ id: string; sku: string }> }> = [];

  beforeAll(async () => {
    harness = await startHarness();
    const brand = await createBrand(harness.prisma);
    for (let i = 0; i < 10; i++)
      products.push(
        await createProduct(harness, {
          name: `Entity ${uniqueWord()}`,
          brandId: brand.id,
          variants: [
            { size: "S", colour: "Black", amount: 1000 },
            { size: "M", colour: "Black", amount: 1000 },
          ],
        }),
      );
  });
  afterAll(() => harness.close());

  it("resolves 10 Product representations with one SQL statement", async () => {
    harness.resetStatements();
    const representations = products.map((product) => ({ __typename: "Product", id: product.id }));
    const result = await harness.gql(entitiesQuery, { representations });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((entity: { id: string }) => entity.id)).toEqual(products.map((p) => p.id));
    expect(harness.statements).toHaveLength(1);
  });

  it("resolves 20 Variant representations with one SQL statement", async () => {
    const variants = products.flatMap((product) => product.variants);
    harness.resetStatements();
    const result = await harness.gql(entitiesQuery, {
      representations: variants.map((variant) => ({ __typename: "Variant", id: variant.id })),
    });
    expect(result.data._entities.map((entity: { sku: string }) => entity.sku)).toEqual(variants.map((v) => v.sku));
    expect(harness.statements).toHaveLength(1);
  });

  it("returns null for an unknown representation without extra statements", async () => {
    harness.resetStatements();
    const result = await harness.gql(entitiesQuery, {
      representations: [
        { __typename: "Product", id: products[0]!.id },
        { __typename: "Product", id: "no-such-product" },
      ],
    });
    expect(result.data._entities[0].id).toBe(products[0]!.id);
    expect(result.data._entities[1]).toBeNull();
    expect(harness.statements).toHaveLength(1);
  });

  it("counts real statements: one product per request costs one statement per request", async () => {
    // The control for the assertions above: without batching the counter must see N statements.
    harness.resetStatements();
    for (const product of products.slice(0, 5))
      await harness.gql(entitiesQuery, { representations: [{ __typename: "Product", id: product.id }] });
    expect(harness.statements).toHaveLength(5);
    expect(harness.statements.every((sql) => /FROM "public"\."product"/.test(sql))).toBe(true);
  });
});
