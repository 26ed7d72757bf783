// Sign-in throttling in Redis, per account (hash of the normalized email, known or not, so the
// throttle itself reveals nothing) and per client IP. After N failures in the window each further
// failure locks that key for base * 2^(failures - N) seconds, capped.
import { sha256Hex } from "../crypto/tokens.js";
import { redisKeys } from "../redis-keys.js";
import type { ServiceDeps } from "./service-deps.js";

type Scope = "account" | "ip";

export function createSignInThrottle({ redis, env }: ServiceDeps) {
  const limits: Record<Scope, number> = {
    account: env.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
    ip: env.SIGNIN_MAX_FAILURES_PER_IP,
  };
  const subjects = (email: string, ip: string | null) =>
    [["account", sha256Hex(email)] as const, ...(ip ? [["ip", ip] as const] : [])] satisfies Array<
      readonly [Scope, string]
    >;

  return {
    /** Seconds until the caller may try again, or 0. */
    async retryAfterSeconds(email: string, ip: string | null): Promise<number> {
      const ttls = await Promise.all(
        subjects(email, ip).map(([scope, id]) => redis.pttl(redisKeys.signInLock(scope, id))),
      );
      return Math.ceil(Math.max(0, ...ttls) / 1000);
    },

    async recordFailure(email: string, ip: string | null): Promise<void> {
      for (const [scope, id] of subjects(email, ip)) {
        const key = redisKeys.signInFailures(scope, id);
        const [[, failures]] = (await redis
          .multi()
          .incr(key)
          .expire(key, env.SIGNIN_FAILURE_WINDOW_SECONDS)
          .exec()) as [[unknown, number]];
        const excess = failures - limits[scope];
        if (excess < 0) continue;
        const backoff = Math.min(env.SIGNIN_BACKOFF_BASE_SECONDS * 2 ** excess, env.SIGNIN_BACKOFF_MAX_SECONDS);
        await redis.set(redisKeys.signInLock(scope, id), "1", "EX", backoff);
      }
    },

    /** A successful sign-in clears the account's record (not the IP's: one good password proves little). */
    async recordSuccess(email: string): Promise<void> {
      const id = sha256Hex(email);
      await redis.del(redisKeys.signInFailures("account", id), redisKeys.signInLock("account", id));
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
