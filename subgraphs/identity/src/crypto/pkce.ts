// PKCE (RFC 7636), S256 only: `plain` would let anyone who sees the authorization request redeem
// the code, so it is refused.
import { createHash } from "node:crypto";
import { constantTimeEqual } from "./tokens.js";

/** 43..128 characters from the unreserved set (RFC 7636 §4.1). */
const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;
/** base64url(SHA-256) without padding is always 43 characters. */
const challengePattern = /^[A-Za-z0-9_-]{43}$/;

export const isValidCodeVerifier = (verifier: string) => verifierPattern.test(verifier);
export const isValidCodeChallenge = (challenge: string) => challengePattern.test(challenge);

export const s256Challenge = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

export function verifyPkce(verifier: string, challenge: string): boolean {
  if (!isValidCodeVerifier(verifier)) return false;
  return constantTimeEqual(s256Challenge(verifier), challenge);
}
