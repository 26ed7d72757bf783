// A private PostgreSQL schema with the kernel's outbox tables (as in prisma/kernel/outbox.prisma)
// plus an `effect` table standing in for a consumer's side effect, so tests never share rows.
import { randomUUID } from "node:crypto";
import { Kafka, logLevel } from "kafkajs";
import { afterEach, beforeEach } from "vitest";
import { z } from "zod";
import {
  createEventPublisher,
  createLogger,
  createPgClient,
  createPgPool,
  defineEvent,
  type EventPublisher,
  ensureTopics,
  namespacedTopic,
} from "../../src/index.js";
import { type PgTransactionClient, uniqueName } from "../../src/testing/index.js";

export const logger = createLogger("kernel-test", "silent");
export const kafka = new Kafka({ clientId: "kernel-test", brokers: ["127.0.0.1:9092"], logLevel: logLevel.NOTHING });

/** The catalog test database: kernel tests make private schemas (or use no tables) in it. */
export const testPgConnection = {
  host: "127.0.0.1",
  port: 5432,
  user: "shopstream_catalog",
  password: "shopstream",
  database: `shopstream_catalog${process.env.PGDATABASE_SUFFIX ?? ""}`,
};

/** A handler's side effect: one `effect` row per applied event. */
export const recordEffect = (
  tx: PgTransactionClient,
  event: { id: string; data: { aggregate: string; seq: number } },
) =>
  tx.$executeRawUnsafe(
    "INSERT INTO effect (event_id, aggregate, seq) VALUES ($1, $2, $3)",
    event.id,
    event.data.aggregate,
    event.data.seq,
  );

export async function createOutboxFixture() {
  const schema = `kernel_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const connection = testPgConnection;
  const admin = createPgClient(connection, logger);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`SET search_path = ${schema}`);
  await admin.query(`
    CREATE TABLE outbox_event (
      id BIGSERIAL PRIMARY KEY, event_id UUID NOT NULL UNIQUE, topic TEXT NOT NULL, key TEXT NOT NULL,
      type TEXT NOT NULL, payload JSONB NOT NULL, headers JSONB NOT NULL DEFAULT '{}',
      created_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(), published_at TIMESTAMPTZ(3),
      attempts INT NOT NULL DEFAULT 0, last_error TEXT);
    CREATE TABLE processed_event (consumer TEXT NOT NULL, event_id TEXT NOT NULL,
      processed_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(), PRIMARY KEY (consumer, event_id));
    CREATE TABLE effect (n BIGSERIAL PRIMARY KEY, event_id TEXT NOT NULL, aggregate TEXT NOT NULL, seq INT NOT NULL);`);
  await admin.end();
  const poolOf = (max: number) => createPgPool({ ...connection, max, options: `-c search_path=${schema}` }, logger);
  const pool = poolOf(8);
  // Inside the test command's topic namespace (KAFKA_TOPIC_PREFIX), like every topic a test makes.
  const topic = namespacedTopic(process.env.KAFKA_TOPIC_PREFIX, uniqueName("kernel-test"));
  const thingHappened = defineEvent({
    type: "test.thing.happened",
    topic,
    data: z.object({ aggregate: z.string(), seq: z.number().int() }),
  });
  return {
    pool,
    /** Another pool on the same schema, e.g. one as small as a production relay's. */
    poolOf,
    topic,
    thingHappened,
    async effects() {
      const { rows } = await pool.query<{ event_id: string; aggregate: string; seq: number }>(
        "SELECT event_id, aggregate, seq FROM effect ORDER BY n",
      );
      return rows;
    },
    async drop() {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
}

export type OutboxFixture = Awaited<ReturnType<typeof createOutboxFixture>>;

/**
 * Registers the hooks of a test file on the outbox: every test gets a fresh fixture with its
 * topic and a publisher; what a test pushes to `stoppers` is stopped after it, newest first.
 */
export function useOutboxTestbed() {
  const bed = {
    fx: undefined as unknown as OutboxFixture,
    publisher: undefined as unknown as EventPublisher,
    stoppers: [] as Array<() => Promise<void>>,
  };
  beforeEach(async () => {
    bed.fx = await createOutboxFixture();
    await ensureTopics(kafka, [bed.fx.topic]);
    bed.publisher = await createEventPublisher(kafka);
  });
  afterEach(async () => {
    for (const stop of bed.stoppers.splice(0).reverse()) await stop();
    await bed.publisher.close();
    await bed.fx.drop();
  });
  return bed;
}
