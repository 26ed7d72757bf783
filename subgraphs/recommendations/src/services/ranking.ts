// Pure list arithmetic for recommendations (no I/O, unit-tested).

export interface Ranked {
  productId: string;
  score: number;
}

/** Longest list we compute and cache; `first` can ask for at most this many. */
export const MAX_LIST_LENGTH = 50;

/**
 * Merges ranked lists into one: an item scores `weight / (rank + 1)` in every list it appears in,
 * so an item high in several lists (e.g. same category AND same brand) comes first. Ties by id.
 */
export function blend(lists: Array<{ weight: number; items: Ranked[] }>): string[] {
  const scores = new Map<string, number>();
  for (const { weight, items } of lists) {
    items.forEach((item, rank) => {
      scores.set(item.productId, (scores.get(item.productId) ?? 0) + weight / (rank + 1));
    });
  }
  return [...scores].sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : idA > idB ? 1 : 0)).map(([id]) => id);
}

/** Takes ids from the sources in order (each source a fallback for the previous), skipping excluded and repeated ones. */
export function pickDistinct(sources: string[][], exclude: ReadonlySet<string>, first: number): string[] {
  const picked = new Set<string>();
  for (const source of sources)
    for (const id of source) {
      if (picked.size >= first) return [...picked];
      if (!exclude.has(id)) picked.add(id);
    }
  return [...picked];
}

/** Start of the hourly bucket an instant falls in (UTC). */
export const hourBucket = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);

/** First bucket of a window of `hours` buckets that ends with the bucket of `now`. */
export const windowStart = (now: Date, hours: number) => new Date(hourBucket(now).getTime() - (hours - 1) * 3_600_000);
