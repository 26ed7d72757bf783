// Automatic persisted queries (APQ): hash → query text, in Redis (shared by all router
// instances) with a TTL, and in a bounded in-process map in front of it, which also carries
// on alone when Redis is missing or down.
import type { Redis } from "ioredis";
import { BoundedCache } from "../supergraph/bounded-cache.js";

const TIMEOUT_MS = 50;

export class ApqStore {
  private readonly local = new BoundedCache<string, string>(5_000);

  constructor(
    private readonly redis: Redis | undefined,
    private readonly ttlSeconds: number,
  ) {}

  async get(hash: string): Promise<string | undefined> {
    const hit = this.local.get(hash);
    if (hit !== undefined || !this.redis) return hit;
    const text = await withTimeout(this.redis.get(key(hash))).catch(() => null);
    if (text) this.local.set(hash, text);
    return text ?? undefined;
  }

  async set(hash: string, text: string): Promise<void> {
    this.local.set(hash, text);
    await withTimeout(this.redis?.set(key(hash), text, "EX", this.ttlSeconds)).catch(() => undefined);
  }
}

const key = (hash: string) => `router:apq:${hash}`;

function withTimeout<T>(promise: Promise<T> | undefined): Promise<T | undefined> {
  if (!promise) return Promise.resolve(undefined);
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}
