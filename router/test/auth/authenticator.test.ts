// The token checks with a local key set and an in-memory session store (no services).
import { accessTokenDefaults as d, type RedisExists } from "@shopstream/kernel";
import { type CryptoKey, createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "../../src/auth/authenticator.js";
import { RequestError } from "../../src/request/request-error.js";

let privateKey: CryptoKey;
let keySet: ReturnType<typeof createLocalJWKSet>;
beforeAll(async () => {
  const pair = await generateKeyPair("ES256");
  privateKey = pair.privateKey;
  keySet = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256" }] });
});

const live = new Set(["sid-live"]);
const sessions: RedisExists = { exists: async (key) => (live.has(key.replace("identity:session:", "")) ? 1 : 0) };

function token(overrides: { sid?: string; typ?: string; exp?: number; aud?: string } = {}) {
  return new SignJWT({ sid: overrides.sid ?? "sid-live", scopes: ["profile"] })
    .setProtectedHeader({ alg: "ES256", kid: "k1", typ: overrides.typ ?? d.type })
    .setSubject("user-1")
    .setIssuer(d.issuer)
    .setAudience(overrides.aud ?? d.audience)
    .setIssuedAt()
    .setExpirationTime(overrides.exp ?? Math.floor(Date.now() / 1000) + 60)
    .sign(privateKey);
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestError);
  return { status: (error as RequestError).status, code: (error as RequestError).code };
}

describe("createAuthenticator", () => {
  // Built per test: the key set exists only after beforeAll.
  const auth = {
    authenticate: (header: string | undefined) =>
      createAuthenticator({ jwksUrl: "http://unused", redis: sessions, keySet }).authenticate(header),
  };

  it("anonymous without a header; the token's identity with a valid one", async () => {
    expect(await auth.authenticate(undefined)).toEqual({ userId: null, sessionId: null, scopes: [] });
    expect(await auth.authenticate(`Bearer ${await token()}`)).toEqual({
      userId: "user-1",
      sessionId: "sid-live",
      scopes: ["profile"],
    });
  });

  it("401 UNAUTHENTICATED for revoked sessions, expired tokens, wrong typ/audience and other schemes", async () => {
    const unauthenticated = { status: 401, code: "UNAUTHENTICATED" };
    expect(await failure(auth.authenticate(`Bearer ${await token({ sid: "sid-gone" })}`))).toEqual(unauthenticated);
    const past = Math.floor(Date.now() / 1000) - 10;
    expect(await failure(auth.authenticate(`Bearer ${await token({ exp: past })}`))).toEqual(unauthenticated);
    expect(await failure(auth.authenticate(`Bearer ${await token({ typ: "JWT" })}`))).toEqual(unauthenticated);
    expect(await failure(auth.authenticate(`Bearer ${await token({ aud: "other" })}`))).toEqual(unauthenticated);
    expect(await failure(auth.authenticate(`Token ${await token()}`))).toEqual(unauthenticated);
  });

  it("503 AUTH_UNAVAILABLE when identity's key set cannot be fetched", async () => {
    const unreachable = createAuthenticator({ jwksUrl: "http://127.0.0.1:1/.well-known/jwks.json", redis: sessions });
    expect(await failure(unreachable.authenticate(`Bearer ${await token()}`))).toEqual({
      status: 503,
      code: "AUTH_UNAVAILABLE",
    });
  });

  it("fails closed with 503 AUTH_UNAVAILABLE when the session store errors or hangs", async () => {
    const broken = createAuthenticator({
      jwksUrl: "http://unused",
      keySet,
      redis: { exists: () => Promise.reject(new Error("ECONNREFUSED")) },
    });
    const hanging = createAuthenticator({
      jwksUrl: "http://unused",
      keySet,
      sessionCheckTimeoutMs: 50,
      redis: { exists: () => new Promise<number>(() => {}) },
    });
    const unavailable = { status: 503, code: "AUTH_UNAVAILABLE" };
    expect(await failure(broken.authenticate(`Bearer ${await token()}`))).toEqual(unavailable);
    expect(await failure(hanging.authenticate(`Bearer ${await token()}`))).toEqual(unavailable);
  });
});
