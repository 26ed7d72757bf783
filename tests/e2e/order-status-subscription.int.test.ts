// Subscription.orderStatusChanged through the router with the real services: the orders subgraph
// streams the saga's events (Kafka → its live-event group → the subscription), the router shares
// one upstream subscription per distinct subscription and resolves each event's User fields from
// identity with the rest of the plan. Both transports: graphql-ws and multipart HTTP.
import { randomUUID } from "node:crypto";
import { createBrand, createProduct, uniqueWord } from "@shopstream/catalog/testing/fixtures";
import { uniqueEmail } from "@shopstream/identity/testing/identity-fixture";
import { SIGN_UP } from "@shopstream/identity/testing/operations";
import { waitFor } from "@shopstream/kernel/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckoutStack, startCheckoutStack } from "./support/checkout-stack.js";
import {
  subscribeOverMultipart,
  subscribeOverWebSocket,
  type TestSubscription,
} from "./support/subscription-clients.js";

const SLOW = { timeoutMs: 60_000, intervalMs: 50 };
const MAX_PER_CLIENT = 4;
let stack: CheckoutStack;
let variantId: string;

beforeAll(async () => {
  stack = await startCheckoutStack({
    router: { subscriptions: { authRecheckMs: 200, maxPerClient: MAX_PER_CLIENT, heartbeatMs: 200 } },
  });
  const brand = await createBrand(stack.catalog.prisma);
  const product = await createProduct(stack.catalog, {
    name: `Live Parka ${uniqueWord()}`,
    brandId: brand.id,
    variants: [{ size: "M", colour: "Teal", amount: 9_900 }],
  });
  variantId = product.variants[0]!.id;
  await stack.inventory.receive(variantId, "wh-ber", 100);
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

const ORDER_STATUS = `subscription ($orderId: ID!) {
  orderStatusChanged(orderId: $orderId) { id status user { id name } } }`;
const SIGN_OUT = "mutation { signOut { ok } }";
const address = { name: "Ada Lovelace", line1: "1 Analytical St", city: "London", postalCode: "N1 1AA", country: "GB" };

async function signUp(name: string): Promise<{ token: string; userId: string }> {
  const input = { email: uniqueEmail("live"), name, password: `Live-${randomUUID()}` };
  const result = await stack.viaRouter(SIGN_UP, { input });
  expect(result.data?.signUp?.userErrors, JSON.stringify(result)).toEqual([]);
  return { token: result.data.signUp.session.accessToken, userId: result.data.signUp.session.user.id };
}

/** Places a one-line order for the shopper; returns its id (PENDING until the saga moves it). */
async function placeOrder(token: string): Promise<string> {
  await waitFor(
    async () => {
      const added = await stack.viaRouter(
        "mutation ($input: AddToCartInput!) { addToCart(input: $input) { userErrors { code } } }",
        { input: { variantId, quantity: 1 } },
        { token },
      );
      return added.data?.addToCart?.userErrors?.length === 0;
    },
    { ...SLOW, what: "orders' read model to know the variant" },
  );
  await stack.viaRouter(
    "mutation ($input: SetCheckoutDetailsInput!) { setCheckoutDetails(input: $input) { userErrors { code } } }",
    { input: { shippingAddress: address, shippingMethod: "STANDARD" } },
    { token },
  );
  const placed = await stack.viaRouter(
    "mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code message } } }",
    { input: { idempotencyKey: `live-${randomUUID()}`, paymentToken: "tok_visa" } },
    { token },
  );
  expect(placed.data?.placeOrder.userErrors, JSON.stringify(placed)).toEqual([]);
  return placed.data.placeOrder.order.id;
}

const statuses = (subscription: TestSubscription) =>
  subscription.events.map((event) => event.data?.orderStatusChanged?.status ?? event.errors?.[0]?.extensions?.code);

const until = (what: string, check: () => boolean) => waitFor(async () => check(), { ...SLOW, what });

describe("Subscription.orderStatusChanged through the router", () => {
  it("streams PENDING → CONFIRMED to its owner, shares one upstream, and refuses everyone else", async () => {
    const ada = await signUp("Ada Live");
    // The provider answers slowly, so the order is still PENDING when the subscriptions start.
    stack.simulator.config.latencyMs = 3_000;
    const orderId = await placeOrder(ada.token);
    const overSocket = subscribeOverWebSocket(stack.urls.router, ORDER_STATUS, { orderId }, ada.token);
    await until("the current state first", () => overSocket.events.length > 0);
    expect(overSocket.events[0]).toEqual({
      data: { orderStatusChanged: { id: orderId, status: "PENDING", user: { id: ada.userId, name: "Ada Live" } } },
    });

    // The same order again, over multipart: the latest event at once, from the same upstream.
    const overHttp = subscribeOverMultipart(stack.urls.router, ORDER_STATUS, { orderId }, ada.token);
    await until("the second subscriber's first event", () => overHttp.events.length > 0);
    expect(statuses(overHttp)).toEqual(["PENDING"]);
    expect(stack.router.subscriptionCounts()).toEqual({ open: 2, upstreams: 1 });

    // Someone else, and nobody at all, get nothing of Ada's order.
    const grace = await signUp("Grace Other");
    const stranger = subscribeOverWebSocket(stack.urls.router, ORDER_STATUS, { orderId }, grace.token);
    const anonymous = subscribeOverMultipart(stack.urls.router, ORDER_STATUS, { orderId });
    await Promise.all([stranger.ended, anonymous.ended]);
    expect(stranger.events.map((event) => [event.data ?? null, event.errors?.[0]?.extensions?.code])).toEqual([
      [null, "NOT_FOUND"],
    ]);
    expect(anonymous.events.map((event) => event.errors?.[0]?.extensions?.code)).toEqual(["UNAUTHENTICATED"]);

    // The saga confirms it: both subscribers see it.
    await until("CONFIRMED on both transports", () =>
      [overSocket, overHttp].every((subscription) => statuses(subscription).includes("CONFIRMED")),
    );
    expect(statuses(overSocket)).toEqual(["PENDING", "CONFIRMED"]);
    expect(statuses(overHttp)).toEqual(["PENDING", "CONFIRMED"]);
    expect(overHttp.heartbeats).toBeGreaterThan(0);

    await overSocket.stop();
    await overHttp.stop();
    await until("both subscriptions and their upstream to close", () => {
      const counts = stack.router.subscriptionCounts();
      return counts.open === 0 && counts.upstreams === 0;
    });
    stack.simulator.config.latencyMs = 0;
  }, 120_000);

  it("tells a plain JSON client which transports it needs, and holds a client to its limit", async () => {
    const ada = await signUp("Ada Limits");
    const orderId = await placeOrder(ada.token);
    const plain = await stack.viaRouter(ORDER_STATUS, { orderId }, { token: ada.token });
    expect(plain.errors?.[0]?.extensions?.code).toBe("SUBSCRIPTION_TRANSPORT_REQUIRED");
    expect(plain.errors?.[0]?.message).toContain("graphql-transport-ws");

    const open = Array.from({ length: MAX_PER_CLIENT }, () =>
      subscribeOverWebSocket(stack.urls.router, ORDER_STATUS, { orderId }, ada.token),
    );
    await until("every allowed subscription's first event", () => open.every((s) => s.events.length > 0));
    const over = subscribeOverWebSocket(stack.urls.router, ORDER_STATUS, { orderId }, ada.token);
    await over.ended;
    expect(over.failure).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "SUBSCRIPTION_LIMIT" }) }),
    ]);
    await Promise.all(open.map((subscription) => subscription.stop()));
  }, 120_000);

  it("drops a subscriber whose session is revoked", async () => {
    const ada = await signUp("Ada Revoked");
    const orderId = await placeOrder(ada.token);
    const subscription = subscribeOverWebSocket(stack.urls.router, ORDER_STATUS, { orderId }, ada.token);
    await until("the first event", () => subscription.events.length > 0);
    const signedOut = await stack.viaRouter(SIGN_OUT, {}, { token: ada.token });
    expect(signedOut.data?.signOut.ok, JSON.stringify(signedOut)).toBe(true);
    await subscription.ended;
    expect(subscription.events.at(-1)?.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(subscription.failure).toBeUndefined(); // ended by the router with an error event, then completed
  }, 120_000);

  it("ends subscriptions with a clear error when orders restarts, and a new subscription works", async () => {
    const ada = await signUp("Ada Restart");
    const orderId = await placeOrder(ada.token);
    const before = subscribeOverWebSocket(stack.urls.router, ORDER_STATUS, { orderId }, ada.token);
    await until("the first event", () => before.events.length > 0);
    await stack.restartOrders();
    await before.ended;
    const last = before.events.at(-1);
    expect(last?.errors?.[0]?.extensions?.code).toBe("SUBSCRIPTION_UPSTREAM_CLOSED");
    expect(last?.errors?.[0]?.message).toContain("orders");

    const after = subscribeOverWebSocket(stack.urls.router, ORDER_STATUS, { orderId }, ada.token);
    await until("the resubscribed client's current state", () => after.events.length > 0);
    expect(after.events[0]?.data?.orderStatusChanged?.id).toBe(orderId);
    await after.stop();
  }, 120_000);
});

