// ES256 signing keys shared by all replicas through PostgreSQL. Rotation inserts a new active key
// and retires the old one; retired public keys stay in the JWKS for the access-token lifetime plus
// a margin (covering replicas that still cache the old active key), then disappear.
import type { CryptoKey, JSONWebKeySet, JWK } from "jose";
import { generateSigningKey, importPrivateKey } from "../crypto/jwt.js";
import { decryptSecret, encryptSecret } from "../crypto/key-encryption.js";
import { createRepositories } from "../repositories/index.js";
import type { ServiceDeps } from "./service-deps.js";

const ACTIVE_KEY_CACHE_MS = 30_000;
const JWKS_CACHE_MS = 10_000;
const RETIRED_KEY_MARGIN_MS = 5 * 60_000;

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
}

export function createSigningKeyService({
  prisma,
  env,
  logger,
  repositories,
}: Pick<ServiceDeps, "prisma" | "env" | "logger" | "repositories">) {
  let active: { key: ActiveKey; loadedAt: number } | null = null;
  let jwksCache: { jwks: JSONWebKeySet; loadedAt: number } | null = null;

  async function insertKey(db = repositories) {
    const generated = await generateSigningKey();
    await db.signingKeys.create({
      kid: generated.kid,
      publicJwk: generated.publicJwk as object,
      privateKeyEncrypted: encryptSecret(JSON.stringify(generated.privateJwk), env.SIGNING_KEY_SECRET),
    });
    return generated.kid;
  }

  /** First start: create a key. Concurrent replicas race on the one-active unique index; losers reuse the winner's. */
  async function ensureActiveKey() {
    if (await repositories.signingKeys.findActive()) return;
    await insertKey().catch((error) => logger.debug({ err: error }, "another replica created the signing key"));
  }

  async function loadActive(): Promise<ActiveKey> {
    let row = await repositories.signingKeys.findActive();
    if (!row) {
      await ensureActiveKey();
      row = await repositories.signingKeys.findActive();
    }
    if (!row) throw new Error("no active signing key");
    const privateJwk = JSON.parse(decryptSecret(row.privateKeyEncrypted, env.SIGNING_KEY_SECRET)) as JWK;
    return { kid: row.kid, privateKey: await importPrivateKey(privateJwk) };
  }

  return {
    ensureActiveKey,

    async activeKey(): Promise<ActiveKey> {
      if (active && Date.now() - active.loadedAt < ACTIVE_KEY_CACHE_MS) return active.key;
      active = { key: await loadActive(), loadedAt: Date.now() };
      return active.key;
    },

    /** Public keys for /.well-known/jwks.json; `fresh` skips the cache (unknown kid). */
    async jwks(options: { fresh?: boolean } = {}): Promise<JSONWebKeySet> {
      if (!options.fresh && jwksCache && Date.now() - jwksCache.loadedAt < JWKS_CACHE_MS) return jwksCache.jwks;
      const horizon = new Date(Date.now() - env.ACCESS_TOKEN_TTL_SECONDS * 1000 - RETIRED_KEY_MARGIN_MS);
      const rows = await repositories.signingKeys.findPublishable(horizon);
      jwksCache = { jwks: { keys: rows.map((row) => row.publicJwk as JWK) }, loadedAt: Date.now() };
      return jwksCache.jwks;
    },

    /** Retires the active key and activates a new one; returns the new kid. */
    async rotate(): Promise<string> {
      const kid = await prisma.$transaction(async (tx) => {
        const db = createRepositories(tx);
        await db.signingKeys.retireActive();
        return insertKey(db);
      });
      active = null;
      jwksCache = null;
      logger.info({ kid }, "signing key rotated");
      return kid;
    },
  };
}

export type SigningKeyService = ReturnType<typeof createSigningKeyService>;
