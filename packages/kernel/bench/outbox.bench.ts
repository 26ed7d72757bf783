// Outbox benchmark on the local stack: relay throughput (events/s from a pre-filled outbox) and
// enqueue→consumed latency (commit of the domain transaction to the consumer's handler) p50/p99.
import { ConsumerRunner, createEventPublisher, createOutbox, ensureTopics, OutboxRelay, on } from "../src/index.js";
import { type PgTransactionClient, pgTransaction, uniqueName, waitFor } from "../src/testing/index.js";
import { createOutboxFixture, kafka, logger } from "../test/support/outbox-fixture.js";

const THROUGHPUT_EVENTS = 20_000;
const LATENCY_RATE_PER_S = 200;
const LATENCY_SECONDS = 10;

const fx = await createOutboxFixture();
await ensureTopics(kafka, [fx.topic]);
const publisher = await createEventPublisher(kafka);
const outbox = createOutbox("bench");
const transaction = pgTransaction(fx.pool);

// 1. Throughput: fill the outbox, then time the relay draining it.
for (let i = 0; i < THROUGHPUT_EVENTS; i += 500) {
  await transaction(async (tx) => {
    for (let j = i; j < i + 500; j++)
      await outbox.enqueue(tx, fx.thingHappened, {
        subject: `agg-${j % 100}`,
        data: { aggregate: `agg-${j % 100}`, seq: j },
      });
  });
}
const relay = new OutboxRelay({ pool: fx.pool, publisher, logger, batchSize: 500, pollIntervalMs: 100 });
const started = performance.now();
await relay.start();
await waitFor(async () => (await relay.backlog()) === 0, { timeoutMs: 300_000, intervalMs: 20 });
const seconds = (performance.now() - started) / 1000;
const throughput = Math.round(THROUGHPUT_EVENTS / seconds);

// 2. Latency: a steady stream of single-event transactions, consumed by the idempotent runner.
const latencies: number[] = [];
const runner = new ConsumerRunner({
  kafka,
  groupId: uniqueName("bench"),
  logger,
  transaction,
  fromBeginning: false,
  handlers: [
    on(fx.thingHappened, async (event, tx: PgTransactionClient) => {
      await tx.$executeRawUnsafe(
        "INSERT INTO effect (event_id, aggregate, seq) VALUES ($1, $2, $3)",
        event.id,
        event.data.aggregate,
        event.data.seq,
      );
      if (event.data.seq < 0) latencies.push(Date.now() - Date.parse(event.time));
    }),
  ],
});
await runner.start();
const total = LATENCY_RATE_PER_S * LATENCY_SECONDS;
for (let i = 0; i < total; i++) {
  const due = started + seconds * 1000 + (i * 1000) / LATENCY_RATE_PER_S;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await transaction((tx) =>
    outbox.enqueue(tx, fx.thingHappened, {
      subject: `lat-${i % 50}`,
      data: { aggregate: `lat-${i % 50}`, seq: -1 - i },
    }),
  );
}
await waitFor(() => latencies.length >= total, { timeoutMs: 60_000 });
await runner.stop();
await relay.stop();
await publisher.close();
await fx.drop();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(
  JSON.stringify({
    relayThroughputEventsPerSecond: throughput,
    relayDrainSeconds: Number(seconds.toFixed(2)),
    latencyEvents: total,
    latencyRatePerSecond: LATENCY_RATE_PER_S,
    enqueueToConsumedMs: { p50: pct(50), p99: pct(99), max: latencies.at(-1) },
  }),
);
process.exit(0);
