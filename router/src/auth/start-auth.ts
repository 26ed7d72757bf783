// Wires authentication for startRouter: identity's JWKS, the Redis holding live sessions, and
// the token verifier. Defaults match identity's (router/README.md "Authentication and authorization").
import { accessTokenDefaults, createRedis, type Logger, localStackDefaults } from "@shopstream/kernel";
import { z } from "zod";
import { type Authenticator, createAuthenticator } from "./authenticator.js";

export const authSettingsSchema = z.object({
  /** identity's JWKS (IDENTITY_JWKS_URL). */
  jwksUrl: z.string().url().default(`http://127.0.0.1:4001${accessTokenDefaults.jwksPath}`),
  issuer: z.string().min(1).default(accessTokenDefaults.issuer),
  audience: z.string().min(1).default(accessTokenDefaults.audience),
  /** Redis with identity's `identity:session:<sid>` keys (REDIS_URL). */
  redisUrl: z.string().url().default(localStackDefaults.redisUrl),
  sessionCheckTimeoutMs: z.number().int().min(1).optional(),
});

export type AuthSettings = z.output<typeof authSettingsSchema>;

export function startAuth(settings: AuthSettings, logger: Logger): { authenticator: Authenticator; close(): void } {
  const redis = createRedis({ REDIS_URL: settings.redisUrl }, { name: "router", logger });
  const authenticator = createAuthenticator({ ...settings, redis });
  return { authenticator, close: () => void redis.quit().catch(() => redis.disconnect()) };
}