describe("Subscription.stockChanged through the router", () => {
  it("sends a variant when its availability changes, and nothing for movements that keep it", async () => {
    const brand = await createBrand(stack.catalog.prisma);
    const product = await createProduct(stack.catalog, {
      name: `Live Scarf ${uniqueWord()}`,
      brandId: brand.id,
      variants: [{ size: "S", colour: "Red", amount: 1_900 }],
    });
    const scarf = product.variants[0]!.id;
    const STOCK = `subscription ($ids: [ID!]!) { stockChanged(variantIds: $ids) { id availability } }`;
    const watcher = subscribeOverWebSocket(stack.urls.router, STOCK, { ids: [scarf] });
    await until("the subscription to be open upstream", () => stack.router.subscriptionCounts().upstreams > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // its baseline is read after it attaches
    await stack.inventory.receive(scarf, "wh-ber", 100);
    await until("IN_STOCK", () => watcher.events.length > 0);
    await stack.inventory.receive(scarf, "wh-ber", 1); // still IN_STOCK: nothing
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(watcher.events).toEqual([{ data: { stockChanged: { id: scarf, availability: "IN_STOCK" } } }]);
    await watcher.stop();

    const tooMany = subscribeOverWebSocket(stack.urls.router, STOCK, { ids: [] });
    await tooMany.ended;
    expect(tooMany.events[0]?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  }, 120_000);
});
