// A rolling restart under load: the built platform with TWO instances of every subgraph and of
// the router, each pair behind a readiness-probing balancer (what a Kubernetes Service does),
// each draining before it stops for longer than its balancer may still route to it (~3 s).
// While storefront reads and checkouts run through the router, every process is restarted one
// instance at a time with SIGTERM. No request may fail and every order
// placed must be confirmed. (The payment simulator, a stand-in for an external provider, stays.)
import { randomUUID } from "node:crypto";
import { waitFor } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, type ProcessName, startBuiltPlatform, subgraphs } from "./support/built-platform.js";
import { shippingAddress, storefrontClient } from "./support/storefront-client.js";

let platform: BuiltPlatform;
let client: ReturnType<typeof storefrontClient>;
beforeAll(async () => {
  // The load comes from one IP and two shoppers, far above the default per-client rate limits.
  platform = await startBuiltPlatform({
    instances: 2,
    drainBeforeStop: true,
    routerEnv: { RATE_LIMIT_QUERIES: "1000000", RATE_LIMIT_MUTATIONS: "1000000" },
  });
  client = storefrontClient(platform);
}, 300_000);
afterAll(async () => {
  await platform?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a rolling restart of every service under load", () => {
  it("fails no request and loses no order", async () => {
    const variantId = await client.createStockedVariant(10_000);
    const shoppers = await Promise.all([client.signUp(), client.signUp()]);
    const added = await client.viaRouter("AddToCart", { input: { variantId, quantity: 1 } }, shoppers[0]);
    expect(added.data?.addToCart?.userErrors).toEqual([]);

    const failures: string[] = [];
    const placed: Array<{ orderId: string; token: string }> = [];
    let reads = 0;
    let running = true;
    /** Runs one step; anything but data without errors or userErrors is a failure. */
    const step = async (what: string, call: () => Promise<{ data?: any; errors?: unknown }>, field: string) => {
      try {
        const body = await call();
        const payload = body.data?.[field];
        if (body.errors || !payload || (payload.userErrors && payload.userErrors.length > 0))
          failures.push(`${what}: ${JSON.stringify(body).slice(0, 300)}`);
        return payload;
      } catch (error) {
        failures.push(`${what}: ${(error as Error).message}`);
        return undefined;
      }
    };
    const reader = async () => {
      while (running) {
        await step(
          "search",
          () => client.viaRouter("SearchProducts", { search: null, filter: null, after: null }),
          "products",
        );
        reads++;
        await pause(20);
      }
    };
    const shopper = async (token: string) => {
      while (running) {
        await step(
          "add-to-cart",
          () => client.viaRouter("AddToCart", { input: { variantId, quantity: 1 } }, token),
          "addToCart",
        );
        await step(
          "set-checkout-details",
          () =>
            client.viaRouter("SetCheckoutDetails", { input: { shippingAddress, shippingMethod: "STANDARD" } }, token),
          "setCheckoutDetails",
        );
        const order = await step(
          "place-order",
          () =>
            client.viaRouter(
              "PlaceOrder",
              { input: { idempotencyKey: `roll-${randomUUID()}`, paymentToken: "tok_visa" } },
              token,
            ),
          "placeOrder",
        );
        if (order?.order?.id) placed.push({ orderId: order.order.id, token });
        await pause(50);
      }
    };
    const load = Promise.all([reader(), reader(), ...shoppers.map(shopper)]);

    const order: ProcessName[] = [...subgraphs, "router"];
    for (const name of order) await platform.restart(name);
    await pause(2_000);
    running = false;
    await load;

    const kinds = [...new Set(failures.map((failure) => failure.slice(0, 160)))];
    expect(kinds.slice(0, 8), `${failures.length} failed requests`).toEqual([]);
    console.log(`rolling restart: ${reads} reads and ${placed.length} orders under load, ${failures.length} failed`);
    expect(reads).toBeGreaterThan(50);
    expect(placed.length).toBeGreaterThan(10);
    for (const { orderId, token } of placed) {
      const settled = await waitFor(
        async () => {
          const status = (await client.viaRouter("OrderStatus", { id: orderId }, token)).data?.order?.status;
          return status && status !== "PENDING" ? status : null;
        },
        { timeoutMs: 60_000, intervalMs: 200, what: `order ${orderId} to leave PENDING` },
      );
      expect(settled, orderId).toBe("CONFIRMED");
    }
  }, 600_000);
});
