// A trace started by a request continues through the outbox, Kafka and the consumer's handler.
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  ConsumerRunner,
  createEventPublisher,
  createOutbox,
  ensureTopics,
  initTracing,
  OutboxRelay,
  on,
  shutdownTracing,
  withSpan,
} from "../src/index.js";
import { type PgTransactionClient, pgTransaction, uniqueName, waitFor } from "../src/testing/index.js";
import { createOutboxFixture, kafka, logger } from "./support/outbox-fixture.js";

const exporter = new InMemorySpanExporter();
let fx: Awaited<ReturnType<typeof createOutboxFixture>>;

beforeAll(async () => {
  initTracing("kernel-test", { processors: [new SimpleSpanProcessor(exporter)] });
  fx = await createOutboxFixture();
  await ensureTopics(kafka, [fx.topic]);
});
afterAll(async () => {
  await fx.drop();
  await shutdownTracing();
});

it("puts the consumer's span in the trace of the request that enqueued the event", async () => {
  const transaction = pgTransaction(fx.pool);
  const runner = new ConsumerRunner({
    kafka,
    groupId: uniqueName("trace"),
    logger,
    transaction,
    handlers: [on(fx.thingHappened, async (_event, _tx: PgTransactionClient) => {})],
  });
  await runner.start();
  const publisher = await createEventPublisher(kafka);
  const relay = new OutboxRelay({ pool: fx.pool, publisher, logger, pollIntervalMs: 100 });
  await relay.start();
  try {
    const traceId = await withSpan("placeOrder", {}, async (span) => {
      await transaction((tx) =>
        createOutbox("kernel-test").enqueue(tx, fx.thingHappened, { subject: "t", data: { aggregate: "t", seq: 0 } }),
      );
      return span.spanContext().traceId;
    });
    const consumed = await waitFor(
      () => exporter.getFinishedSpans().find((s) => s.name === "consume test.thing.happened"),
      { what: "consumer span" },
    );
    expect(consumed.spanContext().traceId).toBe(traceId);
  } finally {
    await relay.stop();
    await publisher.close();
    await runner.stop();
  }
});
