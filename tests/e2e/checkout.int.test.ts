// The whole checkout saga end to end with the real services and the real topics (no doubles):
// a product created in catalog reaches orders' read model through catalog's outbox and Kafka; an
// order is reserved by the real inventory, paid at the simulated provider, confirmed, committed
// and shipped-to-be by inventory, and learned by recommendations, which the router then serves
// with catalog's names. One trace follows placeOrder through both consumers.
//
// Shoppers sign up through the router, which verifies identity's access tokens and signs the
// identity into headers for the subgraphs: cart, checkout, placeOrder and the order status all go
// through it. Only the ops-side reads (stock rows, shipments with inventory:read) go to inventory.
import { randomUUID } from "node:crypto";
import { createBrand, createProduct, uniqueWord } from "@shopstream/catalog/testing/fixtures";
import { uniqueEmail } from "@shopstream/identity/testing/identity-fixture";
import { SIGN_UP } from "@shopstream/identity/testing/operations";
import { currentTraceparent, initTracing, withSpan } from "@shopstream/kernel";
import { InMemorySpanExporter, SimpleSpanProcessor, waitFor } from "@shopstream/kernel/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckoutStack, startCheckoutStack } from "./support/checkout-stack.js";

const exporter = new InMemorySpanExporter();
const SLOW = { timeoutMs: 60_000, intervalMs: 100 };
let stack: CheckoutStack;

