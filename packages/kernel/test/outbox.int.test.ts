// The transactional outbox, relay and idempotent consumer runner against real PostgreSQL and Kafka.
import { describe, expect, it } from "vitest";
import {
  ConsumerRunner,
  createOutbox,
  type EventPublisher,
  metricsRegistry,
  OutboxRelay,
  on,
  relayPoolSize,
  TransientError,
} from "../src/index.js";
import { type PgTransactionClient, pgTransaction, uniqueName, waitFor } from "../src/testing/index.js";
import { kafka, logger, type OutboxFixture, recordEffect, useOutboxTestbed } from "./support/outbox-fixture.js";

const bed = useOutboxTestbed();

const outbox = createOutbox("kernel-test");

async function enqueueMany(aggregates: number, perAggregate: number, perTransaction: number) {
  const events = Array.from({ length: aggregates * perAggregate }, (_, i) => ({
    aggregate: `agg-${i % aggregates}`,
    seq: Math.floor(i / aggregates),
  }));
  const transaction = pgTransaction(bed.fx.pool);
  for (let i = 0; i < events.length; i += perTransaction) {
    await transaction(async (tx) => {
      for (const data of events.slice(i, i + perTransaction))
        await outbox.enqueue(tx, bed.fx.thingHappened, { subject: data.aggregate, data });
    });
  }
  return events.length;
}

async function startConsumer() {
  const runner = new ConsumerRunner({
    kafka,
    groupId: uniqueName("kernel-test-group"),
    logger,
    transaction: pgTransaction(bed.fx.pool),
    retryInitialMs: 10,
    handlers: [
      on(bed.fx.thingHappened, async (event, tx: PgTransactionClient) => {
        await recordEffect(tx, event);
      }),
    ],
  });
  await runner.start();
  bed.stoppers.push(() => runner.stop());
  return runner;
}

async function startRelay(options: { pool?: OutboxFixture["pool"]; publisher?: EventPublisher } = {}) {
  const relay = new OutboxRelay({
    pool: options.pool ?? bed.fx.pool,
    publisher: options.publisher ?? bed.publisher,
    logger,
    batchSize: 100,
    pollIntervalMs: 200,
  });
  await relay.start();
  bed.stoppers.push(() => relay.stop());
  return relay;
}

function expectPerAggregateOrder(effects: Array<{ aggregate: string; seq: number }>) {
  const last = new Map<string, number>();
  for (const { aggregate, seq } of effects) {
    expect(seq).toBe((last.get(aggregate) ?? -1) + 1);
    last.set(aggregate, seq);
  }
}

