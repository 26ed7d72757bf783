// Starts the outbox relay of a service (its own pg pool and idempotent producer) and registers
// its shutdown: the relay stops, then the producer flushes, then the pool closes.
import { type PgEnv, pgConnection } from "../db/pg-connection.js";
import { createPgPool } from "../db/pg-pool.js";
import { namespacedTopic } from "../events/topics.js";
import { createKafka, ensureTopics } from "../kafka/client.js";
import { createEventPublisher } from "../kafka/publisher.js";
import type { Lifecycle } from "../lifecycle/lifecycle.js";
import type { Logger } from "../logging/logger.js";
import { OutboxRelay } from "../outbox/relay.js";

export interface OutboxRelayRuntimeOptions {
  service: string;
  env: PgEnv & { KAFKA_BROKERS: string[]; KAFKA_TOPIC_PREFIX?: string };
  logger: Logger;
  lifecycle: Lifecycle;
  /** Topics this service publishes to; created (with their DLQs) if missing. */
  topics: string[];
}

/** The relay's connections: its LISTEN connection and the one a batch runs in. */
export const relayPoolSize = 2;

export async function startOutboxRelay(options: OutboxRelayRuntimeOptions) {
  const logger = options.logger.child({ component: "outbox-relay" });
  const pool = createPgPool({ ...pgConnection(options.env), max: relayPoolSize }, logger);
  const kafka = createKafka({ clientId: `${options.service}-relay`, brokers: options.env.KAFKA_BROKERS, logger });
  const prefix = options.env.KAFKA_TOPIC_PREFIX;
  await ensureTopics(
    kafka,
    options.topics.map((topic) => namespacedTopic(prefix, topic)),
  );
  const publisher = await createEventPublisher(kafka);
  const relay = new OutboxRelay({ pool, publisher, logger, topicPrefix: prefix });
  await relay.start();
  options.lifecycle.add("outbox relay", async () => {
    await relay.stop();
    await publisher.close();
    await pool.end();
  });
  return relay;
}
