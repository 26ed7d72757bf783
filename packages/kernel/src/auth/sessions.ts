// Contract between identity (which issues access tokens) and the router / subgraphs (which check
// them). An access token is an ES256 JWT; its session is alive while the Redis key below exists.
// identity deletes the key on sign-out, refresh-token reuse and password reset, so a revoked
// session's still-unexpired access tokens can be refused.

export const accessTokenDefaults = {
  issuer: "https://identity.shopstream.local",
  audience: "shopstream-api",
  algorithm: "ES256",
  /** JWT header `typ` (RFC 9068 access-token profile). */
  type: "at+jwt",
  jwksPath: "/.well-known/jwks.json",
} as const;

/** Claims of an access token besides iss/aud/iat/exp/jti. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  scopes: string[];
  client_id?: string;
}

export const identitySessionKey = (sessionId: string) => `identity:session:${sessionId}`;

/** The part of an ioredis client this needs. */
export interface RedisExists {
  exists(...keys: string[]): Promise<number>;
}

export async function isSessionActive(redis: RedisExists, sessionId: string): Promise<boolean> {
  return (await redis.exists(identitySessionKey(sessionId))) === 1;
}
