// ES256 access tokens (jose). Pure helpers: key material comes in, tokens or claims come out.

import { type AccessTokenClaims, accessTokenDefaults } from "@shopstream/kernel";
import {
  type CryptoKey,
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  jwtVerify,
  SignJWT,
} from "jose";

export interface GeneratedKey {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
}

/** A new P-256 key pair; kid = its RFC 7638 thumbprint, so it is stable and collision-free. */
export async function generateSigningKey(): Promise<GeneratedKey> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    publicJwk: { ...publicJwk, kid, alg: "ES256", use: "sig" },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256" },
  };
}

export const importPrivateKey = (jwk: JWK) => importJWK(jwk, "ES256") as Promise<CryptoKey>;

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export async function signAccessToken(
  claims: AccessTokenClaims,
  key: { kid: string; privateKey: CryptoKey },
  settings: TokenSettings,
): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + settings.ttlSeconds;
  const { sub, ...rest } = claims;
  const token = await new SignJWT({ ...rest })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: accessTokenDefaults.type })
    .setSubject(sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
  return { token, expiresAt: new Date(exp * 1000) };
}

export class InvalidAccessToken extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "InvalidAccessToken";
  }
}

/** The router's recipe too: ES256 only, typ at+jwt, exact issuer and audience, exp enforced. */
export async function verifyAccessToken(
  token: string,
  jwks: JSONWebKeySet,
  settings: Omit<TokenSettings, "ttlSeconds">,
): Promise<AccessTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ["ES256"],
      typ: accessTokenDefaults.type,
      clockTolerance: 5,
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || !Array.isArray(payload.scopes))
      throw new InvalidAccessToken("missing claims");
    return {
      sub: payload.sub,
      sid: payload.sid,
      scopes: payload.scopes.map(String),
      ...(typeof payload.client_id === "string" ? { client_id: payload.client_id } : {}),
    };
  } catch (error) {
    if (error instanceof InvalidAccessToken) throw error;
    throw new InvalidAccessToken((error as Error).name ?? "invalid token");
  }
}
