// Outbox relay: publishes unpublished outbox rows to Kafka in id order, then marks them sent.
// One relay at a time holds the batch (transaction-scoped advisory lock), which keeps
// per-aggregate order even when several replicas run; SKIP LOCKED keeps the others from waiting.
// A crash between publish and mark re-publishes the batch: consumers are idempotent.
import type pg from "pg";
import { namespacedTopic } from "../events/topics.js";
import type { EventPublisher } from "../kafka/publisher.js";
import { exponentialBackoff } from "../lifecycle/backoff.js";
import type { Logger } from "../logging/logger.js";
import { metrics } from "../observability/metrics.js";
import { OUTBOX_CHANNEL } from "./outbox.js";
import { createWakeSignal } from "./wake-signal.js";

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
  private running = false;
  private loop?: Promise<void>;
  private listener?: pg.PoolClient;
  private readonly wake = createWakeSignal();
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listen().catch((error) => this.options.logger.warn({ err: error }, "outbox LISTEN failed; polling"));
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.fire();
    await this.loop;
    this.listener?.release();
    this.listener = undefined;
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
    const client = await this.options.pool.connect();
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
      if (ids.length > 0) {
        await this.options.pool
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

  private async run(): Promise<void> {
    const backoff = exponentialBackoff({ initialMs: 100, maxMs: 30_000 });
    let sampledAt = 0;
    while (this.running) {
      try {
        const published = await this.publishBatch();
        if (Date.now() - sampledAt > 5_000) {
          sampledAt = Date.now();
          metrics.outboxBacklog.set(await this.backlog());
        }
        backoff.reset();
        if (published < this.batchSize) await this.wake.wait(this.pollIntervalMs);
      } catch (error) {
        const delay = backoff.next();
        this.options.logger.error({ err: error, retryInMs: delay }, "outbox publish failed");
        await this.wake.wait(delay);
      }
    }
  }

  private async listen(): Promise<void> {
    this.listener = await this.options.pool.connect();
    this.listener.on("notification", () => this.wake.fire());
    this.listener.on("error", (error) => this.options.logger.warn({ err: error }, "outbox listener error"));
    await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  }
}
