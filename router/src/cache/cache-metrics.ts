// Cache metrics on the kernel registry (names used by the Grafana dashboard). `type` is the entity
// type for entity lookups and the root coordinate (e.g. "Query.product") for root-field lookups.
import { metricsRegistry } from "@shopstream/kernel";
import client from "prom-client";

const existing = <T>(name: string) => metricsRegistry.getSingleMetric(name) as T | undefined;

function counter(name: string, help: string, labelNames: string[]): client.Counter<string> {
  return (
    existing<client.Counter<string>>(name) ??
    new client.Counter({ name, help, labelNames, registers: [metricsRegistry] })
  );
}

export const cacheMetrics = {
  lookups: counter("router_cache_lookups_total", "Entity/response cache lookups, by type", ["type"]),
  hits: counter("router_cache_hits_total", "Entity/response cache hits (L1 or Redis), by type", ["type"]),
  errors: counter("router_cache_errors_total", "Cache operations that failed (served uncached), by operation", [
    "operation",
  ]),
  invalidations: counter("router_cache_invalidations_total", "Entity refs invalidated, by source", ["source"]),
  deduplicated: counter(
    "router_dedup_shared_total",
    "Anonymous queries answered by an identical execution already in flight",
    [],
  ),
};
