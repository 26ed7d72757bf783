// The only place that knows kafkajs is the Kafka client: services see EventPublisher and the
// consumer runner, so the client library can be replaced (kafkajs is in maintenance mode).
import { Kafka, type KafkaConfig, logLevel } from "kafkajs";
import type { Logger } from "../logging/logger.js";

export function createKafka(options: { clientId: string; brokers: string[]; logger: Logger }): Kafka {
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }) => {
        const { message, ...extra } = log;
        if (level <= logLevel.ERROR) options.logger.error({ kafka: extra }, message);
        else if (level === logLevel.WARN) options.logger.warn({ kafka: extra }, message);
      },
    retry: { initialRetryTime: 100, retries: 8 },
  };
  return new Kafka(config);
}

/** Creates topics (and their DLQ twins) if missing; safe to call from every service at start-up. */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics.flatMap((t) => [t, `${t}.dlq`]))].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions })), waitForLeaders: true });
    }
  } finally {
    await admin.disconnect();
  }
}
