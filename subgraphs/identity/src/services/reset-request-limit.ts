// How often password resets may be requested: per account (hash of the normalized email, known or
// not, so the limit reveals nothing) and per client IP, in a fixed window. Stops mail-bombing an
// inbox and spraying the mailer from one address.
import { sha256Hex } from "../crypto/tokens.js";
import { redisKeys } from "../redis-keys.js";
import type { ServiceDeps } from "./service-deps.js";

export function createResetRequestLimit({ redis, env }: ServiceDeps) {
  const windowSeconds = env.PASSWORD_RESET_WINDOW_SECONDS;

  /** Counts this request in the window; returns 0 if it may go on, else seconds until it may. */
  async function take(scope: "account" | "ip", id: string, limit: number): Promise<number> {
    const key = redisKeys.resetRequests(scope, id);
    const [[, count], , [, ttlMs]] = (await redis
      .multi()
      .incr(key)
      .expire(key, windowSeconds, "NX")
      .pttl(key)
      .exec()) as [[unknown, number], unknown, [unknown, number]];
    return count <= limit ? 0 : Math.max(1, Math.ceil(ttlMs / 1000));
  }

  return {
    async retryAfterSeconds(email: string, ip: string | null): Promise<number> {
      const waits = await Promise.all([
        take("account", sha256Hex(email), env.PASSWORD_RESET_MAX_PER_ACCOUNT),
        ip ? take("ip", ip, env.PASSWORD_RESET_MAX_PER_IP) : 0,
      ]);
      return Math.max(...waits);
    },
  };
}

export type ResetRequestLimit = ReturnType<typeof createResetRequestLimit>;
