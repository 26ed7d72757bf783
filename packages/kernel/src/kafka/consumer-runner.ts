// Runs a consumer group for one service. Each event's handler and its processed_event row
// commit in ONE database transaction, so a redelivered event has no second effect. Partitions
// are consumed concurrently (order holds per key, not across keys), so handlers of different
// subjects may run at once and must take row locks in a stable order. A failing handler is
// retried with capped backoff. A transient failure (a dependency down, failure-policy.ts) is
// retried for as long as it lasts by pausing only its partition (the message is fetched again on
// resume, its offset never committed meanwhile), so the other partitions keep flowing; a poison
// one (the event cannot be applied) goes to `<topic>.dlq` after `maxRetries` quick retries, with
// the reason in its headers, and consumption carries on.
import { setTimeout as delay } from "node:timers/promises";
import type { Admin, Consumer, EachBatchPayload, Kafka, KafkaMessage } from "kafkajs";
import type { EventDefinition, EventEnvelope } from "../events/envelope.js";
import { namespacedTopic } from "../events/topics.js";
import { exponentialBackoff } from "../lifecycle/backoff.js";
import type { Logger } from "../logging/logger.js";
import { metrics } from "../observability/metrics.js";
import type { SqlExecutor } from "../outbox/outbox.js";
import { applyTogether, type DecodedEvent } from "./apply-together.js";
import { ensureTopics, topicPartitions } from "./client.js";
import { withConsumeSpan } from "./consume-span.js";
import { consumerLag } from "./consumer-lag.js";
import { createDeadLetterQueue, type DeadLetter } from "./dead-letter.js";
import { decodeEnvelope } from "./decode.js";
import { defaultFailurePolicy, type FailurePolicy } from "./failure-policy.js";
import { restartOnCrash } from "./restart-on-crash.js";
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
  /** Retries of a poison failure before the DLQ (default 3); transient ones retry until they pass. */
  maxRetries?: number;
  retryInitialMs?: number;
  /** Longest wait between retries (default 5 s): a recovered dependency is noticed this fast. */
  retryMaxMs?: number;
  /** Transient or poison (default: failure-policy.ts). */
  failurePolicy?: FailurePolicy;
  fromBeginning?: boolean;
  /** KAFKA_TOPIC_PREFIX: handlers name streams, the runner subscribes to them in this namespace. */
  topicPrefix?: string;
  /** Partitions handled at once; 1 runs every event of the group strictly one after another. */
  partitionsConsumedConcurrently?: number;
  /**
   * Consecutive events of a partition applied in one transaction (apply-together.ts); default 1.
   * Only for handlers whose transactions cannot deadlock each other when grouped (each touches
   * its own subject's rows), since a group holds every event's row locks until it commits.
   */
  eventsPerTransaction?: number;
}

export class ConsumerRunner<Tx extends SqlExecutor> {
  private consumer?: Consumer;
  private deadLetters?: DeadLetter;
  private lagAdmin?: Admin;
  private lagTimer?: NodeJS.Timeout;
  private readonly handlers = new Map<string, EventHandler<Tx>>();
  /** Aborted on stop: cuts every retry wait short. */
  private readonly stopping = new AbortController();
  /** Partitions paused while a dependency is down: their backoff and pending resume. */
  private readonly outages = new Map<string, Outage>();
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
    // A member that died without leaving (SIGKILL, a lost node) holds its partitions until its
    // session times out: 6 s (the broker's minimum) instead of kafkajs's 30 s, with a heartbeat
    // every second. A consumer restarted after a broker restart also waits that out.
    const consumer = kafka.consumer({
      groupId,
      maxWaitTimeInMs: 100,
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
      retry: { retries: 10 },
    });
    const startedAt = Date.now();
    this.consumer = consumer;
    await retryKafkaStartup(`connect consumer group ${groupId}`, () => consumer.connect());
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await retryKafkaStartup(`subscribe ${groupId} to ${this.topics.join(", ")}`, () =>
      consumer.subscribe({ topics: this.topics, fromBeginning }),
    );
    const run = () =>
      consumer.run({
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? topicPartitions,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.processBatch(payload),
      });
    restartOnCrash(consumer, run, { logger: this.options.logger, signal: this.stopping.signal });
    await run();
    await joined;
    this.options.logger.info({ groupId, topics: this.topics, ms: Date.now() - startedAt }, "consumer group joined");
    this.lagAdmin = kafka.admin();
    await retryKafkaStartup("connect lag admin", () => this.lagAdmin!.connect());
    this.lagTimer = setInterval(() => void this.sampleLag(), 10_000);
    this.lagTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    for (const outage of this.outages.values()) clearTimeout(outage.resumeTimer);
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

