// A shopper's checkout against the BUILT platform in production mode (support/built-platform.ts):
// only the registered storefront operations (schema/operations/storefront) run through the router,
// introspection is off, and the order is confirmed by the saga across the built services. The
// ops-side set-up (a product, its stock) goes straight to the subgraphs with an identity signed
// with this run's secret, as an internal admin tool would.
import { randomUUID } from "node:crypto";
import { waitFor } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, startBuiltPlatform } from "./support/built-platform.js";
import { post, shippingAddress, storefrontClient } from "./support/storefront-client.js";

let platform: BuiltPlatform;
let client: ReturnType<typeof storefrontClient>;
beforeAll(async () => {
  platform = await startBuiltPlatform();
  client = storefrontClient(platform);
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

describe("the built platform in production mode", () => {
  it("refuses operations that are not registered, and introspection", async () => {
    const unregistered = await post(platform.routerUrl, { query: "{ products(first: 1) { totalCount } }" });
    expect(unregistered.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    const introspection = await post(platform.routerUrl, { query: "{ __schema { types { name } } }" });
    expect(introspection.data?.__schema).toBeUndefined();
    expect(introspection.errors?.length).toBeGreaterThan(0);
  });

  it("signs a shopper up, fills the cart and confirms the order through the router", async () => {
    const variantId = await client.createStockedVariant(3);
    const token = await client.signUp();
    const added = await client.viaRouter("AddToCart", { input: { variantId, quantity: 2 } }, token);
    expect(added.data?.addToCart?.userErrors).toEqual([]);
    const details = await client.viaRouter(
      "SetCheckoutDetails",
      { input: { shippingAddress, shippingMethod: "STANDARD" } },
      token,
    );
    expect(details.data?.setCheckoutDetails.userErrors, JSON.stringify(details)).toEqual([]);
    const placed = await client.viaRouter(
      "PlaceOrder",
      { input: { idempotencyKey: `built-${randomUUID()}`, paymentToken: "tok_visa" } },
      token,
    );
    expect(placed.data?.placeOrder.userErrors, JSON.stringify(placed)).toEqual([]);
    const orderId = placed.data.placeOrder.order.id as string;

    const settled = await waitFor(
      async () => {
        const order = (await client.viaRouter("OrderStatus", { id: orderId }, token)).data?.order;
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
