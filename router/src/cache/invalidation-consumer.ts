// The router's invalidation consumer: every worker reads catalog.products, inventory.stock and
// cache.invalidations with its OWN consumer group (router-cache-<host>-<pid>-<random>), because
// each worker has to clear its own L1; the Redis deletes are idempotent, so N workers deleting
// the same keys is harmless. No database and no processed_event table (unlike the kernel's
// ConsumerRunner): deleting cache keys twice is fine.
//
// Start position: the group is new and this worker is its only member, so the topics' end
// offsets are read before joining and the consumer seeks there as it joins, before its first
// fetch: events published after start-up are never skipped (a plain "latest" reset would skip
// those published between start and the first fetch). Seeking instead of committing offsets for
// the group first (the kernel's startNewGroupAtEnd) saves ~5 s per topic of kafkajs's
// admin.setOffsets, which made the router take ~17 s to start. The group is deleted on close.
import { randomUUID } from "node:crypto";
import os from "node:os";
import {
  createKafka,
  type EventEnvelope,
  ensureTopics,
  envelopeSchema,
  type Logger,
  namespacedTopic,
  topicEndOffsets,
} from "@shopstream/kernel";
import { invalidationTopics, refsForEvent } from "./event-refs.js";

export interface InvalidationConsumer {
  /** Resolves once the consumer has joined its group (or rejects when it could not start). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function startInvalidationConsumer(options: {
  brokers: string[];
  /** KAFKA_TOPIC_PREFIX of the services whose events invalidate. */
  topicPrefix?: string;
  logger: Logger;
  onRefs: (refs: string[], source: string) => Promise<unknown>;
}): InvalidationConsumer {
  const logger = options.logger.child({ component: "cache-invalidation" });
  const kafka = createKafka({ clientId: "router-cache", brokers: options.brokers, logger });
  const groupId = `router-cache-${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, retry: { retries: 20 } });
  let closed = false;
  const topics = invalidationTopics.map((topic) => namespacedTopic(options.topicPrefix, topic));

  const ready = (async () => {
    await ensureTopics(kafka, topics);
    const ends = await topicEndOffsets(kafka, topics);
    logger.debug({ groupId, ends }, "cache invalidation consumer joining at the topics' end offsets");
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: false });
    // Emitted synchronously inside the join, before the first fetch applies pending seeks.
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, () => {
        for (const end of ends) consumer.seek(end);
        ends.length = 0; // later rebalances keep the position reached
        resolve();
      }),
    );
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const envelope = decode(message.value);
        if (!envelope) return;
        try {
          const refs = refsForEvent(envelope);
          if (refs.length > 0) await options.onRefs(refs, envelope.type);
        } catch (error) {
          logger.warn({ err: error, topic, type: envelope.type }, "invalidation event skipped");
        }
      },
    });
    await joined;
    logger.info({ groupId }, "cache invalidation consumer joined");
  })();
  ready.catch((error) => {
    if (!closed)
      logger.error({ err: error }, "cache invalidation consumer failed to start; entries expire by TTL only");
  });

  return {
    ready,
    async close() {
      closed = true;
      await consumer.disconnect().catch(() => {});
      const admin = kafka.admin();
      await admin
        .connect()
        .then(() => admin.deleteGroups([groupId]))
        .catch(() => {})
        .finally(() => admin.disconnect().catch(() => {}));
    },
  };
}

function decode(value: Buffer | null): EventEnvelope | null {
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(value?.toString("utf8") ?? ""));
    return parsed.success ? (parsed.data as EventEnvelope) : null;
  } catch {
    return null;
  }
}