  private async deadLetter(topic: string, message: KafkaMessage, why: { reason: string; error: string }) {
    await this.deadLetters!.send(topic, message, why);
    metrics.deadLetters.inc({ consumer: this.options.groupId, topic, reason: why.reason });
  }

  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale, pause }: EachBatchPayload) {
    const { topic, partition } = batch;
    const perTransaction = this.options.eventsPerTransaction ?? 1;
    const halted = () => !isRunning() || isStale() || this.stopping.signal.aborted;
    for (let next = 0; next < batch.messages.length; next += perTransaction) {
      if (halted()) return;
      const group = batch.messages.slice(next, next + perTransaction);
      if (group.length > 1 && (await this.applyGroup(topic, partition, group))) {
        resolveOffset(group.at(-1)!.offset);
        await heartbeat();
        continue;
      }
      for (const message of group) {
        if (halted()) return;
        if ((await this.process(topic, partition, message)) === "wait") {
          // Unresolved, so fetched again on resume; only this partition waits.
          this.waitOut(topic, partition, pause());
          return;
        }
        resolveOffset(message.offset);
        await heartbeat();
      }
    }
  }

  /** True when the whole group is applied in one transaction; false leaves it for one by one. */
  private async applyGroup(topic: string, partition: number, messages: KafkaMessage[]): Promise<boolean> {
    if (this.outages.has(`${topic}:${partition}`)) return false; // recovering: one event at a time
    const events: DecodedEvent<Tx>[] = [];
    for (const message of messages) {
      const decoded = decodeEnvelope(message.value, this.handlers);
      if (decoded.kind === "invalid") return false; // dead-lettered on the way one by one
      if (decoded.kind === "handled") events.push(decoded);
    }
    if (events.length === 0) return true;
    return applyTogether({ topic, groupId: this.options.groupId, transaction: this.options.transaction }, events);
  }

  private waitOut(topic: string, partition: number, resume: () => void) {
    const key = `${topic}:${partition}`;
    const outage = this.outages.get(key)!;
    outage.resumeTimer = setTimeout(resume, outage.backoff.next());
  }

  /** "done" once the event is applied, a duplicate or dead-lettered; "wait" when a dependency is down. */
  private async process(topic: string, partition: number, message: KafkaMessage): Promise<"done" | "wait"> {
    const decoded = decodeEnvelope(message.value, this.handlers);
    if (decoded.kind === "ignored") return "done";
    if (decoded.kind === "invalid") {
      this.options.logger.warn(
        { topic, partition, offset: message.offset, reason: decoded.reason },
        "invalid event sent to DLQ",
      );
      await this.deadLetter(topic, message, { reason: "invalid-event", error: decoded.reason });
      return "done";
    }
    const { handler, envelope } = decoded;
    return withConsumeSpan(topic, this.options.groupId, envelope, () =>
      this.handleWithRetries(topic, partition, message, handler, envelope),
    );
  }

  private async handleWithRetries(
    topic: string,
    partition: number,
    message: KafkaMessage,
    handler: EventHandler<Tx>,
    envelope: EventEnvelope<unknown>,
  ): Promise<"done" | "wait"> {
    const labels = { consumer: this.options.groupId, type: envelope.type };
    const key = `${topic}:${partition}`;
    const poisonBackoff = this.backoff();
    const maxRetries = this.options.maxRetries ?? 3;
    const policy = this.options.failurePolicy ?? defaultFailurePolicy;
    for (let poisonRetries = 0; ; poisonRetries++) {
      try {
        const outcome = await this.options.transaction(async (tx) => {
          const inserted = await tx.$executeRawUnsafe(
            "INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            this.options.groupId,
            envelope.id,
          );
          if (inserted === 0) return "duplicate"; // already processed: a redelivery
          await handler.handle(envelope, tx);
          return "applied";
        });
        metrics.eventsConsumed.inc({ ...labels, outcome });
        this.recovered(key, envelope);
        return "done";
      } catch (error) {
        if (this.stopping.signal.aborted) return "wait"; // not resolved: redelivered to the next member
        const kind = policy.classify(error);
        metrics.handlerRetries.inc({ ...labels, kind });
        if (kind === "transient") {
          if (!this.outages.has(key)) {
            this.outages.set(key, { backoff: this.backoff(), since: Date.now() });
            this.options.logger.warn(
              { err: error, eventId: envelope.id, type: envelope.type, topic, partition },
              "handler waits for a dependency; this partition is paused and retried",
            );
          }
          return "wait";
        }
        if (poisonRetries >= maxRetries) {
          this.options.logger.error(
            { err: error, eventId: envelope.id, type: envelope.type },
            "handler failed; sent to DLQ",
          );
          await this.deadLetter(topic, message, { reason: "handler-failed", error: String(error) });
          metrics.eventsConsumed.inc({ ...labels, outcome: "dead_lettered" });
          this.recovered(key, envelope);
          return "done";
        }
        await delay(poisonBackoff.next(), undefined, { signal: this.stopping.signal }).catch(() => {});
      }
    }
  }

  private backoff() {
    return exponentialBackoff({
      initialMs: this.options.retryInitialMs ?? 100,
      maxMs: this.options.retryMaxMs ?? 5_000,
    });
  }

  private recovered(key: string, envelope: EventEnvelope<unknown>) {
    const outage = this.outages.get(key);
    if (!outage) return;
    this.outages.delete(key);
    this.options.logger.info(
      { eventId: envelope.id, type: envelope.type, waitedMs: Date.now() - outage.since },
      "handler recovered; partition flowing again",
    );
  }
}

interface Outage {
  backoff: ReturnType<typeof exponentialBackoff>;
  since: number;
  resumeTimer?: NodeJS.Timeout;
}
