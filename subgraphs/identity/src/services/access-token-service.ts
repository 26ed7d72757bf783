// Issues access tokens with the shared active key and verifies them against our own JWKS (for
// the raw HTTP OAuth endpoints; GraphQL callers are verified by the router).
import { type AccessTokenClaims, isSessionActive } from "@shopstream/kernel";
import { InvalidAccessToken, signAccessToken, verifyAccessToken } from "../crypto/jwt.js";
import type { ServiceDeps } from "./service-deps.js";
import type { SigningKeyService } from "./signing-key-service.js";

export function createAccessTokenService({ env, redis }: ServiceDeps, keys: SigningKeyService) {
  const settings = { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, ttlSeconds: env.ACCESS_TOKEN_TTL_SECONDS };

  async function verifySignature(token: string): Promise<AccessTokenClaims> {
    try {
      return await verifyAccessToken(token, await keys.jwks(), settings);
    } catch (error) {
      // A key rotated in by another replica: refetch once, exactly like the router does.
      if (!(error instanceof InvalidAccessToken) || error.message !== "JWKSNoMatchingKey") throw error;
      return verifyAccessToken(token, await keys.jwks({ fresh: true }), settings);
    }
  }

  return {
    async issue(claims: AccessTokenClaims) {
      return signAccessToken(claims, await keys.activeKey(), settings);
    },

    /** Signature, issuer, audience, expiry AND a still-live session; throws InvalidAccessToken. */
    async verify(token: string): Promise<AccessTokenClaims> {
      const claims = await verifySignature(token);
      if (!(await isSessionActive(redis, claims.sid))) throw new InvalidAccessToken("session revoked");
      return claims;
    },
  };
}

export type AccessTokenService = ReturnType<typeof createAccessTokenService>;
