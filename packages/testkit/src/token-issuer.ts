// Access tokens for tests that need many signed-in callers (thousands of sign-ups through identity
// would take minutes): an ES256 key of its own, its JWKS on loopback for the router, and live
// sessions in Redis the way identity keeps them (identity:session:<sid>, expiring).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { accessTokenDefaults, createRedis, identitySessionKey, localStackDefaults } from "@shopstream/kernel";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

export async function startTokenIssuer(redisUrl = process.env.REDIS_URL ?? localStackDefaults.redisUrl) {
  const { publicKey, privateKey } = await generateKeyPair(accessTokenDefaults.algorithm);
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid: "test-issuer", alg: accessTokenDefaults.algorithm }],
  });
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const redis = createRedis({ REDIS_URL: redisUrl }, { name: "test-token-issuer" });
  const sessions: string[] = [];

  return {
    /** For the router's auth settings. */
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${accessTokenDefaults.jwksPath}`,
    /** Marks a session live for ten minutes. */
    async openSession(sessionId: string) {
      await redis.set(identitySessionKey(sessionId), "1", "EX", 600);
      sessions.push(sessionId);
    },
    /** A token for `userId` in a session opened with openSession. */
    token: (userId: string, sessionId: string, scopes: string[] = []) =>
      new SignJWT({ sid: sessionId, scopes })
        .setProtectedHeader({ alg: accessTokenDefaults.algorithm, kid: "test-issuer", typ: accessTokenDefaults.type })
        .setSubject(userId)
        .setIssuer(accessTokenDefaults.issuer)
        .setAudience(accessTokenDefaults.audience)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(privateKey),
    async close() {
      if (sessions.length) await redis.del(...sessions.map(identitySessionKey));
      await redis.quit();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type TokenIssuer = Awaited<ReturnType<typeof startTokenIssuer>>;
