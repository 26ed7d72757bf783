// Wires authentication for startRouter: identity's JWKS, the Redis holding live sessions, and
// the token verifier. Defaults match identity's (router/README.md "Authentication and authorization").
import { accessTokenDefaults, createRedis, type Logger } from "@shopstream/kernel";
import { type Authenticator, createAuthenticator } from "./authenticator.js";

export interface AuthOptions {
  /** identity's JWKS; default http://127.0.0.1:4001/.well-known/jwks.json (IDENTITY_JWKS_URL). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Redis with identity's `identity:session:<sid>` keys (REDIS_URL). */
  redisUrl?: string;
  sessionCheckTimeoutMs?: number;
}

export const defaultJwksUrl = `http://127.0.0.1:4001${accessTokenDefaults.jwksPath}`;

export function startAuth(options: AuthOptions = {}, logger: Logger): { authenticator: Authenticator; close(): void } {
  const redis = createRedis({ REDIS_URL: options.redisUrl ?? "redis://127.0.0.1:6379" }, { name: "router", logger });
  const authenticator = createAuthenticator({
    jwksUrl: options.jwksUrl ?? defaultJwksUrl,
    issuer: options.issuer,
    audience: options.audience,
    redis,
    sessionCheckTimeoutMs: options.sessionCheckTimeoutMs,
  });
  return { authenticator, close: () => void redis.quit().catch(() => redis.disconnect()) };
}
