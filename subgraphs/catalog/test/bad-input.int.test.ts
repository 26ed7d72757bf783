// Each kind of bad input is rejected with a code, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrand, createProduct, createProductMutation, productInput, uniqueWord } from "./support/fixtures.js";
import { type Harness, startHarness } from "./support/harness.js";

const productsQuery = `
  query Page($first: Int, $after: String, $search: String) {
    products(first: $first, after: $after, search: $search) { edges { node { id } } pageInfo { endCursor } }
  }`;

describe("bad input", () => {
  let harness: Harness;
  let brandId: string;

  beforeAll(async () => {
    harness = await startHarness();
    brandId = (await createBrand(harness.prisma)).id;
  });
  afterAll(() => harness.close());

  const validProduct = () =>
    productInput({ name: `Valid ${uniqueWord()}`, brandId, variants: [{ size: "M", colour: "Red", amount: 1000 }] });

  /** Runs createProduct and proves that neither the product nor its variants nor an event exist. */
  async function expectCreateRejected(input: ReturnType<typeof validProduct>, code: string, field: string[]) {
    const result = await harness.gql(createProductMutation, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data.createProduct.product).toBeNull();
    expect(result.data.createProduct.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    const skus = input.variants.map((variant) => variant.sku);
    expect(await harness.prisma.variant.count({ where: { sku: { in: skus } } })).toBe(0);
    expect(await harness.prisma.product.count({ where: { name: input.name } })).toBe(0);
  }

  it("rejects an unknown cursor", async () => {
    for (const after of ["garbage", Buffer.from('{"s":"NEWEST"}').toString("base64url")]) {
      const result = await harness.gql(productsQuery, { first: 2, after });
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("rejects a cursor from a different search", async () => {
    const first = await harness.gql(productsQuery, { first: 1 });
    const after = first.data.products.pageInfo.endCursor;
    const result = await harness.gql(productsQuery, { first: 1, after, search: "dress" });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("rejects first over 100 (and below 0)", async () => {
    for (const first of [101, -1]) {
      const result = await harness.gql(productsQuery, { first });
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.data).toBeNull();
    }
    const hundred = await harness.gql(productsQuery, { first: 100 });
    expect(hundred.errors).toBeUndefined();
  });

  it("rejects an empty name", async () => {
    await expectCreateRejected({ ...validProduct(), name: "   " }, "REQUIRED", ["name"]);
  });

  it("rejects a negative price", async () => {
    const input = validProduct();
    input.variants[0]!.price.amount = -1;
    await expectCreateRejected(input, "NEGATIVE_AMOUNT", ["variants", "0", "price", "amount"]);
  });

  it("rejects an unknown currency", async () => {
    const input = validProduct();
    input.variants[0]!.price.currency = "XYZ";
    await expectCreateRejected(input, "UNKNOWN_CURRENCY", ["variants", "0", "price", "currency"]);
  });

  it("rejects a bad setVariantPrice and leaves the price and the outbox alone", async () => {
    const product = await createProduct(harness, {
      name: `Priced ${uniqueWord()}`,
      brandId,
      variants: [{ size: "M", colour: "Red", amount: 1000 }],
    });
    const variantId = product.variants[0]!.id;
    const cases = [
      [{ amount: -5, currency: "EUR" }, null, "NEGATIVE_AMOUNT"],
      [{ amount: 500, currency: "EURO" }, null, "UNKNOWN_CURRENCY"],
      [{ amount: 500, currency: "EUR" }, { amount: 400, currency: "EUR" }, "COMPARE_AT_NOT_ABOVE_PRICE"],
      [{ amount: 500, currency: "USD" }, { amount: 900, currency: "EUR" }, "CURRENCY_MISMATCH"],
    ] as const;
    for (const [price, compareAtPrice, code] of cases) {
      const result = await harness.gql(
        `mutation($input: SetVariantPriceInput!) { setVariantPrice(input: $input) { variant { id } userErrors { code } } }`,
        { input: { variantId, price, compareAtPrice } },
      );
      expect(result.data.setVariantPrice).toEqual({ variant: null, userErrors: [expect.objectContaining({ code })] });
    }
    const variant = await harness.prisma.variant.findUniqueOrThrow({ where: { id: variantId } });
    expect(variant.priceAmount).toBe(1000);
    const events = await harness.prisma.outboxEvent.findMany({ where: { key: product.id } });
    expect(events.map((event) => event.type)).toEqual(["catalog.product.changed"]);
  });

  it("rejects duplicate slugs and skus with ALREADY_EXISTS", async () => {
    const existing = await createProduct(harness, {
      name: `Taken ${uniqueWord()}`,
      brandId,
      variants: [{ size: "M", colour: "Red", amount: 1000 }],
    });
    await expectCreateRejected({ ...validProduct(), slug: existing.slug }, "ALREADY_EXISTS", ["slug"]);
    const input = validProduct();
    input.variants[0]!.sku = existing.variants[0]!.sku;
    const result = await harness.gql(createProductMutation, { input });
    expect(result.data.createProduct.userErrors).toContainEqual(expect.objectContaining({ code: "ALREADY_EXISTS" }));
  });

  it("turns a slug race between two writers into ALREADY_EXISTS, not a server error", async () => {
    const slug = `race-${uniqueWord()}`;
    const results = await Promise.all(
      [0, 1].map(() => harness.gql(createProductMutation, { input: { ...validProduct(), slug } })),
    );
    const payloads = results.map((result) => result.data.createProduct);
    expect(payloads.filter((payload) => payload.product)).toHaveLength(1);
    expect(payloads.flatMap((payload) => payload.userErrors)).toEqual([
      expect.objectContaining({ code: "ALREADY_EXISTS", field: ["slug"] }),
    ]);
  });
});
