// What a confirmed order teaches: pairs bought together, units sold (all time and in the hourly
// bucket of its confirmation time, never the wall clock), and the buyer's purchases. Applied once
// per order id, so a replayed or re-sent confirmation changes nothing. Returns the cached lists
// the order changed.
import type { EventEnvelope, orderEvents } from "@shopstream/kernel";
import type { z } from "zod";
import type { RecommendationsTx } from "../db.js";
import { createRepositories } from "../repositories/index.js";
import type { ProductUnits } from "../repositories/order-facts-repository.js";
import { cacheKeys, popularKeysOf, trendingKeysCovering } from "./cache-keys.js";
import { hourBucket } from "./ranking.js";

type OrderConfirmed = z.infer<typeof orderEvents.orderConfirmed.data>;

export async function learnFromConfirmedOrder(
  db: RecommendationsTx,
  event: EventEnvelope<OrderConfirmed>,
): Promise<string[]> {
  const { orderFacts, attributes } = createRepositories(db);
  const { orderId, userId, lines } = event.data;
  const confirmedAt = new Date(event.data.confirmedAt);
  const bucketStart = hourBucket(confirmedAt);
  const units = unitsPerProduct(lines);
  const applied = await orderFacts.recordOrder({ orderId, eventId: event.id, userId, confirmedAt, bucketStart, units });
  if (!applied) return [];

  const productIds = units.map((unit) => unit.productId);
  const classified = await attributes.findByIds(productIds);
  return [
    ...(productIds.length > 1 ? productIds.map(cacheKeys.coPurchased) : []),
    ...classified.flatMap(popularKeysOf),
    ...trendingKeysCovering(bucketStart),
    ...(userId ? [cacheKeys.profile(userId)] : []),
  ];
}

/** Units per product (variants of one product add up), sorted by id so row locks are taken in one order. */
export function unitsPerProduct(lines: Array<{ productId: string; quantity: number }>): ProductUnits[] {
  const units = new Map<string, number>();
  for (const line of lines) units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
  return [...units]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([productId, quantity]) => ({ productId, quantity }));
}
