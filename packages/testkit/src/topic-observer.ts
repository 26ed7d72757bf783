// Records every event published to a topic from now on (or, with fromBeginning, every event the
// topic holds), for tests that assert what a service emitted. Resolves once the observer's first
// fetch completed: offsets are fixed then, so nothing published afterwards is missed.
import { randomUUID } from "node:crypto";
import type { EventEnvelope } from "@shopstream/kernel";
import type { Kafka } from "kafkajs";

export interface TopicObserver<T = Record<string, unknown>> {
  events: EventEnvelope<T>[];
  stop(): Promise<void>;
}

export async function observeTopic<T = Record<string, unknown>>(
  kafka: Kafka,
  topic: string,
  options: { fromBeginning?: boolean } = {},
): Promise<TopicObserver<T>> {
  const consumer = kafka.consumer({ groupId: `observer-${randomUUID().slice(0, 8)}`, maxWaitTimeInMs: 100 });
  const events: EventEnvelope<T>[] = [];
  await consumer.connect();
  const fetched = new Promise<void>((resolve) => consumer.on(consumer.events.FETCH, () => resolve()));
  await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? false });
  await consumer.run({ eachMessage: async ({ message }) => void events.push(JSON.parse(String(message.value))) });
  await fetched;
  return { events, stop: () => consumer.disconnect() };
}
