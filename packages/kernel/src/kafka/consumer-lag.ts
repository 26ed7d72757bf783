// Samples a consumer group's lag (high watermark minus committed offset, summed per topic).
import type { Admin } from "kafkajs";

export async function consumerLag(admin: Admin, groupId: string, topics: string[]): Promise<Map<string, number>> {
  const lag = new Map<string, number>();
  const committed = await admin.fetchOffsets({ groupId, topics });
  for (const { topic, partitions } of committed) {
    const high = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    let total = 0;
    for (const { partition, offset } of partitions) {
      const highWatermark = high.get(partition) ?? 0;
      const position = Math.max(0, Number(offset)); // -1: nothing committed yet
      total += Math.max(0, highWatermark - position);
    }
    lag.set(topic, total);
  }
  return lag;
}
