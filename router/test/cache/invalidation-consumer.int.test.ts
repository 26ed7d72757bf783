// The router's invalidation consumer starts a private group at the topics' end: history from
// before start-up is not replayed, an event published while it is still joining is not skipped.
// Real Kafka, topics of the test's own namespace.
import {
  cacheInvalidationRequested,
  createKafka,
  createLogger,
  ensureTopics,
  namespacedTopic,
} from "@shopstream/kernel";
import { uniqueName, waitFor } from "@shopstream/kernel/testing";
import { afterAll, describe, expect, it } from "vitest";
import { invalidationTopics } from "../../src/cache/event-refs.js";
import { type InvalidationConsumer, startInvalidationConsumer } from "../../src/cache/invalidation-consumer.js";

const brokers = (process.env.KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");
const logLines: string[] = [];
const logger = createLogger("invalidation-consumer-test", "debug", {
  write: (line: string) => {
    logLines.push(line);
  },
});
const topicPrefix = `${uniqueName("test.invalidation")}.`;
const kafka = createKafka({ clientId: "invalidation-consumer-test", brokers, logger });
const producer = kafka.producer();
let consumer: InvalidationConsumer | undefined;

afterAll(async () => {
  await consumer?.close();
  await producer.disconnect();
});

async function requestInvalidation(key: string) {
  const event = cacheInvalidationRequested.create({
    source: "test",
    subject: key,
    data: { typename: "Product", keys: [key] },
  });
  await producer.send({
    topic: namespacedTopic(topicPrefix, cacheInvalidationRequested.topic),
    messages: [{ key, value: JSON.stringify(event) }],
  });
}

describe("router cache invalidation consumer", () => {
  it("skips what was published before it started and misses nothing published while it joins", async () => {
    await ensureTopics(
      kafka,
      invalidationTopics.map((topic) => namespacedTopic(topicPrefix, topic)),
    );
    await producer.connect();
    await requestInvalidation("before-start");

    const received: string[] = [];
    const startedAt = Date.now();
    consumer = startInvalidationConsumer({
      brokers,
      topicPrefix,
      logger,
      onRefs: async (refs) => {
        received.push(...refs);
      },
    });
    await waitFor(async () => logLines.some((line) => line.includes("joining at the topics' end offsets")), {
      what: "end offsets read",
      intervalMs: 1,
    });
    await requestInvalidation("while-joining");
    await consumer.ready;
    const readyAfterMs = Date.now() - startedAt;
    await requestInvalidation("after-join");

    await waitFor(async () => received.includes("Product:after-join"), { what: "the event after joining" });
    expect(received).toContain("Product:while-joining");
    expect(received).not.toContain("Product:before-start");
    // Committing offsets through kafkajs's admin.setOffsets took ~5 s per topic (3 topics).
    expect(readyAfterMs).toBeLessThan(10_000);
  });
});
