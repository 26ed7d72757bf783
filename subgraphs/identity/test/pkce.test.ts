import { describe, expect, it } from "vitest";
import { isValidCodeChallenge, isValidCodeVerifier, s256Challenge, verifyPkce } from "../src/crypto/pkce.js";

describe("PKCE S256", () => {
  it("matches the RFC 7636 appendix B example", () => {
    const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    expect(s256Challenge(verifier)).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    expect(verifyPkce(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).toBe(true);
  });

  it("rejects a wrong verifier, a plain challenge and malformed verifiers", () => {
    const verifier = "a".repeat(20) + "b".repeat(30);
    const challenge = s256Challenge(verifier);
    expect(verifyPkce(`${verifier}c`, challenge)).toBe(false);
    expect(verifyPkce(verifier, verifier)).toBe(false); // "plain" method
    expect(isValidCodeVerifier("short")).toBe(false);
    expect(isValidCodeVerifier("x".repeat(129))).toBe(false);
    expect(isValidCodeVerifier(`${"x".repeat(42)}+`)).toBe(false);
    expect(verifyPkce("short", s256Challenge("short"))).toBe(false);
    expect(isValidCodeChallenge(challenge)).toBe(true);
    expect(isValidCodeChallenge(`${challenge}=`)).toBe(false);
  });
});