describe("transactional outbox", () => {
  it("publishes 1,000 events from many transactions, each once in the effects, in per-aggregate order", async () => {
    const total = await enqueueMany(25, 40, 7);
    await startConsumer();
    const relay = await startRelay();
    const effects = await waitFor(async () => ((await bed.fx.effects()).length >= total ? bed.fx.effects() : null), {
      timeoutMs: 45_000,
      what: "1,000 effects",
    });
    expect(effects).toHaveLength(total);
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(total);
    expectPerAggregateOrder(effects);
    expect(await relay.backlog()).toBe(0);
  });

  it("handles the partitions of a fetch concurrently, each key still in order", async () => {
    const producer = kafka.producer();
    await producer.connect();
    bed.stoppers.push(() => producer.disconnect());
    const event = (aggregate: string, seq: number) => ({
      key: aggregate,
      value: JSON.stringify(
        bed.fx.thingHappened.create({ source: "kernel-test", subject: aggregate, data: { aggregate, seq } }),
      ),
    });
    // Two keys on two partitions, both waiting in the topic before the group starts.
    await producer.send({
      topic: bed.fx.topic,
      messages: [
        { ...event("left", 0), partition: 0 },
        { ...event("left", 1), partition: 0 },
        { ...event("right", 0), partition: 1 },
      ],
    });
    const started = new Set<string>();
    const handled: string[] = [];
    const runner = new ConsumerRunner({
      kafka,
      groupId: uniqueName("kernel-test-concurrent"),
      logger,
      transaction: pgTransaction(bed.fx.pool),
      maxRetries: 0,
      handlers: [
        on(bed.fx.thingHappened, async (e) => {
          const name = `${e.data.aggregate}-${e.data.seq}`;
          started.add(name);
          // Each first event waits for the other key's to start: one partition at a time never gets past this.
          const other = e.data.aggregate === "left" ? "right-0" : "left-0";
          if (e.data.seq === 0) await waitFor(() => started.has(other), { timeoutMs: 10_000, what: other });
          handled.push(name);
        }),
      ],
    });
    await runner.start();
    bed.stoppers.push(() => runner.stop());
    await waitFor(() => handled.length === 3, { timeoutMs: 20_000, what: "all three events handled" });
    expect(handled.filter((name) => name.startsWith("left"))).toEqual(["left-0", "left-1"]);
    expect(handled).toContain("right-0");
  });

  it("starts a new group that skips history at the end, missing nothing published once start() returns", async () => {
    const envelope = (seq: number) =>
      JSON.stringify(
        bed.fx.thingHappened.create({ source: "kernel-test", subject: "tail", data: { aggregate: "tail", seq } }),
      );
    await bed.publisher.publish([{ topic: bed.fx.topic, key: "tail", value: envelope(0) }]); // history
    const handled: number[] = [];
    const runner = new ConsumerRunner({
      kafka,
      groupId: uniqueName("kernel-test-tail"),
      logger,
      transaction: pgTransaction(bed.fx.pool),
      fromBeginning: false,
      handlers: [on(bed.fx.thingHappened, async (e) => void handled.push(e.data.seq))],
    });
    await runner.start();
    bed.stoppers.push(() => runner.stop());
    await bed.publisher.publish([{ topic: bed.fx.topic, key: "tail", value: envelope(1) }]); // right after start
    await waitFor(() => handled.length > 0, { what: "the event published after start" });
    expect(handled).toEqual([1]);
  });

  it("publishes nothing from a rolled-back transaction", async () => {
    await expect(
      pgTransaction(bed.fx.pool)(async (tx) => {
        await outbox.enqueue(tx, bed.fx.thingHappened, { subject: "agg", data: { aggregate: "agg", seq: 0 } });
        throw new Error("domain rule failed");
      }),
    ).rejects.toThrow("domain rule failed");
    const relay = new OutboxRelay({ pool: bed.fx.pool, publisher: bed.publisher, logger });
    expect(await relay.backlog()).toBe(0);
    expect(await relay.publishBatch()).toBe(0);
  });

  it("loses nothing and duplicates no effect when the relay dies between publishing and marking", async () => {
    const total = await enqueueMany(5, 60, 10);
    await startConsumer();
    // The first relay publishes a batch, then "crashes" before it can mark the rows sent.
    const crashing = new OutboxRelay({
      pool: bed.fx.pool,
      logger,
      batchSize: 100,
      publisher: {
        publish: async (m) => {
          await bed.publisher.publish(m);
          throw new Error("killed mid-batch");
        },
        close: async () => {},
      },
    });
    await expect(crashing.publishBatch()).rejects.toThrow("killed mid-batch");
    expect(await crashing.backlog()).toBe(total);
    await startRelay();
    const effects = await waitFor(async () => ((await bed.fx.effects()).length >= total ? bed.fx.effects() : null), {
      timeoutMs: 30_000,
      what: "all effects",
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // let any redelivered duplicate arrive
    expect(await bed.fx.effects()).toHaveLength(total);
    expectPerAggregateOrder(effects);
  });

  it("keeps relaying after a failed publish, on a pool as small as a service's relay has", async () => {
    const total = await enqueueMany(2, 5, 5);
    await startConsumer();
    const pool = bed.fx.poolOf(relayPoolSize);
    bed.stoppers.push(() => pool.end());
    let failures = 2; // the broker is down for the first two batches
    await startRelay({
      pool,
      publisher: {
        publish: async (messages) => {
          if (failures-- > 0) throw new Error("broker down");
          await bed.publisher.publish(messages);
        },
        close: async () => {},
      },
    });
    await waitFor(async () => (await bed.fx.effects()).length >= total, { timeoutMs: 30_000, what: "all effects" });
    const { rows } = await pool.query<{ attempts: number; last_error: string | null }>(
      "SELECT attempts, last_error FROM outbox_event ORDER BY id LIMIT 1",
    );
    expect(rows[0]).toEqual({ attempts: 3, last_error: "Error: broker down" }); // 2 failures recorded, then sent
  });

  it("applies an event delivered twice only once", async () => {
    await startConsumer();
    const event = bed.fx.thingHappened.create({
      source: "kernel-test",
      subject: "dup",
      data: { aggregate: "dup", seq: 0 },
    });
    const message = { topic: bed.fx.topic, key: "dup", value: JSON.stringify(event) };
    await bed.publisher.publish([message, message]);
    await bed.publisher.publish([message]);
    const marker = bed.fx.thingHappened.create({
      source: "kernel-test",
      subject: "dup",
      data: { aggregate: "dup", seq: 1 },
    });
    await bed.publisher.publish([{ topic: bed.fx.topic, key: "dup", value: JSON.stringify(marker) }]);
    const effects = await waitFor(async () => ((await bed.fx.effects()).length >= 2 ? bed.fx.effects() : null), {
      what: "marker effect",
    });
    expect(effects.map((e) => e.seq)).toEqual([0, 1]);
  });

  it("sends a malformed message to the DLQ with its reason and keeps consuming", async () => {
    await startConsumer();
    const dlq: Array<{ value: string; reason: string; error: string }> = [];
    const dlqConsumer = kafka.consumer({ groupId: uniqueName("dlq-reader"), maxWaitTimeInMs: 100 });
    await dlqConsumer.connect();
    await dlqConsumer.subscribe({ topic: `${bed.fx.topic}.dlq`, fromBeginning: true });
    await dlqConsumer.run({
      eachMessage: async ({ message }) =>
        void dlq.push({
          value: String(message.value),
          reason: String(message.headers?.["dlq-reason"]),
          error: String(message.headers?.["dlq-error"]),
        }),
    });
    bed.stoppers.push(() => dlqConsumer.disconnect());
    const good = bed.fx.thingHappened.create({ source: "kernel-test", subject: "a", data: { aggregate: "a", seq: 0 } });
    const badData = { ...good, id: crypto.randomUUID(), data: { aggregate: "a", seq: "zero" } };
    await bed.publisher.publish([
      { topic: bed.fx.topic, key: "a", value: "{not json" },
      { topic: bed.fx.topic, key: "a", value: JSON.stringify(badData) },
      { topic: bed.fx.topic, key: "a", value: JSON.stringify(good) },
    ]);
    await waitFor(async () => (await bed.fx.effects()).length === 1, { what: "the good event's effect" });
    await waitFor(() => dlq.length === 2, { what: "two DLQ messages" });
    expect(dlq.map((m) => m.reason)).toEqual(["invalid-event", "invalid-event"]);
    expect(dlq[0]?.value).toBe("{not json");
    expect(dlq[1]?.error).toMatch(/seq/);
  });
});

describe("consumer runner retries", () => {
  it("retries a failing handler, then dead-letters it and goes on", async () => {
    let calls = 0;
    const runner = new ConsumerRunner({
      kafka,
      groupId: uniqueName("kernel-test-group"),
      logger,
      transaction: pgTransaction(bed.fx.pool),
      maxRetries: 2,
      retryInitialMs: 5,
      handlers: [
        on(bed.fx.thingHappened, async (event, tx: PgTransactionClient) => {
          await recordEffect(tx, event);
          if (event.data.seq === 0) {
            calls += 1;
            throw new Error("downstream unavailable");
          }
        }),
      ],
    });
    await runner.start();
    bed.stoppers.push(() => runner.stop());
    const failing = bed.fx.thingHappened.create({
      source: "kernel-test",
      subject: "r",
      data: { aggregate: "r", seq: 0 },
    });
    const next = bed.fx.thingHappened.create({ source: "kernel-test", subject: "r", data: { aggregate: "r", seq: 1 } });
    await bed.publisher.publish(
      [failing, next].map((e) => ({ topic: bed.fx.topic, key: "r", value: JSON.stringify(e) })),
    );
    const effects = await waitFor(async () => ((await bed.fx.effects()).length >= 1 ? bed.fx.effects() : null), {
      what: "next event's effect",
    });
    expect(calls).toBe(3); // first try + 2 retries, each rolled back with its effect
    expect(effects.map((e) => e.seq)).toEqual([1]);
  });
});

describe("consumer runner: transient failures are waited out, never dead-lettered", () => {
  async function dlqReader() {
    const seen: string[] = [];
    const reader = kafka.consumer({ groupId: uniqueName("dlq-reader"), maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({ topic: `${bed.fx.topic}.dlq`, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.push(String(message.headers?.["dlq-reason"])) });
    bed.stoppers.push(() => reader.disconnect());
    return seen;
  }

  function runnerWith(
    handle: (event: { data: { aggregate: string; seq: number } }, tx: PgTransactionClient) => Promise<void>,
    groupId = uniqueName("kernel-test-group"),
  ) {
    return new ConsumerRunner({
      kafka,
      groupId,
      logger,
      transaction: pgTransaction(bed.fx.pool),
      maxRetries: 1,
      retryInitialMs: 5,
      retryMaxMs: 50,
      handlers: [
        on(bed.fx.thingHappened, async (event, tx: PgTransactionClient) => {
          await handle(event, tx);
          await recordEffect(tx, event);
        }),
      ],
    });
  }

  /** Sends to a chosen partition, so two events are known to be on different partitions. */
  async function send(aggregate: string, seq: number, partition: number) {
    const producer = kafka.producer();
    await producer.connect();
    try {
      const event = bed.fx.thingHappened.create({
        source: "kernel-test",
        subject: aggregate,
        data: { aggregate, seq },
      });
      await producer.send({
        topic: bed.fx.topic,
        acks: -1,
        messages: [{ key: aggregate, partition, value: JSON.stringify(event) }],
      });
    } finally {
      await producer.disconnect();
    }
  }

  async function metricValue(name: string, labels: Record<string, string>): Promise<number> {
    const metric = await metricsRegistry.getSingleMetric(name)?.get();
    const matching = metric?.values.filter((value) =>
      Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted),
    );
    return (matching ?? []).reduce((sum, value) => sum + value.value, 0);
  }

  it("retries a dependency outage far past maxRetries, holding only its own partition", async () => {
    const dlq = await dlqReader();
    let down = true;
    let failures = 0;
    const runner = runnerWith(async (event) => {
      if (event.data.aggregate === "held" && down) {
        failures += 1;
        throw new TransientError("provider unavailable");
      }
    });
    await runner.start();
    bed.stoppers.push(() => runner.stop());
    await send("held", 0, 0);
    await send("free", 0, 1); // another partition: not behind the outage
    await waitFor(async () => (await bed.fx.effects()).some((effect) => effect.aggregate === "free"), {
      what: "the other partition's event",
    });
    await waitFor(() => failures >= 10, { what: "ten failures, far past maxRetries (1)" });
    expect((await bed.fx.effects()).map((effect) => effect.aggregate)).toEqual(["free"]);
    down = false;
    await waitFor(async () => (await bed.fx.effects()).some((effect) => effect.aggregate === "held"), {
      timeoutMs: 10_000,
      what: "the held event, once the outage is over",
    });
    expect(dlq).toEqual([]);
  });

  it("classifies a real lost database connection (57P01) as transient and applies the event once", async () => {
    const dlq = await dlqReader();
    let killed = 0;
    const runner = runnerWith(async (_event, tx) => {
      // The first three tries lose their connection the way a database restart does.
      if (killed++ < 3) await tx.$executeRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())");
    });
    await runner.start();
    bed.stoppers.push(() => runner.stop());
    await send("db", 0, 0);
    const effects = await waitFor(async () => ((await bed.fx.effects()).length === 1 ? bed.fx.effects() : null), {
      timeoutMs: 20_000,
      what: "the event applied after the connection losses",
    });
    expect(effects.map((effect) => effect.aggregate)).toEqual(["db"]);
    expect(killed).toBe(4);
    expect(dlq).toEqual([]);
  });

  it("stops promptly while waiting out an outage, and the next member applies the event", async () => {
    const groupId = uniqueName("kernel-test-group");
    let down = true;
    const first = runnerWith(async () => {
      if (down) throw new TransientError("database unavailable");
    }, groupId);
    await first.start();
    await send("wait", 0, 2);
    await waitFor(
      async () => (await metricValue("handler_retries_total", { consumer: groupId, kind: "transient" })) >= 3,
      {
        what: "a few transient retries",
      },
    );
    const started = Date.now();
    await first.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    down = false;
    const second = runnerWith(async () => {}, groupId);
    await second.start();
    bed.stoppers.push(() => second.stop());
    await waitFor(async () => (await bed.fx.effects()).length === 1, {
      timeoutMs: 30_000,
      what: "the event applied by the next member",
    });
  });
});