beforeAll(async () => {
  // Must come first: the first initTracing in a process wins, and the servers call it too.
  initTracing("e2e-checkout", { processors: [new SimpleSpanProcessor(exporter)] });
  stack = await startCheckoutStack();
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

const CART = "cart { lines { variant { id } quantity } } userErrors { code message }";
const ADD_TO_CART = `mutation ($input: AddToCartInput!) { addToCart(input: $input) { ${CART} } }`;
const SET_CHECKOUT = `mutation ($input: SetCheckoutDetailsInput!) { setCheckoutDetails(input: $input) { ${CART} } }`;
const PLACE_ORDER = `mutation ($input: PlaceOrderInput!) {
  placeOrder(input: $input) { order { id status } userErrors { code message } } }`;
const ORDER = `query ($id: ID!) { order(id: $id) {
  id status cancellationReason cancellationDetail payment { status } timeline { kind } } }`;
const SHIPMENTS = `query ($orderId: ID!) {
  shipmentsForOrder(orderId: $orderId) { status warehouse { id } lines { variant { id } quantity } } }`;
const address = { name: "Ada Lovelace", line1: "1 Analytical St", city: "London", postalCode: "N1 1AA", country: "GB" };

/** A new shopper signed up through the router; returns the access token. */
async function signUp(): Promise<string> {
  const input = { email: uniqueEmail("checkout"), name: "Checkout Shopper", password: `Saga-${randomUUID()}` };
  const result = await stack.viaRouter(SIGN_UP, { input });
  expect(result.data?.signUp?.userErrors, JSON.stringify(result)).toEqual([]);
  return result.data.signUp.session.accessToken;
}

/** Adds to the shopper's cart, retrying while orders' read model has not heard of the variant yet. */
async function addToCart(token: string, variantId: string, quantity: number) {
  let last: unknown;
  await waitFor(
    async () => {
      const result = await stack.viaRouter(ADD_TO_CART, { input: { variantId, quantity } }, { token });
      last = result;
      return result.data?.addToCart?.userErrors?.length === 0;
    },
    { ...SLOW, what: `orders' read model to know ${variantId}` },
  ).catch((error) => {
    throw new Error(`${error}: ${JSON.stringify(last)}`);
  });
}

/** Sets shipping and places the order; returns the placeOrder payload. */
async function placeOrder(token: string, headers: Record<string, string> = {}) {
  const details = await stack.viaRouter(
    SET_CHECKOUT,
    { input: { shippingAddress: address, shippingMethod: "STANDARD" } },
    { token },
  );
  expect(details.data?.setCheckoutDetails.userErrors, JSON.stringify(details)).toEqual([]);
  const placed = await stack.viaRouter(
    PLACE_ORDER,
    { input: { idempotencyKey: `e2e-${randomUUID()}`, paymentToken: "tok_visa" } },
    { token, headers },
  );
  expect(placed.data?.placeOrder.userErrors, JSON.stringify(placed)).toEqual([]);
  return placed.data.placeOrder.order as { id: string; status: string };
}

async function settledOrder(token: string, orderId: string) {
  return waitFor(
    async () => {
      const order = (await stack.viaRouter(ORDER, { id: orderId }, { token })).data?.order;
      return order && order.status !== "PENDING" ? order : null;
    },
    { ...SLOW, what: `order ${orderId} to leave PENDING` },
  );
}

describe("checkout saga across the real services", () => {
  it("confirms an order in stock, rejects one beyond stock, traces the saga and teaches recommendations", async () => {
    // 1. Catalog: P with variants A and B, Q with one variant; inventory receives their stock.
    const brand = await createBrand(stack.catalog.prisma);
    const p = await createProduct(stack.catalog, {
      name: `Saga Parka ${uniqueWord()}`,
      brandId: brand.id,
      variants: [
        { size: "M", colour: "Olive", amount: 12_000 },
        { size: "L", colour: "Olive", amount: 12_000 },
      ],
    });
    const q = await createProduct(stack.catalog, {
      name: `Saga Gloves ${uniqueWord()}`,
      brandId: brand.id,
      variants: [{ size: "M", colour: "Black", amount: 2_500 }],
    });
    const [variantA, qVariant] = [p.variants[0]!.id, q.variants[0]!.id];
    await stack.inventory.receive(variantA, "wh-ber", 5);
    await stack.inventory.receive(qVariant, "wh-ber", 10);

    // 2. Orders learns the variants from catalog.products (catalog outbox → relay → Kafka → consumer).
    const shopper = await signUp();
    await addToCart(shopper, variantA, 2);
    await addToCart(shopper, qVariant, 1);

    // 3. placeOrder inside a span whose traceparent the router (and after it orders) continues.
    const { order, traceId } = await withSpan("e2e placeOrder", {}, async (span) => ({
      order: await placeOrder(shopper, { traceparent: currentTraceparent()! }),
      traceId: span.spanContext().traceId,
    }));
    expect(order.status).toBe("PENDING");

    // 4. Reserved by inventory, paid, CONFIRMED; inventory commits the stock and creates a shipment.
    const confirmed = await settledOrder(shopper, order.id);
    expect(confirmed).toMatchObject({
      status: "CONFIRMED",
      cancellationReason: null,
      payment: { status: "AUTHORIZED" },
    });
    expect(confirmed.timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
      "PLACED",
      "STOCK_RESERVED",
      "PAYMENT_AUTHORIZED",
      "CONFIRMED",
    ]);
    const committed = { warehouseId: "wh-ber", onHand: 5, reserved: 0, committed: 2, available: 3 };
    await waitFor(
      async () => JSON.stringify(await stack.inventory.stockRows(variantA)) === JSON.stringify([committed]),
      {
        ...SLOW,
        what: "inventory to commit variant A's stock",
      },
    );
    const shipments = await stack.inventoryGql(
      SHIPMENTS,
      { orderId: order.id },
      { userId: "e2e-ops", scopes: ["inventory:read"] },
    );
    expect(shipments.errors).toBeUndefined();
    expect(shipments.data.shipmentsForOrder).toEqual([
      {
        status: "PENDING",
        warehouse: { id: "wh-ber" },
        lines: expect.arrayContaining([
          { variant: { id: variantA }, quantity: 2 },
          { variant: { id: qVariant }, quantity: 1 },
        ]),
      },
    ]);

    // 5. One trace: placeOrder → router → inventory's order.placed consumer → orders' stock.reserved consumer.
    const consumerSpan = (name: string, group: string) =>
      exporter
        .getFinishedSpans()
        .find(
          (span) =>
            span.spanContext().traceId === traceId &&
            span.name === name &&
            span.attributes["messaging.consumer.group.name"] === group,
        );
    await waitFor(
      () =>
        consumerSpan("consume orders.order.placed", stack.groups.inventory) &&
        consumerSpan("consume inventory.stock.reserved", stack.groups.orders),
      { ...SLOW, what: "both consumers' spans in the placeOrder trace" },
    );
    const inTrace = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    expect(inTrace.map((span) => span.name)).toEqual(
      expect.arrayContaining(["e2e placeOrder", "router POST /graphql", "fetch orders", "orders POST /graphql"]),
    );

    // 6. More than the 3 units left: the real inventory rejects it and nothing more is held.
    const greedy = await signUp();
    await addToCart(greedy, variantA, 4);
    const rejected = await settledOrder(greedy, (await placeOrder(greedy)).id);
    expect(rejected).toMatchObject({ status: "CANCELLED", cancellationReason: "STOCK_REJECTED", payment: null });
    expect(rejected.cancellationDetail).toContain("INSUFFICIENT_STOCK (3/4)");
    expect(await stack.inventory.stockRows(variantA)).toEqual([committed]);

    // 7. Recommendations learned P+Q from orders.order.confirmed; the router adds Q's catalog name.
    const recommended = await waitFor(
      async () => {
        const result = await stack.viaRouter(
          "query ($id: ID!) { product(id: $id) { name recommendations(first: 10) { id name } } }",
          { id: p.id },
        );
        const list = (result.data?.product?.recommendations ?? []) as Array<{ id: string }>;
        return list.some((product) => product.id === q.id) ? result : null;
      },
      { ...SLOW, what: "recommendations of P to include Q" },
    );
    expect(recommended.errors).toBeUndefined();
    expect(recommended.data.product.name).toBe(p.name);
    expect(recommended.data.product.recommendations).toContainEqual({ id: q.id, name: q.name });

    // 8. An administrator cancels the confirmed order before it ships: the payment is voided and
    //    inventory cancels the shipment and gives the committed stock back.
    const cancelled = await stack.ordersGql(
      `mutation ($id: ID!) { cancelOrder(id: $id, note: "customer called") { order { status } userErrors { code } } }`,
      { id: order.id },
      { userId: "e2e-admin", scopes: ["orders:admin"] },
    );
    expect(cancelled.data?.cancelOrder, JSON.stringify(cancelled)).toEqual({
      order: { status: "CANCELLED" },
      userErrors: [],
    });
    const restored = { warehouseId: "wh-ber", onHand: 5, reserved: 0, committed: 0, available: 5 };
    await waitFor(
      async () => JSON.stringify(await stack.inventory.stockRows(variantA)) === JSON.stringify([restored]),
      { ...SLOW, what: "inventory to give the cancelled order's stock back" },
    );
    const afterCancel = await stack.inventoryGql(
      SHIPMENTS,
      { orderId: order.id },
      { userId: "e2e-ops", scopes: ["inventory:read"] },
    );
    expect(afterCancel.data.shipmentsForOrder.map((s: { status: string }) => s.status)).toEqual(["CANCELLED"]);
  }, 180_000);
});
