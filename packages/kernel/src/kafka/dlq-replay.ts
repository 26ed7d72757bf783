// Replays a dead-letter topic: every message in `<topic>.dlq` goes back to the topic it came from
// (its original key, value and headers, plus where it was replayed from), so the consumer that
// gave up on it handles it again once its cause is fixed. Consumers are idempotent, so groups
// that had handled the event see a duplicate and skip it. Progress is a consumer group of its own
// per filter, so a replay resumes where the last one stopped and never sends a message twice;
// a dry run only lists what would be sent.
import type { Kafka, KafkaMessage } from "kafkajs";
import { dlqTopic, namespacedTopic } from "../events/topics.js";
import type { Logger } from "../logging/logger.js";
import { retryKafkaStartup } from "./startup-retry.js";

export interface DlqReplayOptions {
  kafka: Kafka;
  /** The stream whose DLQ to replay, e.g. `orders.orders` (KAFKA_TOPIC_PREFIX is added). */
  topic: string;
  topicPrefix?: string;
  /** Only messages this consumer group dead-lettered. */
  consumer?: string;
  dryRun?: boolean;
  logger: Logger;
  /** Called for each message considered (the CLI prints them). */
  onMessage?: (entry: DeadLetterEntry) => void;
  timeoutMs?: number;
}

export interface DeadLetterEntry {
  partition: number;
  offset: string;
  reason: string;
  consumer: string;
  error: string;
  originalTopic: string;
  /** false when filtered out by `consumer`. */
  selected: boolean;
}

export interface DlqReplayReport {
  dlq: string;
  considered: number;
  replayed: number;
  skipped: number;
  byReason: Record<string, number>;
}

const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString() ?? "";

export async function replayDeadLetters(options: DlqReplayOptions): Promise<DlqReplayReport> {
  const { kafka, logger } = options;
  const dlq = dlqTopic(namespacedTopic(options.topicPrefix, options.topic));
  const groupId = `${options.topicPrefix ?? ""}dlq-replay.${options.consumer ?? "all"}`;
  const report: DlqReplayReport = { dlq, considered: 0, replayed: 0, skipped: 0, byReason: {} };
  const remaining = await unreplayedOffsets(kafka, groupId, dlq, options.topicPrefix ?? "");
  if (remaining.size === 0) return report;

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await retryKafkaStartup(`connect DLQ replay producer for ${dlq}`, () => producer.connect());
  await retryKafkaStartup(`connect DLQ replay consumer for ${dlq}`, () => consumer.connect());
  try {
    await consumer.subscribe({ topics: [dlq], fromBeginning: true });
    const finished = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`DLQ replay of ${dlq} did not reach the end in time`)),
        options.timeoutMs ?? 60_000,
      );
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const last = remaining.get(partition);
          if (last === undefined || BigInt(message.offset) > last) return; // arrived after the replay started
          const entry: DeadLetterEntry = {
            partition,
            offset: message.offset,
            reason: header(message, "dlq-reason"),
            consumer: header(message, "dlq-consumer"),
            error: header(message, "dlq-error"),
            originalTopic: header(message, "dlq-original-topic"),
            selected: !options.consumer || header(message, "dlq-consumer") === options.consumer,
          };
          report.considered += 1;
          options.onMessage?.(entry);
          if (entry.selected) {
            report.byReason[entry.reason] = (report.byReason[entry.reason] ?? 0) + 1;
            if (!options.dryRun) await replay(producer, dlq, partition, message, entry.originalTopic);
            if (!options.dryRun) report.replayed += 1;
          } else report.skipped += 1;
          if (!options.dryRun)
            await consumer.commitOffsets([{ topic: dlq, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
          if (BigInt(message.offset) === last) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await finished;
  } finally {
    await consumer.disconnect().catch((error) => logger.warn({ err: error }, "DLQ replay consumer disconnect failed"));
    await producer.disconnect();
  }
  return report;
}

async function replay(
  producer: ReturnType<Kafka["producer"]>,
  dlq: string,
  partition: number,
  message: KafkaMessage,
  originalTopic: string,
) {
  if (!originalTopic) throw new Error(`${dlq} ${partition}/${message.offset} has no dlq-original-topic header`);
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).filter(([name]) => !name.startsWith("dlq-")),
  ) as Record<string, Buffer | string>;
  await producer.send({
    topic: originalTopic,
    acks: -1,
    messages: [
      {
        key: message.key,
        value: message.value,
        headers: { ...headers, "dlq-replayed-from": `${dlq}@${partition}/${message.offset}` },
      },
    ],
  });
}

/** Per partition, the last offset this replay must reach (none when nothing is left to replay). */
async function unreplayedOffsets(
  kafka: Kafka,
  groupId: string,
  dlq: string,
  namespace: string,
): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await retryKafkaStartup(`connect admin for ${dlq}`, () => admin.connect());
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(dlq)) {
      const streams = topics
        .filter((name) => name.endsWith(".dlq") && name.startsWith(namespace))
        .map((name) => name.slice(namespace.length, -4))
        .sort();
      const shown = streams.length > 20 ? [...streams.slice(0, 20), "…"] : streams;
      throw new Error(`there is no dead-letter topic ${dlq}; streams with one: ${shown.join(", ") || "none"}`);
    }
    const ends = await admin.fetchTopicOffsets(dlq);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [dlq] });
    const remaining = new Map<number, bigint>();
    for (const { partition, high, low } of ends) {
      const done = committed?.partitions.find((p) => p.partition === partition)?.offset ?? "-1";
      const from = BigInt(done) >= 0n ? BigInt(done) : BigInt(low);
      if (BigInt(high) > from) remaining.set(partition, BigInt(high) - 1n);
    }
    return remaining;
  } finally {
    await admin.disconnect();
  }
}
