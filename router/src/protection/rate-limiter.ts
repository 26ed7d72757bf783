// Per-caller rate limits in Redis (token bucket, see token-bucket-script.ts): keyed by user id when
// signed in, else by client IP; mutations spend a separate, smaller budget. Over the limit → 429
// RATE_LIMITED with Retry-After. Redis down or slow → the request goes through (fail open),
// counted in router_rate_limit_unavailable_total and logged at most once a minute.
import type { Logger } from "@shopstream/kernel";
import { Redis } from "ioredis";
import type { RateLimitSettings } from "./protection-config.js";
import { RejectionWithHeaders, rateLimitUnavailableTotal } from "./rejections.js";
import { tokenBucketScript } from "./token-bucket-script.js";

export interface RateLimitCaller {
  userId: string | null;
  clientIp: string;
  mutation: boolean;
}

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
  remaining: number;
}

type BucketRedis = Redis & {
  takeToken(key: string, capacity: number, windowMs: number, now: number): Promise<[number, number, number]>;
};

const LOG_EVERY_MS = 60_000;

export class RateLimiter {
  /** Also used by the APQ store (same fail-fast connection). */
  readonly redis: BucketRedis;
  private lastLoggedAt = 0;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly logger: Logger,
  ) {
    this.redis = new Redis(settings.redisUrl, {
      connectionName: "router-rate-limit",
      // A limiter that waits for Redis is worse than none: fail commands at once while disconnected.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    }) as BucketRedis;
    this.redis.defineCommand("takeToken", { numberOfKeys: 1, lua: tokenBucketScript });
    this.redis.on("error", (error) => this.unavailable(error));
  }

  /** Throws a 429 when the caller is over its budget; returns quietly otherwise (or when Redis is down). */
  async enforce(caller: RateLimitCaller): Promise<void> {
    const decision = await this.check(caller);
    if (decision && !decision.allowed)
      throw new RejectionWithHeaders(
        429,
        "RATE_LIMITED",
        `Too many ${caller.mutation ? "mutations" : "requests"}; retry in ${decision.retryAfterSeconds} s`,
        { "retry-after": String(decision.retryAfterSeconds) },
      );
  }

  /** The decision, or undefined when Redis could not give one in time. */
  async check(caller: RateLimitCaller): Promise<RateLimitDecision | undefined> {
    const { mutation } = caller;
    const capacity = mutation ? this.settings.mutations : this.settings.queries;
    const windowMs = this.settings.windowSeconds * 1000;
    const who = caller.userId ? `user:${caller.userId}` : `ip:${caller.clientIp}`;
    const key = `router:ratelimit:${mutation ? "mutation" : "query"}:${who}`;
    let timer: NodeJS.Timeout | undefined;
    try {
      const [allowed, retryMs, remaining] = await Promise.race([
        this.redis.takeToken(key, capacity, windowMs, Date.now()),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("rate limit check timed out")), this.settings.redisTimeoutMs);
        }),
      ]);
      return { allowed: allowed === 1, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)), remaining };
    } catch (error) {
      rateLimitUnavailableTotal.inc();
      this.unavailable(error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits (bounded) for the first connection, so the first requests are limited too. */
  async connected(timeoutMs = 2_000): Promise<boolean> {
    if (this.redis.status === "ready") return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.redis.off("ready", onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.redis.once("ready", onReady);
    });
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private unavailable(error: unknown): void {
    const now = Date.now();
    if (now - this.lastLoggedAt < LOG_EVERY_MS) return;
    this.lastLoggedAt = now;
    this.logger.warn({ err: error }, "rate limiter: Redis unavailable, letting requests through (fail open)");
  }
}
