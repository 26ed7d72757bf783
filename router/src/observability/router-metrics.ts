// Router-specific Prometheus series, on the kernel's per-process registry (served at /metrics).
import { metricsRegistry } from "@shopstream/kernel";
import client from "prom-client";

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const routerMetrics = {
  requests: new client.Histogram({
    name: "router_request_duration_seconds",
    help: "GraphQL requests through the router, by operation name and HTTP status class",
    labelNames: ["operation", "status"],
    buckets: latencyBuckets,
    registers: [metricsRegistry],
  }),
  subgraphFetches: new client.Histogram({
    name: "router_subgraph_fetch_duration_seconds",
    help: "Fetches from the router to a subgraph",
    labelNames: ["subgraph"],
    buckets: latencyBuckets,
    registers: [metricsRegistry],
  }),
  subgraphFetchesShared: new client.Counter({
    name: "router_subgraph_fetch_shared_total",
    help: "Subgraph fetches answered by an identical fetch already in flight (same document, variables and caller identity)",
    labelNames: ["subgraph"],
    registers: [metricsRegistry],
  }),
  deferredPayloads: new client.Counter({
    name: "router_deferred_payloads_total",
    help: "Payloads after the first of answers delivered incrementally (@defer over multipart/mixed)",
    registers: [metricsRegistry],
  }),
  subscriptionsOpen: new client.Gauge({
    name: "router_subscriptions_open",
    help: "Client subscriptions open now, by root field and transport",
    labelNames: ["field", "transport"],
    registers: [metricsRegistry],
  }),
  subscriptionEvents: new client.Counter({
    name: "router_subscription_events_total",
    help: "Subscription events delivered to clients, by root field",
    labelNames: ["field"],
    registers: [metricsRegistry],
  }),
  subscriptionEnds: new client.Counter({
    name: "router_subscription_ends_total",
    help: "Client subscriptions ended, by why: client, complete, upstream, unauthenticated, shutdown",
    labelNames: ["field", "reason"],
    registers: [metricsRegistry],
  }),
  subscriptionUpstreams: new client.Gauge({
    name: "router_subscription_upstreams_open",
    help: "Subscriptions the router holds open to subgraphs (shared by subscribers), by subgraph",
    labelNames: ["subgraph"],
    registers: [metricsRegistry],
  }),
  incrementalChunks: new client.Histogram({
    name: "router_incremental_chunk_seconds",
    help: "Time from the start of an incrementally delivered answer to its first and to its last chunk",
    labelNames: ["chunk"],
    buckets: latencyBuckets,
    registers: [metricsRegistry],
  }),
  subgraphFetchErrors: new client.Counter({
    name: "router_subgraph_fetch_errors_total",
    help: "Failed subgraph fetches (transport errors, timeouts, bad responses) by subgraph and code",
    labelNames: ["subgraph", "code"],
    registers: [metricsRegistry],
  }),
};
