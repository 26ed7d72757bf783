// A subscription outlives its request: its token's expiry ends it, and so does a session found
// revoked at a re-check; a re-check that cannot run (503) keeps it.
import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RequestError } from "../../src/request/request-error.js";
import { watchCredentials } from "../../src/subscriptions/credential-watch.js";

const secret = new TextEncoder().encode("x".repeat(32));
const bearer = async (expiresInS: number) =>
  `Bearer ${await new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInS)
    .sign(secret)}`;

afterEach(() => {
  vi.useRealTimers();
});

describe("watchCredentials", () => {
  it("ends the subscription when the token expires", async () => {
    const authorization = await bearer(2);
    vi.useFakeTimers();
    const lost: string[] = [];
    const watch = watchCredentials({
      authorization,
      authenticator: { authenticate: async () => ({ userId: "u", sessionId: "s", scopes: [] }) },
      recheckMs: 60_000,
      onLost: (error) => lost.push(`${error.extensions.code}: ${error.message}`),
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lost).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(lost).toEqual(["UNAUTHENTICATED: The access token expired; subscribe again with a fresh one"]);
    watch.stop();
  });

  it("ends it on a revoked session, keeps it while the check is unavailable", async () => {
    const authorization = await bearer(3_600);
    vi.useFakeTimers();
    let answer: RequestError | undefined = new RequestError(503, "AUTH_UNAVAILABLE", "Cannot check the session");
    const lost: string[] = [];
    const watch = watchCredentials({
      authorization,
      authenticator: {
        authenticate: async () => {
          if (answer) throw answer;
          return { userId: "u", sessionId: "s", scopes: [] };
        },
      },
      recheckMs: 100,
      onLost: (error) => lost.push(String(error.extensions.code)),
    });
    await vi.advanceTimersByTimeAsync(350);
    expect(lost).toEqual([]);
    answer = new RequestError(401, "UNAUTHENTICATED", "Invalid or expired access token (session revoked)");
    await vi.advanceTimersByTimeAsync(100);
    expect(lost).toEqual(["UNAUTHENTICATED"]);
    watch.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(lost).toHaveLength(1);
  });

  it("watches nothing for an anonymous subscriber", () => {
    const watch = watchCredentials({
      authorization: undefined,
      authenticator: { authenticate: async () => Promise.reject(new Error("never asked")) },
      recheckMs: 1,
      onLost: () => {
        throw new Error("never lost");
      },
    });
    watch.stop();
  });
});
