import { type JSONWebKeySet, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { generateSigningKey, importPrivateKey, signAccessToken, verifyAccessToken } from "../src/crypto/jwt.js";
import { decryptSecret, encryptSecret } from "../src/crypto/key-encryption.js";

const settings = { issuer: "https://issuer.test", audience: "api.test", ttlSeconds: 900 };
const claims = { sub: "user-1", sid: "session-1", scopes: ["profile"] };

async function keyAndJwks() {
  const generated = await generateSigningKey();
  const key = { kid: generated.kid, privateKey: await importPrivateKey(generated.privateJwk) };
  const jwks: JSONWebKeySet = { keys: [generated.publicJwk] };
  return { generated, key, jwks };
}

describe("access tokens", () => {
  it("signs ES256 with kid and typ at+jwt, and verifies the claims back", async () => {
    const { key, jwks, generated } = await keyAndJwks();
    expect(generated.publicJwk).toMatchObject({
      kty: "EC",
      crv: "P-256",
      alg: "ES256",
      use: "sig",
      kid: generated.kid,
    });
    expect(generated.publicJwk).not.toHaveProperty("d");
    const { token, expiresAt } = await signAccessToken(claims, key, settings);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(890_000);
    expect(await verifyAccessToken(token, jwks, settings)).toEqual(claims);
  });

  it("rejects other issuers, audiences, unknown kids, expired and tampered tokens", async () => {
    const { key, jwks } = await keyAndJwks();
    const other = await keyAndJwks();
    const { token } = await signAccessToken(claims, key, settings);
    await expect(verifyAccessToken(token, jwks, { ...settings, issuer: "https://evil.test" })).rejects.toThrow();
    await expect(verifyAccessToken(token, jwks, { ...settings, audience: "other" })).rejects.toThrow();
    await expect(verifyAccessToken(token, other.jwks, settings)).rejects.toThrow("JWKSNoMatchingKey");
    const [header, payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, scopes: ["identity:admin"] })).toString("base64url");
    await expect(verifyAccessToken(`${header}.${forged}.${signature}`, jwks, settings)).rejects.toThrow();
    expect(payload).toBeTruthy();
    const expired = await signAccessToken(claims, key, { ...settings, ttlSeconds: -60 });
    await expect(verifyAccessToken(expired.token, jwks, settings)).rejects.toThrow();
  });

  it("refuses tokens that are not at+jwt even when correctly signed", async () => {
    const { key, jwks } = await keyAndJwks();
    const idToken = await new SignJWT({ sid: "s", scopes: [] })
      .setProtectedHeader({ alg: "ES256", kid: key.kid })
      .setSubject("u")
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setExpirationTime("5m")
      .sign(key.privateKey);
    await expect(verifyAccessToken(idToken, jwks, settings)).rejects.toThrow();
  });
});

describe("signing-key encryption at rest", () => {
  it("round-trips and fails with the wrong secret", () => {
    const sealed = encryptSecret('{"d":"secret"}', "secret-number-one-123");
    expect(sealed).not.toContain("secret");
    expect(decryptSecret(sealed, "secret-number-one-123")).toBe('{"d":"secret"}');
    expect(() => decryptSecret(sealed, "secret-number-two-456")).toThrow();
  });
});
