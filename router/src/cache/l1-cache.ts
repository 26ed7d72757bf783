// In-process L1 in front of Redis: a short TTL (default 1 s) absorbs hot keys without a network
// round trip. Values are JSON strings (parsed per hit) because the gateway merges fetched objects
// into its result tree in place; a shared object would be polluted. An index ref → keys lets the
// invalidation consumer drop exactly the affected entries in this worker.
export class L1Cache {
  private readonly entries = new Map<string, { value: string; expiresAt: number; refs: string[] }>();
  private readonly byRef = new Map<string, Set<string>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, now = Date.now()): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.value;
    this.remove(key);
    return undefined;
  }

  set(key: string, value: string, ttlMs: number, refs: string[], now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    this.remove(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.remove(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + Math.min(this.ttlMs, ttlMs), refs });
    for (const ref of refs) {
      let keys = this.byRef.get(ref);
      if (!keys) {
        keys = new Set();
        this.byRef.set(ref, keys);
      }
      keys.add(key);
    }
  }

  /** Drops every entry indexed under these refs; returns how many. */
  invalidate(refs: Iterable<string>): number {
    let removed = 0;
    for (const ref of refs) for (const key of [...(this.byRef.get(ref) ?? [])]) removed += this.remove(key) ? 1 : 0;
    return removed;
  }

  clear(): void {
    this.entries.clear();
    this.byRef.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    for (const ref of entry.refs) {
      const keys = this.byRef.get(ref);
      keys?.delete(key);
      if (keys?.size === 0) this.byRef.delete(ref);
    }
    return true;
  }
}
