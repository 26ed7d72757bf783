// Password reset: hashed single-use expiring tokens, delivered through the outbox.
import { identityEvents } from "@shopstream/kernel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/crypto/tokens.js";
import {
  type IdentityFixture,
  identityFromToken,
  startIdentityFixture,
  uniqueEmail,
  uniqueIp,
} from "./support/identity-fixture.js";
import { ME, REQUEST_RESET, RESET, SIGN_IN, SIGN_UP } from "./support/operations.js";

let fx: IdentityFixture;
beforeAll(async () => {
  fx = await startIdentityFixture();
});
afterAll(() => fx?.close());

async function requestToken(email: string, userId: string) {
  expect((await fx.graphql(REQUEST_RESET, { email })).data.requestPasswordReset.ok).toBe(true);
  const rows = await fx.prisma.outboxEvent.findMany({
    where: { key: userId, type: identityEvents.passwordResetRequested.type },
    orderBy: { id: "desc" },
    take: 1,
  });
  const envelope = identityEvents.passwordResetRequested.parse(rows[0]!.payload as never);
  return envelope.data.token;
}

describe("password reset", () => {
  it("resets once with the emailed token, signs out every session, and stores only the token's hash", async () => {
    const email = uniqueEmail("reset");
    const signUp = (await fx.graphql(SIGN_UP, { input: { email, name: "Reset Me", password: "old password 123" } }))
      .data.signUp;
    const identity = identityFromToken(signUp.session.accessToken);
    const token = await requestToken(email, identity.userId!);

    const stored = await fx.prisma.passwordResetToken.findMany({ where: { userId: identity.userId! } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(sha256Hex(token));
    expect(stored[0]!.tokenHash).not.toContain(token);
    // expiresAt is set before the insert's transaction, createdAt inside it: allow a slow pool a few seconds.
    const lifetime = stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime();
    expect(Math.abs(lifetime - 30 * 60_000)).toBeLessThan(5_000);

    const weak = (await fx.graphql(RESET, { token, pw: "short" })).data.resetPassword;
    expect(weak.userErrors[0].code).toBe("WEAK_PASSWORD");
    const ok = (await fx.graphql(RESET, { token, pw: "new password 456" })).data.resetPassword;
    expect(ok).toEqual({ ok: true, userErrors: [] });
    const again = (await fx.graphql(RESET, { token, pw: "another password 789" })).data.resetPassword;
    expect(again.userErrors[0].code).toBe("TOKEN_ALREADY_USED");

    expect((await fx.graphql(ME, {}, { identity })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const oldPw = (await fx.graphql(SIGN_IN, { input: { email, password: "old password 123" } })).data.signIn;
    expect(oldPw.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    const newPw = (await fx.graphql(SIGN_IN, { input: { email, password: "new password 456" } })).data.signIn;
    expect(newPw.userErrors).toEqual([]);
  });

  it("rejects an expired token and an unknown one", async () => {
    const email = uniqueEmail("expired");
    const signUp = (await fx.graphql(SIGN_UP, { input: { email, name: "Expired", password: "old password 123" } })).data
      .signUp;
    const userId = signUp.session.user.id;
    const token = await requestToken(email, userId);
    await fx.prisma.passwordResetToken.updateMany({
      where: { tokenHash: sha256Hex(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await fx.graphql(RESET, { token, pw: "new password 456" })).data.resetPassword.userErrors[0].code).toBe(
      "TOKEN_EXPIRED",
    );
    expect(
      (await fx.graphql(RESET, { token: "made-up-token", pw: "new password 456" })).data.resetPassword.userErrors[0]
        .code,
    ).toBe("INVALID_TOKEN");
  });

  it("rejects a malformed email with INVALID_EMAIL", async () => {
    expect((await fx.graphql(REQUEST_RESET, { email: "nope" })).data.requestPasswordReset.userErrors[0].code).toBe(
      "INVALID_EMAIL",
    );
  });

  it("limits reset requests per email, known or not, without sending a mail over the limit", async () => {
    const known = uniqueEmail("reset-limit");
    const userId = (
      await fx.graphql(SIGN_UP, { input: { email: known, name: "Limited", password: "old password 123" } })
    ).data.signUp.session.user.id;
    const unknown = uniqueEmail("reset-limit-unknown");
    const answers = async (email: string) => {
      const list = [];
      for (let i = 0; i <= fx.env.PASSWORD_RESET_MAX_PER_ACCOUNT; i++)
        list.push((await fx.graphql(REQUEST_RESET_WITH_WAIT, { email })).data.requestPasswordReset);
      return list;
    };
    const forKnown = await answers(known);
    expect(forKnown.slice(0, -1).every((a) => a.ok && a.userErrors.length === 0)).toBe(true);
    const over = forKnown.at(-1);
    expect(over.ok).toBe(false);
    expect(over.userErrors[0].code).toBe("TOO_MANY_ATTEMPTS");
    expect(over.retryAfterSeconds).toBeGreaterThan(0);
    expect(over.retryAfterSeconds).toBeLessThanOrEqual(fx.env.PASSWORD_RESET_WINDOW_SECONDS);
    const mails = await fx.prisma.outboxEvent.count({
      where: { key: userId, type: identityEvents.passwordResetRequested.type },
    });
    expect(mails).toBe(fx.env.PASSWORD_RESET_MAX_PER_ACCOUNT);
    // An unknown email is limited the same way, so the limit tells nobody which emails have accounts.
    const forUnknown = await answers(unknown);
    expect(forUnknown.map((a) => [a.ok, a.userErrors[0]?.code ?? null])).toEqual(
      forKnown.map((a) => [a.ok, a.userErrors[0]?.code ?? null]),
    );
  });

  it("limits reset requests per client IP across emails", async () => {
    const limited = await startIdentityFixture({ PASSWORD_RESET_MAX_PER_IP: "2" });
    try {
      const ip = uniqueIp();
      const ask = async (from: string) =>
        (await limited.graphql(REQUEST_RESET_WITH_WAIT, { email: uniqueEmail("spray") }, { ip: from })).data
          .requestPasswordReset;
      expect((await ask(ip)).ok).toBe(true);
      expect((await ask(ip)).ok).toBe(true);
      const third = await ask(ip);
      expect(third.userErrors[0].code).toBe("TOO_MANY_ATTEMPTS");
      expect(third.retryAfterSeconds).toBeGreaterThan(0);
      expect((await ask(uniqueIp())).ok).toBe(true); // another address is not affected
    } finally {
      await limited.close();
    }
  });
});

const REQUEST_RESET_WITH_WAIT = `mutation ($email: String!) {
  requestPasswordReset(email: $email) { ok retryAfterSeconds userErrors { code message } } }`;
