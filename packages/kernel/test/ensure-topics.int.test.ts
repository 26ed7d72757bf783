// Several services create the same topics at once at start-up; every one of them must come back
// only when the broker can serve the topics, so a produce right after never meets a missing partition.
// And a new group that skips history starts at the end offsets as of start-up, not of its first fetch.
import { Kafka, logLevel } from "kafkajs";
import { describe, expect, it } from "vitest";
import { ensureTopics, namespacedTopic, startNewGroupAtEnd } from "../src/index.js";
import { uniqueName } from "../src/testing/index.js";

const clients = Array.from(
  { length: 4 },
  (_, i) => new Kafka({ clientId: `ensure-topics-${i}`, brokers: ["127.0.0.1:9092"], logLevel: logLevel.NOTHING }),
);

describe("ensureTopics", () => {
  it("lets concurrent callers race to create the same topics and returns with every partition led", async () => {
    const topic = namespacedTopic(process.env.KAFKA_TOPIC_PREFIX, uniqueName("ensure-topics"));
    await Promise.all(clients.map((kafka) => ensureTopics(kafka, [topic], 3)));

    const admin = clients[0]!.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic, `${topic}.dlq`] });
      expect(topics.map((t) => t.name).sort()).toEqual([topic, `${topic}.dlq`].sort());
      for (const t of topics) {
        expect(t.partitions).toHaveLength(3);
        expect(t.partitions.every((p) => p.leader >= 0)).toBe(true);
      }
    } finally {
      await admin.disconnect();
    }
    const producer = clients[1]!.producer();
    await producer.connect();
    try {
      const [sent] = await producer.send({ topic, messages: [{ key: "k", value: "v", partition: 2 }] });
      expect(sent?.errorCode).toBe(0);
    } finally {
      await producer.disconnect();
    }
  });
});

describe("startNewGroupAtEnd", () => {
  it("commits the end offsets for a new group and leaves an existing group's offsets alone", async () => {
    const [kafka] = clients as [Kafka];
    const topic = namespacedTopic(process.env.KAFKA_TOPIC_PREFIX, uniqueName("start-at-end"));
    await ensureTopics(kafka, [topic], 3);
    const producer = kafka.producer();
    await producer.connect();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const send = (partition: number) => producer.send({ topic, messages: [{ value: "x", partition }] });
      await send(0);
      await send(0);
      await send(2);
      const groupId = uniqueName("start-at-end-group");
      const committed = async () =>
        (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions
          .map((p) => [p.partition, Number(p.offset)])
          .sort(([a], [b]) => a! - b!);
      await startNewGroupAtEnd(kafka, groupId, [topic]);
      expect(await committed()).toEqual([
        [0, 2],
        [1, 0],
        [2, 1],
      ]);
      await send(1); // the group now exists: a restart must not jump over this
      await startNewGroupAtEnd(kafka, groupId, [topic]);
      expect((await committed())[1]).toEqual([1, 0]);
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
  });
});
