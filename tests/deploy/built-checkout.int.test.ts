// A shopper's checkout against the BUILT platform in production mode (support/built-platform.ts):
// only the registered storefront operations (schema/operations/storefront) run through the router,
// introspection is off, and the order is confirmed by the saga across the built services. The
// ops-side set-up (a product, its stock) goes straight to the subgraphs with an identity signed
// with this run's secret, as an internal admin tool would.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { signIdentityHeaders } from "@shopstream/kernel";
import { waitFor } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, startBuiltPlatform } from "./support/built-platform.js";

const operationsDir = path.resolve(import.meta.dirname, "../../schema/operations/storefront");
const operation = (file: string) => readFileSync(path.join(operationsDir, `${file}.graphql`), "utf8");

let platform: BuiltPlatform;
beforeAll(async () => {
  platform = await startBuiltPlatform();
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response fields one by one
type Body = { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Body> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Body;
}

const viaRouter = (file: string, variables: Record<string, unknown>, token?: string) =>
  post(platform.routerUrl, { query: operation(file), variables }, token ? { authorization: `Bearer ${token}` } : {});

const asAdmin = (subgraph: "catalog" | "inventory", query: string, variables: Record<string, unknown>) =>
  post(
    platform.subgraphUrls[subgraph],
    { query, variables },
    signIdentityHeaders(
      { userId: "ops-admin", sessionId: null, scopes: [`${subgraph}:write`] },
      platform.identitySecret,
    ),
  );

describe("the built platform in production mode", () => {
  it("refuses operations that are not registered, and introspection", async () => {
    const unregistered = await post(platform.routerUrl, { query: "{ products(first: 1) { totalCount } }" });
    expect(unregistered.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    const introspection = await post(platform.routerUrl, { query: "{ __schema { types { name } } }" });
    expect(introspection.data?.__schema).toBeUndefined();
    expect(introspection.errors?.length).toBeGreaterThan(0);
  });

  it("signs a shopper up, fills the cart and confirms the order through the router", async () => {
    const search = await viaRouter("search", { search: null, filter: null, after: null });
    expect(search.errors, JSON.stringify(search)).toBeUndefined();
    const brandId = search.data.products.facets.brands[0].brand.id as string;

    const created = await asAdmin(
      "catalog",
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) {
        product { variants { id } } userErrors { code message } } }`,
      {
        input: {
          name: `Built Parka ${randomUUID().slice(0, 8)}`,
          brandId,
          categoryIds: [],
          status: "ACTIVE",
          description: "",
          variants: [
            {
              sku: `BUILT-${randomUUID().slice(0, 8).toUpperCase()}`,
              size: "M",
              colour: "Olive",
              price: { amount: 12_000, currency: "EUR" },
            },
          ],
        },
      },
    );
    expect(created.data?.createProduct.userErrors, JSON.stringify(created)).toEqual([]);
    const variantId = created.data.createProduct.product.variants[0].id as string;
    const received = await asAdmin(
      "inventory",
      `mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { userErrors { code message } } }`,
      { input: { variantId, warehouseId: "wh-ber", quantity: 3 } },
    );
    expect(received.data?.receiveStock.userErrors, JSON.stringify(received)).toEqual([]);

    const signUp = await viaRouter("sign-up", {
      input: { email: `built-${randomUUID()}@example.com`, name: "Built Shopper", password: `Built-${randomUUID()}` },
    });
    expect(signUp.data?.signUp.userErrors, JSON.stringify(signUp)).toEqual([]);
    const token = signUp.data.signUp.session.accessToken as string;

    // Orders learns the new variant from catalog's events (outbox → relay → Kafka → consumer).
    await waitFor(
      async () =>
        (await viaRouter("add-to-cart", { input: { variantId, quantity: 2 } }, token)).data?.addToCart?.userErrors
          ?.length === 0,
      { timeoutMs: 60_000, intervalMs: 200, what: `orders to know variant ${variantId}` },
    );
    const details = await viaRouter(
      "set-checkout-details",
      {
        input: {
          shippingAddress: {
            name: "Ada Lovelace",
            line1: "1 Analytical St",
            city: "London",
            postalCode: "N1 1AA",
            country: "GB",
          },
          shippingMethod: "STANDARD",
        },
      },
      token,
    );
    expect(details.data?.setCheckoutDetails.userErrors, JSON.stringify(details)).toEqual([]);
    const placed = await viaRouter(
      "place-order",
      { input: { idempotencyKey: `built-${randomUUID()}`, paymentToken: "tok_visa" } },
      token,
    );
    expect(placed.data?.placeOrder.userErrors, JSON.stringify(placed)).toEqual([]);
    const orderId = placed.data.placeOrder.order.id as string;

    const settled = await waitFor(
      async () => {
        const order = (await viaRouter("order-status", { id: orderId }, token)).data?.order;
        return order?.status !== "PENDING" ? order : null;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: `order ${orderId} to leave PENDING` },
    );
    expect(settled).toMatchObject({
      id: orderId,
      status: "CONFIRMED",
      cancellationReason: null,
      payment: { status: "AUTHORIZED" },
    });
  }, 180_000);
});
