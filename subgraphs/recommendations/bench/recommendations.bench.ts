// Recommendations benchmark on the local stack (no Kafka: the handlers run in the same transaction
// wrapper the consumer runner uses, processed_event insert included):
//  1. learning throughput: confirmed orders applied per second (3 products each);
//  2. read latency p50/p99 of the three lists, cold (cached blocks dropped first) and warm.
import { randomInt, randomUUID } from "node:crypto";
import { buildService, catalogEvents, orderEvents } from "@shopstream/kernel";
import { CACHE_PREFIX, recommendationsService } from "../src/app.js";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200);
const CATEGORIES = 20;
const USERS = 300;
const ORDERS = Number(process.env.BENCH_ORDERS ?? 600);
const READS = 200;
/** Read targets: few enough that warm reads hit cached blocks. */
const HOT = 20;

const now = new Date(Date.UTC(2100, 0, 1) + randomInt(0, 170_000) * 3_600_000 + 1_800_000);
const built = await buildService(recommendationsService, {
  env: { LOG_LEVEL: "error", RECS_CACHE_TTL_S: "600", RECS_TRENDING_TTL_S: "600" },
  clock: () => now,
});
const { db: prisma, redis, services } = built;
const app = { ...built.parts.consumers, services };
const run = randomUUID().slice(0, 8);
const product = (i: number) => `bench-${run}-p${i}`;
const user = (i: number) => `bench-${run}-u${i}`;
const [onOrder, onProduct] = [app.handlers[0]!, app.handlers[1]!];

/** What the consumer runner does per event, minus Kafka. */
const consume = (handler: typeof onOrder, envelope: { id: string }) =>
  app.transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      "INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2)",
      "bench",
      envelope.id,
    );
    await handler.handle(envelope as never, tx);
  });

const t0 = performance.now();
for (let i = 0; i < PRODUCTS; i++) {
  const data = {
    productId: product(i),
    slug: product(i),
    status: "ACTIVE" as const,
    brandId: `bench-${run}-b${i % 10}`,
    categoryIds: [`bench-${run}-c${i % CATEGORIES}`],
    variantIds: [],
    changedFields: ["status"],
  };
  await consume(onProduct, catalogEvents.productChanged.create({ source: "bench", subject: product(i), data }));
}

console.log(`classified ${PRODUCTS} products in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
// Skewed product popularity (low ids sell more), so rankings are not flat.
const pick = () => Math.floor(PRODUCTS * Math.random() ** 2);
const started = performance.now();
for (let i = 0; i < ORDERS; i++) {
  const ids = [...new Set([pick(), pick(), pick()])].map(product);
  const orderId = `bench-${run}-o${i}`;
  const data = {
    orderId,
    userId: user(i % USERS),
    confirmedAt: now.toISOString(),
    lines: ids.map((id) => ({
      productId: id,
      variantId: `${id}-v`,
      sku: `${id}-s`,
      quantity: 1 + (i % 3),
      unitPrice: { amount: 1000, currency: "EUR" },
    })),
  };
  await consume(onOrder, orderEvents.orderConfirmed.create({ source: "bench", subject: orderId, data }));
}
const learnSeconds = (performance.now() - started) / 1000;

const identity = { userId: null, sessionId: null, scopes: ["recommendations:admin"] };
const { recommendations } = app.services;
const attributes = new Map(
  (await prisma.productAttribute.findMany({ where: { productId: { startsWith: `bench-${run}` } } })).map((a) => [
    a.productId,
    a,
  ]),
);

async function latency(label: string, call: (i: number) => Promise<unknown>, cold: boolean) {
  const samples: number[] = [];
  for (let i = 0; i < READS; i++) {
    if (cold) {
      // This run's blocks, and the trending windows of its pinned hour.
      const keys = [
        ...(await redis.keys(`${CACHE_PREFIX}*${run}*`)),
        ...(await redis.keys(
          `${CACHE_PREFIX}trending:*:${new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString()}`,
        )),
      ];
      if (keys.length > 0) await redis.del(...keys);
    }
    const t = performance.now();
    await call(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
  console.log(`  ${label.padEnd(34)} p50 ${at(0.5)} ms  p99 ${at(0.99)} ms`);
}

console.log(
  `learning: ${ORDERS} orders in ${learnSeconds.toFixed(1)} s = ${Math.round(ORDERS / learnSeconds)} orders/s`,
);
for (const cold of [true, false]) {
  const tag = cold ? "cold" : "warm";
  await latency(
    `Product.recommendations(10) ${tag}`,
    (i) => recommendations.forProduct(product(i % HOT), attributes.get(product(i % HOT)) ?? null, 10),
    cold,
  );
  await latency(
    `User.recommendedProducts(10) ${tag}`,
    (i) => recommendations.forUser(identity, user(i % HOT), 10),
    cold,
  );
  await latency(`Query.trending(10) ${tag}`, () => recommendations.trending("DAY", 10), cold);
}
await built.stop("bench done");
