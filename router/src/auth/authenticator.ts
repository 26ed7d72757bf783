// Turns an `Authorization` header into the caller's identity: ES256 access token verified against
// identity's JWKS (jose caches the set and refetches it when a token names an unknown kid), then
// the token's session must still be live in Redis (revocation). Anonymous without a header.
// Redis down → fail CLOSED for bearer requests (503 AUTH_UNAVAILABLE): a revoked token must never
// pass because the check could not run; anonymous requests never touch Redis.
import {
  accessTokenDefaults,
  anonymousIdentity,
  type Identity,
  isSessionActive,
  type RedisExists,
} from "@shopstream/kernel";
import { createRemoteJWKSet, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from "jose";
import { RequestError } from "../request/request-error.js";
import { recordAuthRejection } from "./auth-metrics.js";

export interface AuthenticatorOptions {
  jwksUrl: string;
  issuer?: string;
  audience?: string;
  redis: RedisExists;
  /** Longest wait for the Redis session check before failing closed. */
  sessionCheckTimeoutMs?: number;
  /** Injected key set (tests); defaults to the remote JWKS. */
  keySet?: JWTVerifyGetKey;
}

export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<Identity>;
}

const unauthenticated = (reason: string) => {
  recordAuthRejection(reason);
  return new RequestError(401, "UNAUTHENTICATED", `Invalid or expired access token (${reason})`);
};

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const keySet =
    options.keySet ?? createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: 300_000, cooldownDuration: 30_000 });
  const verifyOptions = {
    issuer: options.issuer ?? accessTokenDefaults.issuer,
    audience: options.audience ?? accessTokenDefaults.audience,
    algorithms: [accessTokenDefaults.algorithm],
    typ: accessTokenDefaults.type,
  };
  const timeoutMs = options.sessionCheckTimeoutMs ?? 1_000;

  async function sessionActive(sessionId: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        isSessionActive(options.redis, sessionId),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("session check timed out")), timeoutMs);
        }),
      ]);
    } catch {
      recordAuthRejection("session_check_unavailable");
      throw new RequestError(503, "AUTH_UNAVAILABLE", "Cannot check the session right now; retry shortly");
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization === "") return anonymousIdentity;
      const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization);
      if (!match) throw unauthenticated("malformed authorization header");
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(match[1]!, keySet, verifyOptions));
      } catch (error) {
        if (keySetUnreachable(error)) {
          recordAuthRejection("key_set_unavailable");
          throw new RequestError(503, "AUTH_UNAVAILABLE", "Cannot verify access tokens right now; retry shortly");
        }
        throw unauthenticated(reasonOf(error));
      }
      const { sub, sid, scopes } = payload;
      if (typeof sub !== "string" || typeof sid !== "string" || !isStringArray(scopes))
        throw unauthenticated("missing claims");
      if (!(await sessionActive(sid))) throw unauthenticated("session revoked");
      return { userId: sub, sessionId: sid, scopes };
    },
  };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "expired";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "unknown key";
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "bad signature";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `bad ${error.claim}`;
  return "invalid token";
}

/** identity's JWKS could not be fetched (timeout, connection refused): not the caller's fault. */
const keySetUnreachable = (error: unknown) =>
  error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError);
