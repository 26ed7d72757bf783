// Outbox relay: publishes unpublished outbox rows to Kafka in id order, then marks them sent.
// One relay at a time holds the batch (transaction-scoped advisory lock), which keeps
// per-aggregate order even when several replicas run; SKIP LOCKED keeps the others from waiting.
// A crash between publish and mark re-publishes the batch: consumers are idempotent.
import type pg from "pg";
import { checkoutPgClient } from "../db/pg-pool.js";
import { namespacedTopic } from "../events/topics.js";
import type { EventPublisher } from "../kafka/publisher.js";
import { type NotifyWorker, startNotifyWorker } from "../lifecycle/notify-worker.js";
import type { Logger } from "../logging/logger.js";
import { metrics } from "../observability/metrics.js";
import { OUTBOX_CHANNEL } from "./outbox.js";

export interface OutboxRelayOptions {
  pool: pg.Pool;
  publisher: EventPublisher;
  logger: Logger;
  batchSize?: number;
  pollIntervalMs?: number;
  /** KAFKA_TOPIC_PREFIX: rows name the stream (`orders.orders`), the relay adds the namespace. */
  topicPrefix?: string;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: unknown;
  headers: Record<string, string>;
}

const claimSql = `
  SELECT id, topic, key, payload, headers FROM outbox_event
  WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;

export class OutboxRelay {
  private worker?: NotifyWorker;
  private sampledAt = 0;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async start(): Promise<void> {
    const { pool, logger } = this.options;
    this.worker = await startNotifyWorker({
      name: "outbox relay",
      channel: OUTBOX_CHANNEL,
      listen: async () => {
        const client = await checkoutPgClient(pool, logger);
        return Object.assign(client, { close: () => client.release(true) });
      },
      runBatch: async () => {
        const published = await this.publishBatch();
        await this.sampleBacklog();
        return published >= this.batchSize;
      },
      pollIntervalMs: this.pollIntervalMs,
      // A failed batch means the broker or the database is down, and each publish already retries
      // inside kafkajs; waiting at most 2 s between batches gets events moving soon after it is back.
      retry: { initialMs: 100, maxMs: 2_000 },
      logger,
    });
  }

  /** Stops the loop, then publishes what is still pending (for up to `flushMs`), so a rolling
   * deploy leaves no committed event waiting for the next instance. */
  async stop(flushMs = 5_000): Promise<void> {
    await this.worker?.stop();
    this.worker = undefined;
    const deadline = Date.now() + flushMs;
    try {
      while (Date.now() < deadline && (await this.publishBatch()) > 0);
    } catch (error) {
      this.options.logger.warn({ err: error }, "outbox flush on stop failed; the next relay publishes the rest");
    }
  }

  private async sampleBacklog(): Promise<void> {
    if (Date.now() - this.sampledAt < 5_000) return;
    this.sampledAt = Date.now();
    metrics.outboxBacklog.set(await this.backlog());
  }

  /** Number of rows not yet published. */
  async backlog(): Promise<number> {
    const result = await this.options.pool.query<{ count: string }>(
      "SELECT count(*) FROM outbox_event WHERE published_at IS NULL",
    );
    return Number(result.rows[0]?.count ?? 0);
  }

  /** Publishes one batch; returns how many rows it published (0 when idle or another relay holds the lock). */
  async publishBatch(): Promise<number> {
    const client = await checkoutPgClient(this.options.pool, this.options.logger);
    let ids: string[] = [];
    try {
      await client.query("BEGIN");
      const lock = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay')) AS locked",
      );
      if (!lock.rows[0]?.locked) {
        await client.query("ROLLBACK");
        return 0;
      }
      const { rows } = await client.query<OutboxRow>(claimSql, [this.batchSize]);
      ids = rows.map((row) => row.id);
      if (rows.length > 0) {
        await this.options.publisher.publish(
          rows.map((row) => ({
            topic: namespacedTopic(this.options.topicPrefix, row.topic),
            key: row.key,
            value: JSON.stringify(row.payload),
            headers: row.headers,
          })),
        );
        await client.query(
          "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])",
          [ids],
        );
      }
      await client.query("COMMIT");
      metrics.eventsPublished.inc(rows.length);
      return rows.length;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      // On this client, not the pool: the pool's other connection is the LISTEN one, so waiting
      // for a free connection here while holding this one would stall the relay for good.
      if (ids.length > 0) {
        await client
          .query("UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])", [
            ids,
            String(error),
          ])
          .catch(() => {});
      }
      throw error;
    } finally {
      client.release();
    }
  }
}
