// Names of the cached lists (the cache adds the "recs:" prefix). Each list depends on exactly
// the facts its name says, so an event drops exactly the lists it changes.
export type TrendingWindow = "DAY" | "WEEK";
export type Classification = "category" | "brand";

export const cacheKeys = {
  /** Products bought together with this one. */
  coPurchased: (productId: string) => `copurchase:${productId}`,
  /** Best sellers of one category or brand. */
  popular: (kind: Classification, id: string) => `popular:${kind}:${id}`,
  /** A trending window, named by the hourly bucket it ends with. */
  trending: (window: TrendingWindow, endBucket: Date) => `trending:${window}:${endBucket.toISOString()}`,
  /** A user's affinities and purchases. */
  profile: (userId: string) => `profile:${userId}`,
};

export const WINDOW_HOURS: Record<TrendingWindow, number> = { DAY: 24, WEEK: 24 * 7 };

/** Every trending window that contains this hourly bucket (the windows ending in it or in the hours after). */
export function trendingKeysCovering(bucket: Date): string[] {
  return (["DAY", "WEEK"] as const).flatMap((window) =>
    Array.from({ length: WINDOW_HOURS[window] }, (_, hour) =>
      cacheKeys.trending(window, new Date(bucket.getTime() + hour * 3_600_000)),
    ),
  );
}

/** The popular lists a product belongs to (by its categories and brand). */
export function popularKeysOf(attribute: { categoryIds: string[]; brandId: string | null } | null): string[] {
  if (!attribute) return [];
  return [
    ...attribute.categoryIds.map((id) => cacheKeys.popular("category", id)),
    ...(attribute.brandId ? [cacheKeys.popular("brand", attribute.brandId)] : []),
  ];
}
