// The checkout saga through real Kafka and PostgreSQL: orders (this service, whole) + a test
// double playing inventory over Kafka + the simulated payment provider over HTTP.
import { randomUUID } from "node:crypto";
import { inventoryEvents } from "@shopstream/kernel";
import { waitFor } from "@shopstream/kernel/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkout, newUser, ORDER, PLACE_ORDER, publishProduct, waitForStatus } from "./support/fixtures.js";
import { type Harness, startHarness } from "./support/harness.js";
import { startInventoryDouble } from "./support/inventory-double.js";

let h: Harness;
let inventory: Awaited<ReturnType<typeof startInventoryDouble>>;
const admin = { userId: "admin-1", scopes: ["orders:admin"] };

beforeAll(async () => {
  // The breaker must stay OPEN while the fail-fast orders go through the whole saga, even on a
  // loaded machine, or a half-open probe would reach the provider during the outage.
  h = await startHarness({ PAYMENT_BREAKER_RESET_MS: "15000" });
  inventory = await startInventoryDouble(h);
});
afterAll(async () => h?.close());

async function stockedProduct(quantity = 10, price = 2_500) {
  const product = await publishProduct(h, { price });
  inventory.stock.set(product.variantId, quantity);
  return product;
}

describe("checkout saga", () => {
  it("happy path: PENDING → CONFIRMED with a price snapshot, totals and a timeline; capture on shipment, refund on admin cancel", async () => {
    const { variantId } = await stockedProduct(10, 2_500);
    const userId = newUser();
    const orderId = await checkout(h, userId, variantId, { quantity: 2 });
    const order = await waitForStatus(h, orderId, "CONFIRMED");
    expect(order.totals).toEqual({
      subtotal: { amount: 5_000, currency: "USD" },
      shipping: { amount: 500 },
      tax: { amount: 400 },
      total: { amount: 5_900, currency: "USD" },
    });
    expect(order.lines).toEqual([{ variant: { id: variantId }, quantity: 2, unitPrice: { amount: 2_500 } }]);
    expect(order.payment).toEqual({ status: "AUTHORIZED", amount: { amount: 5_900 } });
    expect(order.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "PLACED",
      "STOCK_RESERVED",
      "PAYMENT_AUTHORIZED",
      "CONFIRMED",
    ]);
    await waitFor(() => inventory.confirmed.has(orderId), { what: "orders.order.confirmed on Kafka" });

    await h.publish(inventoryEvents.shipmentUpdated, {
      subject: orderId,
      data: { shipmentId: `sh-${orderId}`, orderId, status: "SHIPPED" },
    });
    await waitFor(async () => (await h.prisma.payment.findUnique({ where: { orderId } }))?.status === "CAPTURED", {
      what: "capture",
    });

    const cancelled = await h.gql(
      `mutation($id: ID!) { cancelOrder(id: $id) { order { status } userErrors { code } } }`,
      { id: orderId },
      admin,
    );
    expect(cancelled.data.cancelOrder).toEqual({ order: { status: "CANCELLED" }, userErrors: [] });
    await waitFor(async () => (await h.prisma.payment.findUnique({ where: { orderId } }))?.status === "REFUNDED", {
      what: "refund",
    });
    expect(h.simulator.stats.byReference[orderId]).toBe(1);
    await waitFor(() => inventory.released.has(orderId), { what: "cancel event for inventory" });
  });

  it("rejected stock → CANCELLED(STOCK_REJECTED) with the reason, no payment", async () => {
    const { variantId } = await stockedProduct(1);
    const orderId = await checkout(h, newUser(), variantId, { quantity: 3 });
    const order = await waitForStatus(h, orderId, "CANCELLED");
    expect(order.cancellationReason).toBe("STOCK_REJECTED");
    expect(order.cancellationDetail).toContain("INSUFFICIENT_STOCK (1/3)");
    expect(order.payment).toBeNull();
  });

  it("declined payment → CANCELLED(PAYMENT_DECLINED) and the stock is released", async () => {
    const { variantId } = await stockedProduct(5);
    const orderId = await checkout(h, newUser(), variantId, { paymentToken: "tok_decline" });
    const order = await waitForStatus(h, orderId, "CANCELLED");
    expect(order.cancellationReason).toBe("PAYMENT_DECLINED");
    expect(order.payment.status).toBe("DECLINED");
    await waitFor(() => inventory.released.has(orderId), { what: "orders.order.cancelled reaching inventory" });
  });

  it("the same idempotencyKey twice → one order", async () => {
    const { variantId } = await stockedProduct(5);
    const userId = newUser();
    const key = `key-${randomUUID()}`;
    const first = await checkout(h, userId, variantId, { idempotencyKey: key });
    // The cart is empty now: without idempotency this second call would fail with CART_EMPTY.
    const again = await h.gql(PLACE_ORDER, { input: { idempotencyKey: key, paymentToken: "tok_visa" } }, { userId });
    expect(again.data.placeOrder.order.id).toBe(first);
    expect(await h.prisma.order.count({ where: { ownerKey: `user:${userId}` } })).toBe(1);
    await waitForStatus(h, first, "CONFIRMED");
  });

  it("duplicated stock.reserved events (redelivery and re-emission) → one authorization", async () => {
    const { variantId } = await stockedProduct(5);
    inventory.modes.set(variantId, "duplicate");
    const orderId = await checkout(h, newUser(), variantId);
    const order = await waitForStatus(h, orderId, "CONFIRMED");
    // Wait until this service has consumed both distinct stock.reserved events.
    const ids = await waitFor(() => inventory.reservedEventIds.get(orderId), { what: "the double's reserved ids" });
    expect(ids).toHaveLength(2);
    await waitFor(
      async () => (await h.prisma.processedEvent.count({ where: { consumer: h.groupId, eventId: { in: ids } } })) === 2,
      {
        what: "both stock.reserved events processed",
      },
    );
    expect(await h.app.paymentWorker.runOnce()).toBe(0); // nothing queued by the duplicates
    expect(order.timeline.filter((e: { kind: string }) => e.kind === "STOCK_RESERVED")).toHaveLength(1);
    expect(h.simulator.stats.byReference[orderId]).toBe(1);
    expect(await h.prisma.payment.count({ where: { orderId } })).toBe(1);
  });

  it("timeout: an order still PENDING after the timeout is cancelled and its stock released", async () => {
    const { variantId } = await stockedProduct(5);
    inventory.modes.set(variantId, "silent");
    const orderId = await checkout(h, newUser(), variantId);
    expect(await h.app.sweeper.sweep(new Date())).not.toContain(orderId);
    const later = new Date(Date.now() + (h.env.ORDER_PENDING_TIMEOUT_S + 1) * 1_000);
    expect(await h.app.sweeper.sweep(later)).toContain(orderId);
    const order = await waitForStatus(h, orderId, "CANCELLED");
    expect(order.cancellationReason).toBe("TIMEOUT");
    await waitFor(() => inventory.released.has(orderId), { what: "release on timeout" });
  });

  it("provider outage: the breaker opens, orders fail fast as PAYMENT_UNAVAILABLE, then succeed after the outage", {
    timeout: 90_000,
  }, async () => {
    const { variantId } = await stockedProduct(50);
    await h.simulatorAdmin({ outage: true });
    try {
      const first = await checkout(h, newUser(), variantId);
      expect((await waitForStatus(h, first, "CANCELLED")).cancellationReason).toBe("PAYMENT_UNAVAILABLE");
      expect(h.app.breaker.state).toBe("OPEN");
      const requestsWhenOpen = h.simulator.stats.requests;
      const fastOnes = [await checkout(h, newUser(), variantId), await checkout(h, newUser(), variantId)];
      for (const id of fastOnes) {
        const order = await waitForStatus(h, id, "CANCELLED");
        expect(order.cancellationReason).toBe("PAYMENT_UNAVAILABLE");
        expect(order.cancellationDetail).toContain("circuit open");
        await waitFor(() => inventory.released.has(id), { what: "stock released for a fail-fast order" });
      }
      expect(h.simulator.stats.requests).toBe(requestsWhenOpen); // failed fast: the provider saw nothing
    } finally {
      await h.simulatorAdmin({ outage: false });
    }
    await waitFor(() => h.app.breaker.canPass(), { what: "breaker half-open", timeoutMs: 30_000 });
    const after = await checkout(h, newUser(), variantId);
    await waitForStatus(h, after, "CONFIRMED");
    expect(h.app.breaker.state).toBe("CLOSED");
  });
});

