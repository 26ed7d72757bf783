// Feeds a service's LiveEvents from Kafka. Every process has a consumer group of its own (a
// random suffix), so every replica sees every event and any replica can serve any subscriber.
// The group starts at the topics' end (subscriptions stream what happens from now on: their
// current state comes from the database) and is deleted on stop, leaving nothing behind.
// It joins in the background: HTTP never waits for it.
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { Consumer, Kafka } from "kafkajs";
import type { EventDefinition } from "../events/envelope.js";
import { envelopeSchema } from "../events/envelope.js";
import { namespacedTopic } from "../events/topics.js";
import { ensureTopics } from "../kafka/client.js";
import { restartOnCrash } from "../kafka/restart-on-crash.js";
import { startNewGroupAtEnd } from "../kafka/start-offsets.js";
import { retryKafkaStartup } from "../kafka/startup-retry.js";
import { exponentialBackoff } from "../lifecycle/backoff.js";
import type { Logger } from "../logging/logger.js";
import type { LiveEvents } from "./live-events.js";

export interface LiveEventConsumerOptions {
  kafka: Kafka;
  service: string;
  definitions: EventDefinition<unknown>[];
  live: LiveEvents;
  logger: Logger;
  topicPrefix?: string;
}

export interface LiveEventConsumer {
  /** Resolves once the group has joined (tests wait for it; the runtime does not). */
  readonly joined: Promise<void>;
  stop(): Promise<void>;
}

export function startLiveEventConsumer(options: LiveEventConsumerOptions): LiveEventConsumer {
  const { kafka, logger } = options;
  const groupId = namespacedTopic(options.topicPrefix, `${options.service}.live.${randomUUID()}`);
  const topics = [...new Set(options.definitions.map((d) => namespacedTopic(options.topicPrefix, d.topic)))];
  const byType = new Map(options.definitions.map((definition) => [definition.type, definition]));
  const stopping = new AbortController();
  let consumer: Consumer | undefined;

  async function start(): Promise<void> {
    await ensureTopics(kafka, topics);
    await startNewGroupAtEnd(kafka, groupId, topics);
    const started = kafka.consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 6_000, heartbeatInterval: 1_000 });
    consumer = started;
    const joined = new Promise<void>((resolve) => started.on(started.events.GROUP_JOIN, () => resolve()));
    await retryKafkaStartup(`connect live-event group ${groupId}`, () => started.connect());
    await retryKafkaStartup(`subscribe ${groupId} to ${topics.join(", ")}`, () =>
      started.subscribe({ topics, fromBeginning: false }),
    );
    const run = () =>
      started.run({
        eachMessage: async ({ message }) => {
          const event = decode(message.value);
          if (event) options.live.publish(event);
        },
      });
    restartOnCrash(started, run, { logger, signal: stopping.signal });
    await run();
    await joined;
    logger.info({ groupId, topics }, "live-event group joined");
  }

  // Not the saga's consumer: an event it cannot read is skipped (its own consumers dead-letter it).
  function decode(value: Buffer | null) {
    try {
      const envelope = envelopeSchema.parse(JSON.parse(value?.toString("utf8") ?? ""));
      return byType.get(envelope.type)?.parse(envelope);
    } catch (error) {
      logger.warn({ err: error }, "live event skipped: not a valid envelope");
      return undefined;
    }
  }

  // A broker that stays away longer than the start-up retries' deadline: start again until it is back.
  const joined = (async () => {
    const backoff = exponentialBackoff({ initialMs: 1_000, maxMs: 10_000 });
    while (!stopping.signal.aborted) {
      try {
        return await start();
      } catch (error) {
        logger.error({ err: error }, "live-event group failed to start; retrying");
        await consumer?.disconnect().catch(() => {});
        await delay(backoff.next(), undefined, { signal: stopping.signal }).catch(() => {});
      }
    }
  })();
  return {
    joined,
    async stop() {
      stopping.abort();
      await consumer?.disconnect().catch(() => {});
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.deleteGroups([groupId]);
      } catch (error) {
        logger.debug({ err: error, groupId }, "live-event group not deleted; the broker expires it");
      } finally {
        await admin.disconnect().catch(() => {});
      }
    },
  };
}
