// How the two paths of a migrating field compare on live traffic: the series the migration runbook
// checks before each rollout step (root README, "Shadow reads").
import { metricsRegistry } from "@shopstream/kernel";
import client from "prom-client";

export const shadowMetrics = {
  reads: new client.Counter({
    name: "router_shadow_reads_total",
    help: "Shadow reads by label, the path the client was answered from (primary) and outcome (match|mismatch|error|timeout|dropped)",
    labelNames: ["label", "primary", "outcome"],
    registers: [metricsRegistry],
  }),
  mismatches: new client.Counter({
    name: "router_shadow_mismatches_total",
    help: "Shadow reads whose answers differed, by label and field (Type.field; (errors) when only one path had GraphQL errors)",
    labelNames: ["label", "field"],
    registers: [metricsRegistry],
  }),
  duration: new client.Histogram({
    name: "router_shadow_read_duration_seconds",
    help: "Time to answer a shadow read along the other path, by label",
    labelNames: ["label"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metricsRegistry],
  }),
};
