import { describe, expect, it } from "vitest";
import {
  IDENTITY_HEADER,
  IdentityError,
  SIGNATURE_HEADER,
  signIdentityHeaders,
  verifyIdentityHeaders,
} from "../src/index.js";

const secret = "0123456789abcdef-secret";
const identity = { userId: "user-1", sessionId: "s-1", scopes: ["catalog:write"] };

describe("signed identity headers", () => {
  it("round-trips an identity", () => {
    expect(verifyIdentityHeaders(signIdentityHeaders(identity, secret), secret)).toEqual(identity);
  });

  it("rejects a missing signature", () => {
    const headers = signIdentityHeaders(identity, secret);
    expect(() => verifyIdentityHeaders({ [IDENTITY_HEADER]: headers[IDENTITY_HEADER] }, secret)).toThrow(/missing/);
  });

  it("rejects a forged identity (payload changed, signature kept)", () => {
    const headers = signIdentityHeaders(identity, secret);
    const forged = Buffer.from(JSON.stringify({ ...identity, scopes: ["admin"], iat: Date.now() })).toString(
      "base64url",
    );
    expect(() => verifyIdentityHeaders({ ...headers, [IDENTITY_HEADER]: forged }, secret)).toThrow(IdentityError);
  });

  it("rejects a signature made with another secret", () => {
    expect(() => verifyIdentityHeaders(signIdentityHeaders(identity, "another-secret-xxxxxxxx"), secret)).toThrow(
      /invalid/,
    );
  });

  it("rejects an old signature (replay)", () => {
    const headers = signIdentityHeaders(identity, secret, Date.now() - 10 * 60_000);
    expect(headers[SIGNATURE_HEADER]).toBeTruthy();
    expect(() => verifyIdentityHeaders(headers, secret)).toThrow(/expired/);
  });
});
