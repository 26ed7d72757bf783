// Replaying a dead-letter topic against the real broker: a dry run lists without sending, a replay
// sends each message back once (the fixed consumer then applies it), a second replay finds nothing
// new, a consumer filter leaves other consumers' letters alone; and the CLI's usage errors.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConsumerRunner, ensureTopics, on, replayDeadLetters } from "../src/index.js";
import { type PgTransactionClient, pgTransaction, uniqueName, waitFor } from "../src/testing/index.js";
import { createOutboxFixture, kafka, logger, recordEffect } from "./support/outbox-fixture.js";

let fx: Awaited<ReturnType<typeof createOutboxFixture>>;
const stoppers: Array<() => Promise<void>> = [];
beforeEach(async () => {
  fx = await createOutboxFixture();
  await ensureTopics(kafka, [fx.topic]);
});
afterEach(async () => {
  for (const stop of stoppers.splice(0).reverse()) await stop();
  await fx.drop();
});

async function dlqSize(): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(`${fx.topic}.dlq`);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  } finally {
    await admin.disconnect();
  }
}

describe("DLQ replay", () => {
  it("lists on a dry run, replays each letter once, then resumes past them", async () => {
    let broken = true;
    const groupId = uniqueName("kernel-dlq-group");
    const runner = new ConsumerRunner({
      kafka,
      groupId,
      logger,
      transaction: pgTransaction(fx.pool),
      maxRetries: 0,
      handlers: [
        on(fx.thingHappened, async (event, tx: PgTransactionClient) => {
          if (broken) throw new Error("a bug in the handler");
          await recordEffect(tx, event);
        }),
      ],
    });
    await runner.start();
    stoppers.push(() => runner.stop());
    const producer = kafka.producer();
    await producer.connect();
    stoppers.push(() => producer.disconnect());
    const events = [0, 1].map((seq) =>
      fx.thingHappened.create({ source: "kernel-test", subject: "dlq", data: { aggregate: "dlq", seq } }),
    );
    await producer.send({
      topic: fx.topic,
      messages: events.map((event) => ({ key: "dlq", value: JSON.stringify(event) })),
    });
    await waitFor(async () => (await dlqSize()) === 2, { what: "two dead letters" });

    const listed: string[] = [];
    const dry = await replayDeadLetters({
      kafka,
      topic: fx.topic,
      dryRun: true,
      logger,
      onMessage: (entry) => listed.push(`${entry.reason}:${entry.consumer}`),
    });
    expect(dry).toMatchObject({ considered: 2, replayed: 0, byReason: { "handler-failed": 2 } });
    expect(listed).toEqual([`handler-failed:${groupId}`, `handler-failed:${groupId}`]);
    expect(await dlqSize()).toBe(2);

    const otherConsumer = await replayDeadLetters({ kafka, topic: fx.topic, consumer: "someone-else", logger });
    expect(otherConsumer).toMatchObject({ considered: 2, replayed: 0, skipped: 2 });

    broken = false; // the fix is deployed
    const replayed = await replayDeadLetters({ kafka, topic: fx.topic, consumer: groupId, logger });
    expect(replayed).toMatchObject({ considered: 2, replayed: 2, skipped: 0 });
    const effects = await waitFor(async () => ((await fx.effects()).length === 2 ? fx.effects() : null), {
      what: "both replayed events applied",
    });
    expect(effects.map((effect) => effect.seq)).toEqual([0, 1]);

    expect(await replayDeadLetters({ kafka, topic: fx.topic, consumer: groupId, logger })).toMatchObject({
      considered: 0,
      replayed: 0,
    });
  }, 90_000);
});

describe("npm run dlq:replay", () => {
  const root = path.resolve(import.meta.dirname, "../../..");
  const run = (args: string[]) =>
    spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/dlq-replay.ts"), ...args], {
      cwd: root,
      encoding: "utf8",
    });

  it("refuses a call without a topic or with an unknown flag, with its usage (exit 64)", () => {
    for (const args of [[], ["orders.orders", "--sideways"]]) {
      const result = run(args);
      expect(result.status).toBe(64);
      expect(result.stderr).toContain("usage: npm run dlq:replay -- <topic>");
    }
  });
});
