// Runs a consumer group for one service. Each event's handler and its processed_event row
// commit in ONE database transaction, so a redelivered event has no second effect. Partitions
// are consumed concurrently (order holds per key, not across keys), so handlers of different
// subjects may run at once and must take row locks in a stable order. A handler
// that keeps failing is retried with backoff, then the message goes to `<topic>.dlq` with the
// reason in its headers and consumption carries on.
import type { Admin, Consumer, EachMessagePayload, Kafka } from "kafkajs";
import type { EventDefinition, EventEnvelope } from "../events/envelope.js";
import { namespacedTopic } from "../events/topics.js";
import { exponentialBackoff, sleep } from "../lifecycle/backoff.js";
import type { Logger } from "../logging/logger.js";
import { metrics } from "../observability/metrics.js";
import { SpanKind, withSpan } from "../observability/tracing.js";
import type { SqlExecutor } from "../outbox/outbox.js";
import { ensureTopics, topicPartitions } from "./client.js";
import { consumerLag } from "./consumer-lag.js";
import { createDeadLetterQueue, type DeadLetter } from "./dead-letter.js";
import { decodeEnvelope } from "./decode.js";
import { startNewGroupAtEnd } from "./start-offsets.js";
import { retryKafkaStartup } from "./startup-retry.js";

export interface EventHandler<Tx> {
  definition: EventDefinition<unknown>;
  handle(event: EventEnvelope<unknown>, tx: Tx): Promise<void>;
}

/** Declares a typed handler for one event definition. */
export function on<T, Tx>(
  definition: EventDefinition<T>,
  handle: (event: EventEnvelope<T>, tx: Tx) => Promise<void>,
): EventHandler<Tx> {
  return { definition: definition as EventDefinition<unknown>, handle: handle as EventHandler<Tx>["handle"] };
}

export interface ConsumerRunnerOptions<Tx extends SqlExecutor> {
  kafka: Kafka;
  /** Consumer group id; also the consumer name in processed_event. */
  groupId: string;
  handlers: EventHandler<Tx>[];
  /** Runs fn in one database transaction (e.g. `(fn) => prisma.$transaction(fn)`). */
  transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R>;
  logger: Logger;
  maxRetries?: number;
  retryInitialMs?: number;
  fromBeginning?: boolean;
  /** KAFKA_TOPIC_PREFIX: handlers name streams, the runner subscribes to them in this namespace. */
  topicPrefix?: string;
  /** Partitions handled at once; 1 runs every event of the group strictly one after another. */
  partitionsConsumedConcurrently?: number;
}

export class ConsumerRunner<Tx extends SqlExecutor> {
  private consumer?: Consumer;
  private deadLetters?: DeadLetter;
  private lagAdmin?: Admin;
  private lagTimer?: NodeJS.Timeout;
  private readonly handlers = new Map<string, EventHandler<Tx>>();
  readonly topics: string[];

  constructor(private readonly options: ConsumerRunnerOptions<Tx>) {
    for (const handler of options.handlers) this.handlers.set(handler.definition.type, handler);
    this.topics = [
      ...new Set(options.handlers.map((handler) => namespacedTopic(options.topicPrefix, handler.definition.topic))),
    ];
  }

  async start(): Promise<void> {
    const { kafka, groupId } = this.options;
    await ensureTopics(kafka, this.topics);
    const fromBeginning = this.options.fromBeginning ?? true;
    if (!fromBeginning) await startNewGroupAtEnd(kafka, groupId, this.topics);
    this.deadLetters = await createDeadLetterQueue(kafka, groupId);
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, retry: { retries: 10 } });
    this.consumer = consumer;
    await retryKafkaStartup(`connect consumer group ${groupId}`, () => consumer.connect());
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await retryKafkaStartup(`subscribe ${groupId} to ${this.topics.join(", ")}`, () =>
      consumer.subscribe({ topics: this.topics, fromBeginning }),
    );
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? topicPartitions,
      eachMessage: (payload) => this.process(payload),
    });
    await joined;
    this.lagAdmin = kafka.admin();
    await retryKafkaStartup("connect lag admin", () => this.lagAdmin!.connect());
    this.lagTimer = setInterval(() => void this.sampleLag(), 10_000);
    this.lagTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.lagTimer);
    await this.lagAdmin?.disconnect();
    await this.consumer?.disconnect();
    await this.deadLetters?.close();
  }

  private async sampleLag(): Promise<void> {
    try {
      const lag = await consumerLag(this.lagAdmin!, this.options.groupId, this.topics);
      for (const [topic, value] of lag) metrics.consumerLag.set({ consumer: this.options.groupId, topic }, value);
    } catch (error) {
      this.options.logger.debug({ err: error }, "consumer lag sample failed");
    }
  }

  private async deadLetter(
    topic: string,
    message: EachMessagePayload["message"],
    why: { reason: string; error: string },
  ) {
    await this.deadLetters!.send(topic, message, why);
    metrics.deadLetters.inc({ consumer: this.options.groupId, topic, reason: why.reason });
  }

  private async process({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const decoded = decodeEnvelope(message.value, this.handlers);
    if (decoded.kind === "ignored") return;
    if (decoded.kind === "invalid") {
      this.options.logger.warn(
        { topic, partition, offset: message.offset, reason: decoded.reason },
        "invalid event sent to DLQ",
      );
      await this.deadLetter(topic, message, { reason: "invalid-event", error: decoded.reason });
      return;
    }
    const { handler, envelope } = decoded;
    // The handler's span continues the trace of the request that produced the event.
    await withSpan(
      `consume ${envelope.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent: { traceparent: envelope.traceparent },
        attributes: { "messaging.destination.name": topic, "messaging.consumer.group.name": this.options.groupId },
      },
      () => this.handleWithRetries(topic, message, handler, envelope),
    );
  }

  private async handleWithRetries(
    topic: string,
    message: EachMessagePayload["message"],
    handler: EventHandler<Tx>,
    envelope: EventEnvelope<unknown>,
  ) {
    const labels = { consumer: this.options.groupId, type: envelope.type };
    const backoff = exponentialBackoff({ initialMs: this.options.retryInitialMs ?? 100, maxMs: 5_000 });
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options
          .transaction(async (tx) => {
            const inserted = await tx.$executeRawUnsafe(
              "INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
              this.options.groupId,
              envelope.id,
            );
            if (inserted === 0) return "duplicate"; // already processed: a redelivery
            await handler.handle(envelope, tx);
            return "applied";
          })
          .then((outcome) => metrics.eventsConsumed.inc({ ...labels, outcome }));
        return;
      } catch (error) {
        if (attempt >= maxRetries) {
          this.options.logger.error(
            { err: error, eventId: envelope.id, type: envelope.type },
            "handler failed; sent to DLQ",
          );
          await this.deadLetter(topic, message, { reason: "handler-failed", error: String(error) });
          metrics.eventsConsumed.inc({ ...labels, outcome: "dead_lettered" });
          return;
        }
        await sleep(backoff.next());
      }
    }
  }
}
