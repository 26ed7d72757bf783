// Hourly sales buckets are only read by the trending windows (7 days at most), so older ones are
// deleted by an hourly job. All-time popularity lives in product_sales and is kept.
import type { PeriodicJob } from "@shopstream/kernel";
import type { Repositories } from "../repositories/index.js";
import { WINDOW_HOURS } from "./cache-keys.js";
import { hourBucket } from "./ranking.js";

/** Deletes buckets no window ending now (or within the next day, for late events) can contain. */
export function pruneSalesBuckets(repositories: Repositories, now: Date): Promise<number> {
  const oldestKept = new Date(hourBucket(now).getTime() - (WINDOW_HOURS.WEEK + 24) * 3_600_000);
  return repositories.orderFacts.deleteSalesBucketsBefore(oldestKept);
}

export const salesBucketPruning = (repositories: Repositories, clock: () => Date): PeriodicJob => ({
  name: "sales bucket pruning",
  intervalMs: 3_600_000,
  runAtStart: true,
  run: () => pruneSalesBuckets(repositories, clock()),
});
