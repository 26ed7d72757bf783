// Prometheus metrics: one registry per process, labelled with the service name. The kernel's
// moving parts (HTTP server, outbox relay, consumers, DLQ, circuit breakers) record here.
import client from "prom-client";

export const metricsRegistry = new client.Registry();
let defaultsCollected = false;

/** Call once per process; adds process metrics (CPU, RSS, event loop lag) and the service label. */
export function initMetrics(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
  if (!defaultsCollected) client.collectDefaultMetrics({ register: metricsRegistry });
  defaultsCollected = true;
}

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  graphqlRequests: new client.Histogram({
    name: "graphql_request_duration_seconds",
    help: "GraphQL requests served, by operation name and outcome",
    labelNames: ["operation", "outcome"],
    buckets: latencyBuckets,
    registers: [metricsRegistry],
  }),
  graphqlErrors: new client.Counter({
    name: "graphql_errors_total",
    help: "GraphQL errors returned, by extensions.code",
    labelNames: ["code"],
    registers: [metricsRegistry],
  }),
  eventsPublished: new client.Counter({
    name: "outbox_events_published_total",
    help: "Outbox rows published to Kafka",
    registers: [metricsRegistry],
  }),
  outboxBacklog: new client.Gauge({
    name: "outbox_backlog",
    help: "Outbox rows not yet published (sampled by the relay)",
    registers: [metricsRegistry],
  }),
  eventsConsumed: new client.Counter({
    name: "events_consumed_total",
    help: "Events handled by consumers, by type and outcome (applied, duplicate, dead_lettered)",
    labelNames: ["consumer", "type", "outcome"],
    registers: [metricsRegistry],
  }),
  eventsPerTransaction: new client.Histogram({
    name: "consumer_events_per_transaction",
    help: "Events a consumer applied together in one transaction (groups of two or more)",
    labelNames: ["consumer"],
    buckets: [2, 5, 10, 20, 50, 100],
    registers: [metricsRegistry],
  }),
  consumerLag: new client.Gauge({
    name: "kafka_consumer_lag",
    help: "Messages behind the partition high watermark, by consumer group and topic",
    labelNames: ["consumer", "topic"],
    registers: [metricsRegistry],
  }),
  handlerRetries: new client.Counter({
    name: "handler_retries_total",
    help: "Handler failures retried, by kind: transient (a dependency down, waited out) or poison",
    labelNames: ["consumer", "type", "kind"],
    registers: [metricsRegistry],
  }),
  deadLetters: new client.Counter({
    name: "dlq_messages_total",
    help: "Messages sent to a dead-letter topic, by consumer and reason",
    labelNames: ["consumer", "topic", "reason"],
    registers: [metricsRegistry],
  }),
  circuitBreakerState: new client.Gauge({
    name: "circuit_breaker_state",
    help: "Circuit breaker state: 0 closed, 1 half-open, 2 open",
    labelNames: ["breaker"],
    registers: [metricsRegistry],
  }),
};
