// The caller's identity travels from the router to subgraphs in two headers: the identity
// (base64url JSON) and an HMAC-SHA256 signature over it with a secret only the router and the
// subgraphs know. Subgraphs never trust an identity whose signature is missing or wrong.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const IDENTITY_HEADER = "x-shopstream-identity";
export const SIGNATURE_HEADER = "x-shopstream-signature";
const MAX_AGE_MS = 5 * 60_000;

export interface Identity {
  userId: string | null;
  sessionId: string | null;
  scopes: string[];
}

export const anonymousIdentity: Identity = Object.freeze({ userId: null, sessionId: null, scopes: [] }) as Identity;

const signedIdentitySchema = z.object({
  userId: z.string().nullable(),
  sessionId: z.string().nullable(),
  scopes: z.array(z.string()),
  iat: z.number(),
});

export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IdentityError";
  }
}

const sign = (payload: string, secret: string) => createHmac("sha256", secret).update(payload).digest("base64url");

export function signIdentityHeaders(identity: Identity, secret: string, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ ...identity, iat: now })).toString("base64url");
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: sign(payload, secret) };
}

export function verifyIdentityHeaders(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  now = Date.now(),
): Identity {
  const payload = headers[IDENTITY_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof payload !== "string" || typeof signature !== "string")
    throw new IdentityError("identity signature missing");
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new IdentityError("identity signature invalid");
  const parsed = signedIdentitySchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  if (!parsed.success) throw new IdentityError("identity payload malformed");
  if (Math.abs(now - parsed.data.iat) > MAX_AGE_MS) throw new IdentityError("identity signature expired");
  const { iat: _iat, ...identity } = parsed.data;
  return identity;
}
