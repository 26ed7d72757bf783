// Several services create the same topics at once at start-up; every one of them must come back
// only when the broker can serve the topics, so a produce right after never meets a missing partition.
import { Kafka, logLevel } from "kafkajs";
import { describe, expect, it } from "vitest";
import { ensureTopics } from "../src/index.js";
import { uniqueName } from "../src/testing/index.js";

const clients = Array.from(
  { length: 4 },
  (_, i) => new Kafka({ clientId: `ensure-topics-${i}`, brokers: ["127.0.0.1:9092"], logLevel: logLevel.NOTHING }),
);

describe("ensureTopics", () => {
  it("lets concurrent callers race to create the same topics and returns with every partition led", async () => {
    const topic = uniqueName("ensure-topics");
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
