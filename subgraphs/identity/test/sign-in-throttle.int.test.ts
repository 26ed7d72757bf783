// Throttling and no user enumeration, against real Redis and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/crypto/tokens.js";
import { redisKeys } from "../src/redis-keys.js";
import { type IdentityFixture, startIdentityFixture, uniqueEmail, uniqueIp } from "./support/identity-fixture.js";
import { SIGN_IN, SIGN_UP } from "./support/operations.js";

let fx: IdentityFixture;
beforeAll(async () => {
  fx = await startIdentityFixture();
});
afterAll(() => fx?.close());

const password = "correct horse battery";

describe("sign-in throttling", () => {
  it("throttles the 11th rapid failed sign-in of an account with TOO_MANY_ATTEMPTS and a retry-after, even with the right password", async () => {
    const email = uniqueEmail("throttle");
    await fx.graphql(SIGN_UP, { input: { email, name: "Throttled", password } });
    for (let attempt = 1; attempt <= 10; attempt++) {
      const result = (await fx.graphql(SIGN_IN, { input: { email, password: `wrong-${attempt}-xxxxx` } })).data.signIn;
      expect(result.userErrors[0].code, `attempt ${attempt}`).toBe("INVALID_CREDENTIALS");
    }
    const eleventh = (await fx.graphql(SIGN_IN, { input: { email, password } })).data.signIn;
    expect(eleventh.session).toBeNull();
    expect(eleventh.userErrors[0].code).toBe("TOO_MANY_ATTEMPTS");
    expect(eleventh.retryAfterSeconds).toBeGreaterThan(0);
    expect(eleventh.retryAfterSeconds).toBeLessThanOrEqual(fx.env.SIGNIN_BACKOFF_BASE_SECONDS);
  });

  it("backs off longer after each further failure once the lock lapses", async () => {
    const email = uniqueEmail("backoff");
    for (let attempt = 1; attempt <= 10; attempt++)
      await fx.graphql(SIGN_IN, { input: { email, password: "nope-nope-nope" } });
    // Let the first lock lapse without waiting: the failure count stays, so the next failure doubles it.
    await fx.redis.del(redisKeys.signInLock("account", sha256Hex(email)));
    await fx.graphql(SIGN_IN, { input: { email, password: "nope-nope-nope" } });
    const next = (await fx.graphql(SIGN_IN, { input: { email, password: "nope-nope-nope" } })).data.signIn;
    expect(next.userErrors[0].code).toBe("TOO_MANY_ATTEMPTS");
    expect(next.retryAfterSeconds).toBeGreaterThan(fx.env.SIGNIN_BACKOFF_BASE_SECONDS);
  });

  it("throttles a client IP that fails across many accounts", async () => {
    const ip = uniqueIp();
    const limited = await startIdentityFixture({
      SIGNIN_MAX_FAILURES_PER_IP: "3",
    });
    try {
      for (let i = 0; i < 3; i++)
        await limited.graphql(
          SIGN_IN,
          { input: { email: uniqueEmail("spray"), password: "wrong-password-1" } },
          { ip },
        );
      const next = await limited.graphql(
        SIGN_IN,
        { input: { email: uniqueEmail("spray"), password: "x-password-1" } },
        { ip },
      );
      expect(next.data.signIn.userErrors[0].code).toBe("TOO_MANY_ATTEMPTS");
      const elsewhere = await limited.graphql(
        SIGN_IN,
        { input: { email: uniqueEmail("spray"), password: "x-password-1" } },
        { ip: uniqueIp() },
      );
      expect(elsewhere.data.signIn.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    } finally {
      await limited.close();
    }
  });
});

describe("no user enumeration", () => {
  it("answers a wrong password for a known email exactly like an unknown email", async () => {
    const known = uniqueEmail("known");
    await fx.graphql(SIGN_UP, { input: { email: known, name: "Known", password } });
    const forKnown = await fx.graphql(SIGN_IN, { input: { email: known, password: "wrong-password-123" } });
    const forUnknown = await fx.graphql(SIGN_IN, {
      input: { email: uniqueEmail("unknown"), password: "wrong-password-123" },
    });
    expect(forKnown).toEqual(forUnknown);
    expect(forKnown.data.signIn.userErrors).toEqual([
      { code: "INVALID_CREDENTIALS", message: "Email or password is incorrect.", field: null },
    ]);
  });

  it("answers requestPasswordReset identically for known and unknown emails", async () => {
    const known = uniqueEmail("reset-known");
    await fx.graphql(SIGN_UP, { input: { email: known, name: "Reset", password } });
    const query = `mutation ($e: String!) { requestPasswordReset(email: $e) { ok userErrors { code } } }`;
    const a = await fx.graphql(query, { e: known });
    const b = await fx.graphql(query, { e: uniqueEmail("reset-unknown") });
    expect(a).toEqual(b);
    expect(a.data.requestPasswordReset).toEqual({ ok: true, userErrors: [] });
  });
});
