// Reservation throughput on the local stack: reservations/s (and latency) when every order wants
// the same hot SKU (all transactions queue on one row lock) and when orders spread over 1,000
// SKUs. Each reservation is a full saga step: claim, lock, allocate, movement + projection,
// outbox events, commit. Runs through the service, as the order.placed handler does.
import { randomUUID } from "node:crypto";
import { buildService } from "@shopstream/kernel";
import { inventoryService } from "../src/app.js";
import { upsertWarehouse } from "../src/repositories/warehouse-repository.js";
import { seedWarehouses } from "../src/seed/plan.js";

const CONCURRENCY = 16;
const SECONDS = 10;
const SPREAD_SKUS = 1_000;

const inventory = await buildService(inventoryService, {
  env: { PG_POOL_MAX: String(CONCURRENCY + 4), LOG_LEVEL: "silent" },
});
const { db: prisma, services } = inventory;
for (const warehouse of seedWarehouses) await upsertWarehouse(prisma, warehouse);
const run = randomUUID().slice(0, 8);

async function stock(variantIds: string[], quantity: number) {
  for (let i = 0; i < variantIds.length; i += 250)
    await services.transact(async (tx) => {
      for (const variantId of variantIds.slice(i, i + 250))
        await services.recorder.record(tx, {
          variantId,
          warehouseId: "wh-ams",
          type: "RECEIVED",
          quantity,
          reason: "bench",
        });
    });
}

/** CONCURRENCY workers reserve one unit each, back to back, for SECONDS. */
async function measure(pickVariant: () => string) {
  const latencies: number[] = [];
  let rejected = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const outcome = await services.reservations.reserve({
          orderId: `bench-${run}-${randomUUID()}`,
          lines: [{ variantId: pickVariant(), quantity: 1 }],
        });
        latencies.push(performance.now() - t0);
        if (outcome.status !== "RESERVED") rejected += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!);
  return {
    reservations: latencies.length,
    rejected,
    perSecond: Math.round(latencies.length / seconds),
    latencyMs: { p50: pct(50), p99: pct(99) },
  };
}

const hot = `bench-${run}-hot`;
await stock([hot], 1_000_000);
const hotResult = await measure(() => hot);

const spread = Array.from({ length: SPREAD_SKUS }, (_, i) => `bench-${run}-sku-${i}`);
await stock(spread, 10_000);
const spreadResult = await measure(() => spread[Math.floor(Math.random() * spread.length)]!);

console.log(
  JSON.stringify({
    concurrency: CONCURRENCY,
    secondsPerScenario: SECONDS,
    hotSku: hotResult,
    spreadOver1000Skus: spreadResult,
  }),
);
await inventory.stop("bench done");
process.exit(0);
