// The transaction the consumer runner gives each event: the handler's writes and the
// processed_event row commit together, and the cached lists the handler names are dropped only
// AFTER the commit (dropped earlier, a concurrent read could cache the old state again).
import type { Logger, RedisCache, SqlExecutor } from "@shopstream/kernel";
import type { RecommendationsPrisma, RecommendationsTx } from "../db.js";

export interface EventTx extends SqlExecutor {
  db: RecommendationsTx;
  /** Cache keys to drop once this transaction has committed. */
  invalidate(keys: string[]): void;
}

export function createEventTransaction(prisma: RecommendationsPrisma, cache: RedisCache, logger: Logger) {
  return async <R>(fn: (tx: EventTx) => Promise<R>): Promise<R> => {
    const keys = new Set<string>();
    const result = await prisma.$transaction((db) =>
      fn({
        db,
        $executeRawUnsafe: (query, ...values) => db.$executeRawUnsafe(query, ...values),
        invalidate: (changed) => {
          for (const key of changed) keys.add(key);
        },
      }),
    );
    // The change is committed either way; a missed delete is bounded by the cache TTL.
    await cache
      .delete(keys)
      .catch((error) => logger.warn({ err: error, keys: [...keys] }, "cache invalidation failed"));
    return result;
  };
}
