// Hourly sales buckets are only read by the trending windows (7 days at most), so older ones are
// deleted. All-time popularity lives in product_sales and is kept.
import type { RecommendationsPrisma } from "../db.js";
import { WINDOW_HOURS } from "./cache-keys.js";
import { hourBucket } from "./ranking.js";

/** Deletes buckets no window ending now (or within the next day, for late events) can contain. */
export async function pruneSalesBuckets(prisma: RecommendationsPrisma, now = new Date()): Promise<number> {
  const oldestKept = new Date(hourBucket(now).getTime() - (WINDOW_HOURS.WEEK + 24) * 3_600_000);
  const { count } = await prisma.productSalesHourly.deleteMany({ where: { bucketStart: { lt: oldestKept } } });
  return count;
}
