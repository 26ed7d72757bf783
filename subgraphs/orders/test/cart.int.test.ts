// Carts against the real database, with the read model fed by catalog events over real Kafka.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADD_TO_CART, address, MERGE, newUser, PLACE_ORDER, publishProduct, SET_CHECKOUT } from "./support/fixtures.js";
import { type Harness, startHarness } from "./support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const CART = `query($token: String) { cart(cartToken: $token) { token lines { variant { id } quantity available } } }`;

describe("carts", () => {
  it("merges a guest cart into the user's on sign-in: quantities add up, archived items dropped with a notice", async () => {
    const kept = await publishProduct(h, { price: 1_000 });
    const archived = await publishProduct(h, { price: 700 });
    const userId = newUser();
    await h.gql(ADD_TO_CART, { input: { variantId: kept.variantId, quantity: 1 } }, { userId });

    const guest = await h.gql(ADD_TO_CART, { input: { variantId: kept.variantId, quantity: 2 } });
    const token = guest.data.addToCart.cart.token as string;
    expect(token).toMatch(/^cart_/);
    await h.gql(ADD_TO_CART, { input: { cartToken: token, variantId: archived.variantId, quantity: 1 } });
    await publishProduct(h, { ...archived, price: 700, status: "ARCHIVED" });

    const merged = await h.gql(MERGE, { token }, { userId });
    expect(merged.data.mergeGuestCart.userErrors).toEqual([]);
    expect(merged.data.mergeGuestCart.cart.lines).toEqual([
      { variant: { id: kept.variantId }, quantity: 3, available: true, unitPrice: { amount: 1_000, currency: "USD" } },
    ]);
    expect(merged.data.mergeGuestCart.notices).toHaveLength(1);
    expect(merged.data.mergeGuestCart.notices[0]).toContain("no longer available");
    expect((await h.gql(CART, { token })).data.cart).toBeNull(); // the guest cart is gone
    const again = await h.gql(MERGE, { token }, { userId });
    expect(again.data.mergeGuestCart.cart.lines[0].quantity).toBe(3); // merging twice changes nothing
  });

  it("validates lines against the read model and computes totals with tax and shipping", async () => {
    const product = await publishProduct(h, { price: 1_999 });
    const userId = newUser();
    const unknown = await h.gql(ADD_TO_CART, { input: { variantId: "no-such-variant", quantity: 1 } }, { userId });
    expect(unknown.data.addToCart.userErrors[0].code).toBe("VARIANT_UNAVAILABLE");
    const bad = await h.gql(ADD_TO_CART, { input: { variantId: product.variantId, quantity: 0 } }, { userId });
    expect(bad.data.addToCart.userErrors[0].code).toBe("INVALID_QUANTITY");
    await h.gql(ADD_TO_CART, { input: { variantId: product.variantId, quantity: 3 } }, { userId });
    const express = await h.gql(
      SET_CHECKOUT,
      { input: { shippingAddress: address, shippingMethod: "EXPRESS" } },
      { userId },
    );
    expect(express.data.setCheckoutDetails.cart.totals).toEqual({
      subtotal: { amount: 5_997, currency: "USD" },
      shipping: { amount: 1_500 },
      tax: { amount: 480 }, // 8 % of 5997 = 479.76, rounded half up
      total: { amount: 7_977 },
    });
    const badAddress = await h.gql(
      SET_CHECKOUT,
      { input: { shippingAddress: { ...address, country: "Britain" } } },
      { userId },
    );
    expect(badAddress.data.setCheckoutDetails.userErrors[0].field).toEqual(["shippingAddress", "country"]);
  });

  it("a price change reaches the cart through the catalog event; placeOrder snapshots it", async () => {
    const product = await publishProduct(h, { price: 1_000 });
    const userId = newUser();
    await h.gql(ADD_TO_CART, { input: { variantId: product.variantId, quantity: 1 } }, { userId });
    await publishProduct(h, { ...product, price: 1_200 });
    const cart = await h.gql(`query { cart { lines { unitPrice { amount } } } }`, {}, { userId });
    // publishProduct waited for the status only; the price arrives with the same event.
    expect(cart.data.cart.lines[0].unitPrice.amount).toBe(1_200);
    const noAddress = await h.gql(
      PLACE_ORDER,
      { input: { idempotencyKey: "key-no-address", paymentToken: "tok_visa" } },
      { userId },
    );
    expect(noAddress.data.placeOrder.userErrors[0].code).toBe("SHIPPING_ADDRESS_REQUIRED");
    expect(await h.prisma.order.count({ where: { ownerKey: `user:${userId}` } })).toBe(0);
  });

  it("rejects requests without the router's identity signature", async () => {
    const response = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ cart { id } }"}',
    });
    expect(response.status).toBe(401);
  });
});

describe("placeOrder idempotency under concurrency", () => {
  async function cartReadyToOrder(variantId: string) {
    const userId = newUser();
    await h.gql(ADD_TO_CART, { input: { variantId, quantity: 1 } }, { userId });
    await h.gql(SET_CHECKOUT, { input: { shippingAddress: address, shippingMethod: "STANDARD" } }, { userId });
    return { userId, input: { idempotencyKey: `key-${randomUUID()}`, paymentToken: "tok_visa" } };
  }

  it("200 concurrent calls with one key make one order and get 200 identical answers", {
    timeout: 120_000,
  }, async () => {
    const product = await publishProduct(h, { price: 1_200 });
    const { userId, input } = await cartReadyToOrder(product.variantId);
    const answers = await Promise.all(Array.from({ length: 200 }, () => h.gql(PLACE_ORDER, { input }, { userId })));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.errors).toBeUndefined();
    expect(answers[0]?.data.placeOrder.userErrors).toEqual([]);
    expect(await h.prisma.order.count({ where: { ownerKey: `user:${userId}` } })).toBe(1);
  });

  it("a second call racing the first one's commit gets the order, never CART_EMPTY", { timeout: 120_000 }, async () => {
    const product = await publishProduct(h, { price: 900 });
    const answers: string[] = [];
    for (let round = 0; round < 30; round++) {
      const { userId, input } = await cartReadyToOrder(product.variantId);
      const first = h.gql(PLACE_ORDER, { input }, { userId });
      // The second arrives a moment later: its key lookup can run before the first commits.
      await new Promise((resolve) => setTimeout(resolve, round % 4));
      const pair = await Promise.all([first, h.gql(PLACE_ORDER, { input }, { userId })]);
      answers.push(...pair.map((answer) => JSON.stringify(answer.data.placeOrder.userErrors)));
      expect(pair[1]?.data.placeOrder.order?.id).toBe(pair[0]?.data.placeOrder.order?.id);
    }
    expect(answers.filter((errors) => errors !== "[]")).toEqual([]);
  });
});
