// The only place that knows kafkajs is the Kafka client: services see EventPublisher and the
// consumer runner, so the client library can be replaced (kafkajs is in maintenance mode).
import { type Admin, Kafka, type KafkaConfig, logLevel } from "kafkajs";
import type { Logger } from "../logging/logger.js";
import { retryKafkaStartup } from "./startup-retry.js";

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
    // Retries capped at 2 s (kafkajs's default cap is 30 s): a call that started while the broker
    // was down retries soon after it is back, instead of sleeping up to half a minute.
    retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 8 },
  };
  return new Kafka(config);
}

/** Partitions per topic: the unit of parallelism; events of one subject (the key) stay in order. */
export const topicPartitions = 3;

/**
 * Creates topics (and their DLQ twins) if missing and returns once every partition has a leader;
 * safe to call from many services at once. Waits even for topics that already exist: another
 * process may have created them a moment ago, before the broker could serve them.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  numPartitions = topicPartitions,
  timeoutMs = 30_000,
): Promise<void> {
  const wanted = [...new Set(topics.flatMap((t) => [t, `${t}.dlq`]))];
  await retryKafkaStartup(`create topics ${wanted.join(", ")}`, async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t));
      if (missing.length > 0) {
        try {
          await admin.createTopics({
            topics: missing.map((topic) => ({ topic, numPartitions })),
            waitForLeaders: false,
          });
        } catch (error) {
          if (!createdByAnother(error)) throw error;
        }
      }
      await waitForLeaders(admin, wanted, timeoutMs);
    } finally {
      await admin.disconnect();
    }
  });
}

// A concurrent ensureTopics won the race for some topics: kafkajs reports them one error each.
function createdByAnother(error: unknown): boolean {
  const errors = (error as { errors?: { type?: string }[] }).errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.type === "TOPIC_ALREADY_EXISTS");
}

// KRaft answers UNKNOWN_TOPIC_OR_PARTITION / LEADER_NOT_AVAILABLE for a short while after creation;
// kafkajs's own waitForLeaders retries only the latter, so poll here until a deadline.
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const leaderless = metadata.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
      if (leaderless.length === 0) return;
      lastProblem = `no leader yet for ${leaderless.map((t) => t.name).join(", ")}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Kafka topics ${topics.join(", ")} not ready after ${timeoutMs} ms: ${lastProblem}`);
}
