// Per-label series so the old and new paths can be compared while a rollout shifts traffic.
// Per-subgraph fetch latency and errors are the router's own (observability/router-metrics.ts):
// together they show both the split and what each subgraph does with its share.
import { metricsRegistry } from "@shopstream/kernel";
import client from "prom-client";

const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const overrideMetrics = {
  decisions: new client.Counter({
    name: "router_override_decisions_total",
    help: "Requests touching a progressive @override label, by label and chosen path (new|legacy)",
    labelNames: ["label", "path"],
    registers: [metricsRegistry],
  }),
  errors: new client.Counter({
    name: "router_override_errors_total",
    help: "Requests touching a label that answered with GraphQL errors, by label and path",
    labelNames: ["label", "path"],
    registers: [metricsRegistry],
  }),
  duration: new client.Histogram({
    name: "router_override_request_duration_seconds",
    help: "Plan execution time of requests touching a label, by label and path",
    labelNames: ["label", "path"],
    buckets,
    registers: [metricsRegistry],
  }),
};
