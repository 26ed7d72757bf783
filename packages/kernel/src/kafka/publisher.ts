// Publishes already-serialised events; idempotent producer with acks from all in-sync replicas.
import { type Kafka, Partitioners, type Producer } from "kafkajs";
import { retryKafkaStartup } from "./startup-retry.js";

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface EventPublisher {
  publish(messages: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export async function createEventPublisher(kafka: Kafka): Promise<EventPublisher> {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await retryKafkaStartup("connect event producer", () => producer.connect());
  return {
    async publish(messages) {
      if (messages.length === 0) return;
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const message of messages) byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
        })),
      });
    },
    close: () => producer.disconnect(),
  };
}
