// ConsumerRunner with eventsPerTransaction: a partition's consecutive events applied together in
// one transaction, against real PostgreSQL and Kafka; whatever a group cannot apply falls back to
// one event at a time without a second effect.
import { describe, expect, it } from "vitest";
import { ConsumerRunner, metricsRegistry, on } from "../src/index.js";
import { type PgTransactionClient, pgTransaction, uniqueName, waitFor } from "../src/testing/index.js";
import { kafka, logger, recordEffect, useOutboxTestbed } from "./support/outbox-fixture.js";

const bed = useOutboxTestbed();

type Handle = (event: { data: { aggregate: string; seq: number } }, tx: PgTransactionClient) => Promise<void>;

async function startGroupedConsumer(groupId: string, handle: Handle = async () => {}) {
  const runner = new ConsumerRunner({
    kafka,
    groupId,
    logger,
    transaction: pgTransaction(bed.fx.pool),
    eventsPerTransaction: 50,
    maxRetries: 1,
    retryInitialMs: 5,
    handlers: [
      on(bed.fx.thingHappened, async (event, tx: PgTransactionClient) => {
        await handle(event, tx);
        await recordEffect(tx, event);
      }),
    ],
  });
  await runner.start();
  bed.stoppers.push(() => runner.stop());
}

/** Publishes events of one aggregate (one key, so one partition, in this order). */
async function publishSeqs(seqs: number[], repeat: number[] = []) {
  const events = seqs.map((seq) =>
    bed.fx.thingHappened.create({ source: "kernel-test", subject: "g", data: { aggregate: "g", seq } }),
  );
  const messages = events.map((event) => ({ topic: bed.fx.topic, key: "g", value: JSON.stringify(event) }));
  for (const index of repeat) messages.splice(index + 1, 0, messages[index]!);
  await bed.publisher.publish(messages);
}

const effectsOnceEach = async (count: number) =>
  waitFor(async () => ((await bed.fx.effects()).length >= count ? bed.fx.effects() : null), {
    what: `${count} effects`,
  });

async function groupedEvents(groupId: string) {
  const metric = await metricsRegistry.getSingleMetric("consumer_events_per_transaction")?.get();
  const sum = metric?.values.find(
    (value) => value.labels.consumer === groupId && (value as { metricName?: string }).metricName?.endsWith("_sum"),
  );
  return sum?.value ?? 0;
}

describe("consumer runner: events applied together", () => {
  it("applies a partition's backlog in a few transactions, each event once and in order", async () => {
    const seqs = Array.from({ length: 300 }, (_, i) => i);
    await publishSeqs(seqs);
    const transactions = new Set<string>();
    const groupId = uniqueName("kernel-group");
    await startGroupedConsumer(groupId, async (_event, tx) => {
      const { rows } = await tx.query<{ id: string }>("SELECT txid_current()::text AS id");
      transactions.add(rows[0]!.id);
    });
    const effects = await effectsOnceEach(300);
    expect(effects.map((effect) => effect.seq)).toEqual(seqs);
    // 300 events in at most 30 transactions: groups of ten or more on average.
    expect(transactions.size).toBeLessThanOrEqual(30);
    expect(await groupedEvents(groupId)).toBeGreaterThanOrEqual(270);
  });

  it("rolls a group back when one event fails, then applies the rest one by one and dead-letters that one", async () => {
    const seqs = Array.from({ length: 20 }, (_, i) => i);
    await publishSeqs(seqs);
    let poisonCalls = 0;
    await startGroupedConsumer(uniqueName("kernel-group"), async (event) => {
      if (event.data.seq !== 7) return;
      poisonCalls += 1;
      throw new Error("cannot apply seq 7");
    });
    const effects = await effectsOnceEach(19);
    expect(effects.map((effect) => effect.seq)).toEqual(seqs.filter((seq) => seq !== 7));
    // Once in the group, then the first try and one retry on its own.
    expect(poisonCalls).toBe(3);
  });

  it("applies an event delivered twice within one fetch only once", async () => {
    const seqs = Array.from({ length: 10 }, (_, i) => i);
    await publishSeqs(seqs, [3]);
    await startGroupedConsumer(uniqueName("kernel-group"));
    const effects = await effectsOnceEach(10);
    // The marker: one more event after the repeat, so a late second effect would be seen.
    await publishSeqs([10]);
    const all = await effectsOnceEach(11);
    expect(all.map((effect) => effect.seq)).toEqual([...seqs, 10]);
    expect(effects.length).toBe(10);
  });
});
