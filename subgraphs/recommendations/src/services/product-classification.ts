// Keeps each product's classification (brand, categories, status) from catalog's full-state
// events. An event older than the stored state is ignored (events of one product may arrive
// again or late). Returns the cached lists the change affects; none when nothing we use changed
// (most product events are about names, prices or images).
import type { catalogEvents, EventEnvelope } from "@shopstream/kernel";
import type { z } from "zod";
import type { RecommendationsTx } from "../db.js";
import { createRepositories } from "../repositories/index.js";
import type { ProductAttribute } from "../repositories/product-attribute-repository.js";
import { cacheKeys, popularKeysOf, trendingKeysCovering, WINDOW_HOURS } from "./cache-keys.js";

type ProductChanged = z.infer<typeof catalogEvents.productChanged.data>;

export async function applyProductChanged(
  db: RecommendationsTx,
  event: EventEnvelope<ProductChanged>,
): Promise<string[]> {
  const { attributes, orderFacts } = createRepositories(db);
  const { productId, status } = event.data;
  const sourceTime = new Date(event.time);
  const previous = await attributes.findForUpdate(productId);
  if (previous && previous.sourceTime > sourceTime) return [];

  // Fields left out of an event are unknown to it, not cleared.
  const next: ProductAttribute = {
    productId,
    status,
    brandId: event.data.brandId !== undefined ? event.data.brandId : (previous?.brandId ?? null),
    categoryIds: [...new Set(event.data.categoryIds ?? previous?.categoryIds ?? [])].sort(),
    sourceTime,
  };
  await attributes.save(next);

  const classificationChanged =
    !previous || previous.brandId !== next.brandId || previous.categoryIds.join() !== next.categoryIds.join();
  const visibilityChanged = isRecommendable(previous) !== isRecommendable(next);
  if (!classificationChanged && !visibilityChanged) return [];
  const keys = [...popularKeysOf(previous), ...popularKeysOf(next)];
  if (visibilityChanged) {
    keys.push(...(await orderFacts.coPurchasedWith(productId)).map(cacheKeys.coPurchased));
    // Trending windows that can list it: those covering its sales of the last week.
    const since = new Date(sourceTime.getTime() - WINDOW_HOURS.WEEK * 3_600_000);
    for (const bucket of await orderFacts.salesBucketsOf(productId, since)) keys.push(...trendingKeysCovering(bucket));
  }
  // Affinities are derived from the classification of what users bought.
  if (classificationChanged) keys.push(...(await orderFacts.buyersOf(productId)).map(cacheKeys.profile));
  return [...new Set(keys)];
}

/** Unknown products count as recommendable until catalog says otherwise. */
const isRecommendable = (attribute: ProductAttribute | null) => !attribute || attribute.status === "ACTIVE";
