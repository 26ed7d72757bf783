// Where a NEW consumer group starts when it should not replay history: kafkajs's
// `fromBeginning: false` resolves "latest" only at the group's first fetch, after joining, so
// events published between start-up and that fetch would be skipped. Committing the current end
// offsets before joining closes that gap. Partitions the group already has offsets for are left
// alone, so a restarted service carries on where it stopped.
import type { Kafka } from "kafkajs";
import { retryKafkaStartup } from "./startup-retry.js";

export function startNewGroupAtEnd(kafka: Kafka, groupId: string, topics: string[]): Promise<void> {
  return retryKafkaStartup(`start group ${groupId} at the end of ${topics.join(", ")}`, () =>
    commitEndOffsets(kafka, groupId, topics),
  );
}

async function commitEndOffsets(kafka: Kafka, groupId: string, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
      const fresh = new Set(partitions.filter((p) => Number(p.offset) < 0).map((p) => p.partition));
      if (fresh.size === 0) continue;
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends
          .filter((end) => fresh.has(end.partition))
          .map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/** Each partition's end offset now, for a consumer to seek to as it joins a group of its own. */
export function topicEndOffsets(
  kafka: Kafka,
  topics: string[],
): Promise<Array<{ topic: string; partition: number; offset: string }>> {
  // A topic created a moment ago answers "not the leader" until its leader is known.
  return retryKafkaStartup(`read the end offsets of ${topics.join(", ")}`, async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const perTopic = await Promise.all(
        topics.map(async (topic) => ({ topic, ends: await admin.fetchTopicOffsets(topic) })),
      );
      return perTopic.flatMap(({ topic, ends }) =>
        ends.map(({ partition, high }) => ({ topic, partition, offset: high })),
      );
    } finally {
      await admin.disconnect();
    }
  });
}