describe("order access", () => {
  it("user A cannot read user B's order or order history", async () => {
    const { variantId } = await stockedProduct(5);
    const [a, b] = [newUser(), newUser()];
    const orderOfB = await checkout(h, b, variantId);
    expect((await h.gql(ORDER, { id: orderOfB }, { userId: b })).data.order.id).toBe(orderOfB);
    expect((await h.gql(ORDER, { id: orderOfB }, { userId: a })).data.order).toBeNull();
    expect((await h.gql(ORDER, { id: orderOfB })).data.order).toBeNull();
    const history = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { orders(first: 5) { edges { node { id } } } } } }`;
    const asA = await h.gql(history, { reps: [{ __typename: "User", id: b }] }, { userId: a });
    expect(asA.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const asB = await h.gql(history, { reps: [{ __typename: "User", id: b }] }, { userId: b });
    expect(asB.data._entities[0].orders.edges).toEqual([{ node: { id: orderOfB } }]);
  });

  it("User.orders paginates newest first with a cursor", async () => {
    const { variantId } = await stockedProduct(10);
    const userId = newUser();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await checkout(h, userId, variantId));
    const page = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on User {
      orders(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    const reps = [{ __typename: "User", id: userId }];
    const one = (await h.gql(page, { reps }, { userId })).data._entities[0].orders;
    expect(one.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await h.gql(page, { reps, after: one.pageInfo.endCursor }, { userId })).data._entities[0].orders;
    expect(two.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
    expect(two.pageInfo.hasNextPage).toBe(false);
  });
});
