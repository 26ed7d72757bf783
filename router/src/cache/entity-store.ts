// Two-level store: L1 (this worker) then Redis (shared by every worker and router). Redis trouble
// never fails a request: a failed read is a miss, a failed write is dropped, both are counted and
// logged at most every 10 s.
//
// The in-flight race: a fetch that read old data before a change and stores after the delete
// would put stale data back for a whole TTL. Every worker runs the invalidation consumer, deletes
// in Redis itself and remembers when it last invalidated each ref; it refuses to store an entry
// whose fetch started before an invalidation of any ref in it. A stale store from another worker
// either lands before this worker's own delete (and is deleted) or after it (and is refused there).
import type { Logger } from "@shopstream/kernel";
import type { Redis } from "ioredis";
import { indexKey } from "./cache-keys.js";
import { cacheMetrics } from "./cache-metrics.js";
import type { L1Cache } from "./l1-cache.js";

// Deletes every key listed in each index SET, then the SETs; returns how many keys existed.
const invalidateScript = `
local removed = 0
for _, index in ipairs(KEYS) do
  local members = redis.call('SMEMBERS', index)
  for i = 1, #members, 500 do
    removed = removed + redis.call('DEL', unpack(members, i, math.min(i + 499, #members)))
  end
  redis.call('DEL', index)
end
return removed`;

export class EntityStore {
  private readonly invalidatedAt = new Map<string, number>();
  private lastErrorLog = 0;
  private suppressedErrors = 0;

  constructor(
    private readonly redis: Redis,
    private readonly l1: L1Cache,
    private readonly logger: Logger,
    /** How long an invalidation is remembered for the race check: the longest maxAge. */
    private readonly rememberMs = 300_000,
  ) {}

  /** Looks keys up in L1, then the rest in Redis with one MGET. `labels` are the metric types. */
  async getMany(
    keys: readonly string[],
    labels: readonly string[],
    startedAt: number,
  ): Promise<(string | undefined)[]> {
    const found: (string | undefined)[] = keys.map((key) => this.l1.get(key));
    const missing = keys.flatMap((_key, i) => (found[i] === undefined ? [i] : []));
    if (missing.length > 0) {
      try {
        const values = await this.redis.mget(...missing.map((i) => keys[i]!));
        missing.forEach((i, j) => {
          const stored = values[j];
          if (stored === null || stored === undefined) return;
          const { refs, value } = unpack(stored);
          found[i] = value;
          // Same race rule as set(): a read that began before an invalidation must not refill L1.
          if (!this.invalidatedSince(refs, startedAt)) this.l1.set(keys[i]!, value, Number.POSITIVE_INFINITY, refs);
        });
      } catch (error) {
        this.failed("read", error);
      }
    }
    keys.forEach((_, i) => {
      cacheMetrics.lookups.inc({ type: labels[i] });
      if (found[i] !== undefined) cacheMetrics.hits.inc({ type: labels[i] });
    });
    return found;
  }

  /** Stores an entry under its refs unless one of them was invalidated after the fetch began. */
  set(key: string, value: string, ttlSeconds: number, refs: string[], startedAt: number): void {
    if (this.invalidatedSince(refs, startedAt)) return;
    this.l1.set(key, value, ttlSeconds * 1000, refs);
    const pipeline = this.redis.pipeline().set(key, pack(refs, value), "EX", ttlSeconds);
    for (const ref of refs) {
      const index = indexKey(ref);
      // The index lives as long as its longest entry: NX gives a new SET a TTL, GT only extends it.
      pipeline.sadd(index, key).expire(index, ttlSeconds, "NX").expire(index, ttlSeconds, "GT");
    }
    pipeline.exec().then(
      (results) => {
        const failure = results?.find(([error]) => error)?.[0];
        if (failure) this.failed("write", failure);
      },
      (error) => this.failed("write", error),
    );
  }

  /** Deletes every entry holding one of these refs, in this worker's L1 and in Redis. */
  async invalidate(refs: readonly string[], source: string): Promise<number> {
    if (refs.length === 0) return 0;
    const now = Date.now();
    for (const ref of refs) this.invalidatedAt.set(ref, now);
    this.pruneInvalidations(now);
    cacheMetrics.invalidations.inc({ source }, refs.length);
    const local = this.l1.invalidate(refs);
    try {
      return Number(await this.redis.eval(invalidateScript, refs.length, ...refs.map(indexKey)));
    } catch (error) {
      this.failed("invalidate", error);
      return local;
    }
  }

  /** When this worker last invalidated a ref (tests wait on it instead of sleeping). */
  lastInvalidated(ref: string): number | undefined {
    return this.invalidatedAt.get(ref);
  }

  private invalidatedSince(refs: readonly string[], startedAt: number): boolean {
    for (const ref of refs) if ((this.invalidatedAt.get(ref) ?? 0) >= startedAt) return true;
    return false;
  }

  private pruneInvalidations(now: number): void {
    if (this.invalidatedAt.size < 10_000) return;
    for (const [ref, at] of this.invalidatedAt) if (now - at > this.rememberMs) this.invalidatedAt.delete(ref);
  }

  private failed(operation: string, error: unknown): void {
    cacheMetrics.errors.inc({ operation });
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) {
      this.suppressedErrors += 1;
      return;
    }
    this.logger.warn(
      { err: error, operation, suppressed: this.suppressedErrors },
      "router cache: Redis unavailable; serving uncached",
    );
    this.lastErrorLog = now;
    this.suppressedErrors = 0;
  }
}

// Redis values carry their refs, so an L1 entry filled from Redis is indexed like a fresh one.
const pack = (refs: readonly string[], value: string) => `${refs.join("\u0001")}\u0000${value}`;

function unpack(stored: string): { refs: string[]; value: string } {
  const split = stored.indexOf("\u0000");
  return { refs: split > 0 ? stored.slice(0, split).split("\u0001") : [], value: stored.slice(split + 1) };
}
