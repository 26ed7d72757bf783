// Checkout saga benchmark on the local stack: orders/s sustained through the whole saga
// (GraphQL placeOrder → outbox → Kafka → inventory double → Kafka → payment authorization over
// HTTP with 30 ms simulated provider latency → CONFIRMED) and placed→confirmed latency p50/p99,
// both from database timestamps (order.placed_at → its CONFIRMED timeline entry).
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { waitFor } from "@shopstream/kernel/testing";
import { ADD_TO_CART, address, PLACE_ORDER, publishProduct, SET_CHECKOUT } from "../test/support/fixtures.js";
import { startHarness } from "../test/support/harness.js";
import { startInventoryDouble } from "../test/support/inventory-double.js";

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 8);
const PLACE_FOR_MS = 10_000;
const PROVIDER_LATENCY_MS = 30;

const h = await startHarness();
const inventory = await startInventoryDouble(h);
await h.simulatorAdmin({ latencyMs: PROVIDER_LATENCY_MS });
const { variantId } = await publishProduct(h, { price: 1_000 });
inventory.stock.set(variantId, 1_000_000);

const orderIds: string[] = [];
async function shopper() {
  const as = { userId: `bench-${randomUUID()}` };
  await h.gql(ADD_TO_CART, { input: { variantId, quantity: 1 } }, as);
  await h.gql(SET_CHECKOUT, { input: { shippingAddress: address } }, as);
  const deadline = Date.now() + PLACE_FOR_MS;
  let first = true;
  while (Date.now() < deadline) {
    if (!first) {
      const added = await h.gql(ADD_TO_CART, { input: { variantId, quantity: 1 } }, as);
      if (added.errors || added.data.addToCart.userErrors.length)
        throw new Error(`addToCart failed: ${JSON.stringify(added)}`);
    }
    first = false;
    const placed = await h.gql(
      PLACE_ORDER,
      { input: { idempotencyKey: `bench-${randomUUID()}`, paymentToken: "tok_visa" } },
      as,
    );
    const id = placed.data?.placeOrder?.order?.id;
    if (!id) throw new Error(`placeOrder failed: ${JSON.stringify(placed)}`);
    orderIds.push(id);
  }
}

await Promise.all(Array.from({ length: SHOPPERS }, shopper));
await waitFor(async () => (await h.prisma.order.count({ where: { id: { in: orderIds }, status: "PENDING" } })) === 0, {
  timeoutMs: 30_000,
  intervalMs: 100,
  what: "every order to leave PENDING",
});

const rows = await h.prisma.$queryRawUnsafe<Array<{ placed: Date; confirmed: Date }>>(
  `SELECT o.placed_at AS placed, t.at AS confirmed FROM "order" o
   JOIN order_timeline_entry t ON t.order_id = o.id AND t.kind = 'CONFIRMED'
   WHERE o.id = ANY($1::text[])`,
  orderIds,
);
const latencies = rows.map((r) => r.confirmed.getTime() - r.placed.getTime()).sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
const firstPlaced = Math.min(...rows.map((r) => r.placed.getTime()));
const lastConfirmed = Math.max(...rows.map((r) => r.confirmed.getTime()));
// Where the time goes: placed → stock reserved (outbox, Kafka, inventory, Kafka) → authorized.
const stages = await h.prisma.$queryRawUnsafe<Array<{ kind: string; p50: number }>>(
  `SELECT t.kind, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.at - o.placed_at) * 1000) AS p50
   FROM "order" o JOIN order_timeline_entry t ON t.order_id = o.id WHERE o.id = ANY($1::text[]) GROUP BY t.kind`,
  orderIds,
);
const result = {
  shoppers: SHOPPERS,
  providerLatencyMs: PROVIDER_LATENCY_MS,
  placed: orderIds.length,
  confirmed: rows.length,
  ordersPerSecond: Math.round((rows.length / ((lastConfirmed - firstPlaced) / 1000)) * 10) / 10,
  placedToConfirmedMs: { p50: pct(50), p99: pct(99), max: latencies.at(-1) },
  stageP50Ms: Object.fromEntries(stages.map((s) => [s.kind, Math.round(Number(s.p50))])),
};
console.log(`[orders saga] ${JSON.stringify(result)}`);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/saga.json", import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`,
);
await h.close();
if (rows.length !== orderIds.length) {
  console.error(`[orders saga] ${orderIds.length - rows.length} orders did not confirm`);
  process.exit(1);
}
process.exit(0);
