// Dead-letter queue: the original message, unchanged, on `<topic>.dlq` with why it is there.
import { type Kafka, type KafkaMessage, Partitioners } from "kafkajs";
import { dlqTopic } from "../events/topics.js";
import { retryKafkaStartup } from "./startup-retry.js";

export interface DeadLetter {
  send(topic: string, message: KafkaMessage, why: { reason: string; error: string }): Promise<void>;
  close(): Promise<void>;
}

export async function createDeadLetterQueue(kafka: Kafka, consumer: string): Promise<DeadLetter> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await retryKafkaStartup(`connect DLQ producer of ${consumer}`, () => producer.connect());
  return {
    async send(topic, message, why) {
      await producer.send({
        topic: dlqTopic(topic),
        acks: -1,
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: {
              ...message.headers,
              "dlq-reason": why.reason,
              "dlq-error": why.error.slice(0, 2000),
              "dlq-consumer": consumer,
              "dlq-original-topic": topic,
              "dlq-original-offset": message.offset,
            },
          },
        ],
      });
    },
    close: () => producer.disconnect(),
  };
}
