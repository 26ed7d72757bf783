// Admin mutations: scope enforcement, and each change committed with its outbox event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrand, createProductMutation, productInput, uniqueWord } from "./support/fixtures.js";
import { anonymous, type Harness, shopper, startHarness } from "./support/harness.js";

const updateMutation = `
  mutation Update($input: UpdateProductInput!) {
    updateProduct(input: $input) { product { id name slug } userErrors { code field } }
  }`;
const priceMutation = `
  mutation Price($input: SetVariantPriceInput!) {
    setVariantPrice(input: $input) {
      variant { id price { amount currency } compareAtPrice { amount currency } }
      userErrors { code field }
    }
  }`;
const archiveMutation = `
  mutation Archive($id: ID!) { archiveProduct(id: $id) { product { id status } userErrors { code field } } }`;

describe("admin mutations", () => {
  let harness: Harness;
  let brandId: string;

  /** The outbox rows written for one product, oldest first. */
  const eventsFor = (productId: string) =>
    harness.prisma.outboxEvent.findMany({ where: { key: productId }, orderBy: { id: "asc" } });

  async function create(name = `Linen Shirt ${uniqueWord()}`) {
    const input = productInput({ name, brandId, variants: [{ size: "M", colour: "Ecru", amount: 4995 }] });
    const result = await harness.gql(createProductMutation, { input });
    expect(result.data.createProduct.userErrors).toEqual([]);
    return result.data.createProduct.product as {
      id: string;
      slug: string;
      name: string;
      variants: Array<{ id: string; sku: string }>;
    };
  }

  beforeAll(async () => {
    harness = await startHarness();
    brandId = (await createBrand(harness.prisma)).id;
  });
  afterAll(() => harness.close());

  it("createProduct writes the product and a catalog.product.changed event", async () => {
    const product = await create();
    const events = await eventsFor(product.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ topic: "catalog.products", type: "catalog.product.changed" });
    // Full state (event-carried state transfer): orders prices carts and recommendations
    // classifies products from this event alone.
    expect((events[0]!.payload as { data: unknown }).data).toEqual({
      productId: product.id,
      slug: product.slug,
      name: product.name,
      status: "ACTIVE",
      brandId,
      categoryIds: [],
      variantIds: product.variants.map((variant) => variant.id),
      variants: product.variants.map((variant) => ({
        variantId: variant.id,
        sku: variant.sku,
        price: { amount: 4995, currency: "EUR" },
        compareAtPrice: null,
      })),
      changedFields: ["created"],
    });
  });

  it("updateProduct emits the fields that really changed", async () => {
    const product = await create();
    const newSlug = `renamed-${uniqueWord()}`;
    const result = await harness.gql(updateMutation, {
      input: { id: product.id, name: "Renamed Shirt", slug: newSlug },
    });
    expect(result.data.updateProduct).toMatchObject({
      userErrors: [],
      product: { name: "Renamed Shirt", slug: newSlug },
    });
    const events = await eventsFor(product.id);
    expect(events).toHaveLength(2);
    expect((events[1]!.payload as { data: { changedFields: string[]; slug: string } }).data).toMatchObject({
      slug: newSlug,
      changedFields: ["name", "slug"],
    });
  });

  it("setVariantPrice emits catalog.price.changed with both prices", async () => {
    const product = await create();
    const variantId = product.variants[0]!.id;
    const result = await harness.gql(priceMutation, {
      input: { variantId, price: { amount: 3995, currency: "EUR" }, compareAtPrice: { amount: 4995, currency: "EUR" } },
    });
    expect(result.data.setVariantPrice).toMatchObject({
      userErrors: [],
      variant: { price: { amount: 3995, currency: "EUR" }, compareAtPrice: { amount: 4995, currency: "EUR" } },
    });
    const events = await eventsFor(product.id);
    expect(events.map((event) => event.type)).toEqual(["catalog.product.changed", "catalog.price.changed"]);
    expect((events[1]!.payload as { data: unknown }).data).toEqual({
      productId: product.id,
      variantId,
      sku: product.variants[0]!.sku,
      price: { amount: 3995, currency: "EUR" },
      compareAtPrice: { amount: 4995, currency: "EUR" },
    });
  });

  it("archiveProduct emits the ARCHIVED status and takes the product out of search", async () => {
    const word = uniqueWord();
    const product = await create(`${word} Archived Tee`);
    const result = await harness.gql(archiveMutation, { id: product.id });
    expect(result.data.archiveProduct).toEqual({ product: { id: product.id, status: "ARCHIVED" }, userErrors: [] });
    const events = await eventsFor(product.id);
    expect((events.at(-1)!.payload as { data: unknown }).data).toMatchObject({
      status: "ARCHIVED",
      changedFields: ["status"],
    });
    const search = await harness.gql(`{ products(search: "${word}") { totalCount } }`);
    expect(search.data.products.totalCount).toBe(0);
    const again = await harness.gql(archiveMutation, { id: product.id });
    expect(again.data.archiveProduct.userErrors).toEqual([{ code: "ALREADY_ARCHIVED", field: ["id"] }]);
  });

  it("rejects callers without catalog:write, and requests without a valid signature", async () => {
    const input = productInput({
      name: `Denied ${uniqueWord()}`,
      brandId,
      variants: [{ size: "M", colour: "Red", amount: 1 }],
    });
    const forbidden = await harness.gql(createProductMutation, { input }, shopper);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unauthenticated = await harness.gql(createProductMutation, { input }, anonymous);
    expect(unauthenticated.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const unsigned = await harness.post({ query: createProductMutation, variables: { input } }, {});
    expect(unsigned.status).toBe(401);
    const forged = await harness.post(
      { query: createProductMutation, variables: { input } },
      { "x-shopstream-identity": "e30", "x-shopstream-signature": "forged" },
    );
    expect(forged.status).toBe(401);
    expect(await harness.prisma.variant.count({ where: { sku: input.variants[0]!.sku } })).toBe(0);
  });

  it("shows a draft only to catalog editors", async () => {
    const input = productInput({
      name: `Draft ${uniqueWord()}`,
      brandId,
      variants: [{ size: "M", colour: "Red", amount: 1 }],
    });
    const created = await harness.gql(createProductMutation, { input: { ...input, status: "DRAFT" } });
    const { id } = created.data.createProduct.product;
    const query = `query($id: ID!) { product(id: $id) { id status } }`;
    expect((await harness.gql(query, { id }, shopper)).data.product).toBeNull();
    expect((await harness.gql(query, { id })).data.product).toEqual({ id, status: "DRAFT" });
  });
});
