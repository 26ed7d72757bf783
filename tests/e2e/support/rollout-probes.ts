// What the rollout e2e tests and benches share: many calls with bounded concurrency, the router's
// counters read from the process's metrics registry, and a rollout file written and let settle.
import { writeFile } from "node:fs/promises";
import { metricsRegistry } from "@shopstream/kernel";
import { waitFor } from "@shopstream/testkit";

/** Runs `count` calls with at most `concurrency` in flight; results in call order. */
export async function inParallel<T>(count: number, concurrency: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await call(i);
      }
    }),
  );
  return results;
}

/** A counter's value summed over the series matching `labels` (a histogram's: its `series`). */
export async function counterValue(name: string, labels: Record<string, string>, series?: string): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  const matches = (value: { labels: Record<string, unknown>; metricName?: string }) =>
    (!series || value.metricName === series) &&
    Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted);
  return metric?.values.filter(matches).reduce((sum, value) => sum + value.value, 0) ?? 0;
}

export const shadowReads = (label: string, primary: string, outcome: string) =>
  counterValue("router_shadow_reads_total", { label, primary, outcome });

export const fieldMismatches = (label: string, field: string) =>
  counterValue("router_shadow_mismatches_total", { label, field });

export const subgraphFetches = (subgraph: string) =>
  counterValue("router_subgraph_fetch_duration_seconds", { subgraph }, "router_subgraph_fetch_duration_seconds_count");

/** Waits until no shadow read of `label` is still finishing (its count stops moving). */
export async function shadowReadsSettled(label: string): Promise<void> {
  let last = -1;
  await waitFor(
    async () => {
      const now = await counterValue("router_shadow_reads_total", { label });
      const still = now === last;
      last = now;
      return still;
    },
    { timeoutMs: 10_000, intervalMs: 200, what: "shadow reads to settle" },
  );
}

/** Writes the setting, then waits until the router has it and no shadow read of the old one runs. */
export async function applyRollout(file: string, rollout: unknown, label: string): Promise<void> {
  await writeFile(file, JSON.stringify(rollout));
  // The file watcher applies it within milliseconds; the router's 500 ms re-read at the latest.
  await new Promise((resolve) => setTimeout(resolve, 700));
  await shadowReadsSettled(label);
}
