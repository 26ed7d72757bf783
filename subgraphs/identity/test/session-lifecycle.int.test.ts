// The issue's "must show" path at the subgraph level, against real PostgreSQL and Redis.
import { identitySessionKey } from "@shopstream/kernel";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type IdentityFixture,
  identityFromToken,
  startIdentityFixture,
  uniqueEmail,
} from "./support/identity-fixture.js";
import { ME, REFRESH, SIGN_IN, SIGN_OUT, SIGN_OUT_EVERYWHERE, SIGN_UP } from "./support/operations.js";

let fx: IdentityFixture;
beforeAll(async () => {
  fx = await startIdentityFixture();
});
afterAll(() => fx?.close());

const password = "correct horse battery";

describe("session lifecycle", () => {
  it("sign up → sign in → me → refresh → reuse revokes the family → sign out rejects the session", async () => {
    const email = uniqueEmail("life");
    const signUp = await fx.graphql(SIGN_UP, { input: { email: email.toUpperCase(), name: "Life Cycle", password } });
    expect(signUp.data.signUp.userErrors).toEqual([]);
    expect(signUp.data.signUp.session.user.email).toBe(email);

    const signIn = (await fx.graphql(SIGN_IN, { input: { email, password } })).data.signIn;
    expect(signIn.userErrors).toEqual([]);
    const first = signIn.session;
    expect(first.tokenType).toBe("Bearer");
    expect(first.scopes).toEqual(["profile"]);

    // The access token verifies the way the router will verify it: remote JWKS, ES256, iss, aud, typ.
    const jwks = createRemoteJWKSet(new URL(`${fx.server.baseUrl}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(first.accessToken, jwks, {
      issuer: fx.env.JWT_ISSUER,
      audience: fx.env.JWT_AUDIENCE,
      algorithms: ["ES256"],
      typ: "at+jwt",
    });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.sub).toBe(signIn.session.user.id);
    expect(payload.exp! - payload.iat!).toBe(15 * 60);
    expect(payload.scopes).toEqual(["profile"]);
    const identity = identityFromToken(first.accessToken);
    expect(await fx.redis.exists(identitySessionKey(identity.sessionId!))).toBe(1);

    const me = await fx.graphql(ME, {}, { identity });
    expect(me.data.me).toMatchObject({ id: identity.userId, email, name: "Life Cycle", addresses: [] });

    const refreshed = (await fx.graphql(REFRESH, { t: first.refreshToken })).data.refreshSession;
    expect(refreshed.userErrors).toEqual([]);
    expect(refreshed.session.refreshToken).not.toBe(first.refreshToken);
    const second = identityFromToken(refreshed.session.accessToken);
    expect(second.sessionId).toBe(identity.sessionId);

    // Presenting the already-rotated token again: the whole family (session) is revoked.
    const reuse = (await fx.graphql(REFRESH, { t: first.refreshToken })).data.refreshSession;
    expect(reuse.session).toBeNull();
    expect(reuse.userErrors[0].code).toBe("REFRESH_TOKEN_REUSED");
    expect(await fx.redis.exists(identitySessionKey(identity.sessionId!))).toBe(0);
    const afterReuse = (await fx.graphql(REFRESH, { t: refreshed.session.refreshToken })).data.refreshSession;
    expect(afterReuse.userErrors[0].code).toBe("INVALID_REFRESH_TOKEN");
    const meAfterReuse = await fx.graphql(ME, {}, { identity: second });
    expect(meAfterReuse.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const row = await fx.prisma.session.findUnique({ where: { id: identity.sessionId! } });
    expect(row?.revokedReason).toBe("refresh_token_reuse");

    // A fresh session, then sign out: its still-unexpired access token is refused.
    const again = (await fx.graphql(SIGN_IN, { input: { email, password } })).data.signIn.session;
    const third = identityFromToken(again.accessToken);
    expect((await fx.graphql(ME, {}, { identity: third })).data.me.email).toBe(email);
    expect((await fx.graphql(SIGN_OUT, {}, { identity: third })).data.signOut).toEqual({ ok: true, userErrors: [] });
    expect((await fx.graphql(ME, {}, { identity: third })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const authorize = await fetch(`${fx.server.baseUrl}/oauth/authorize?client_id=x`, {
      headers: { authorization: `Bearer ${again.accessToken}` },
      redirect: "manual",
    });
    expect(authorize.status).toBe(401);
    expect((await fx.graphql(REFRESH, { t: again.refreshToken })).data.refreshSession.userErrors[0].code).toBe(
      "INVALID_REFRESH_TOKEN",
    );
    expect(decodeProtectedHeader(again.accessToken).alg).toBe("ES256");
  });

  it("signOutEverywhere ends every session of the user and no one else's", async () => {
    const email = uniqueEmail("everywhere");
    await fx.graphql(SIGN_UP, { input: { email, name: "Every Where", password } });
    const other = uniqueEmail("bystander");
    const bystander = (await fx.graphql(SIGN_UP, { input: { email: other, name: "By Stander", password } })).data.signUp
      .session;
    const a = identityFromToken(
      (await fx.graphql(SIGN_IN, { input: { email, password } })).data.signIn.session.accessToken,
    );
    const b = identityFromToken(
      (await fx.graphql(SIGN_IN, { input: { email, password } })).data.signIn.session.accessToken,
    );
    expect((await fx.graphql(SIGN_OUT_EVERYWHERE, {}, { identity: a })).data.signOutEverywhere.ok).toBe(true);
    for (const identity of [a, b])
      expect((await fx.graphql(ME, {}, { identity })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const stillIn = await fx.graphql(ME, {}, { identity: identityFromToken(bystander.accessToken) });
    expect(stillIn.data.me.email).toBe(other);
  });

  it("rejects bad sign-up input with typed userErrors and writes nothing", async () => {
    const bad = await fx.graphql(SIGN_UP, { input: { email: "not-an-email", name: "", password: "short" } });
    expect(bad.data.signUp.userErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      "INVALID_EMAIL",
      "INVALID_NAME",
      "WEAK_PASSWORD",
    ]);
    const email = uniqueEmail("dup");
    await fx.graphql(SIGN_UP, { input: { email, name: "Dup", password } });
    const dup = await fx.graphql(SIGN_UP, { input: { email, name: "Dup", password } });
    expect(dup.data.signUp.userErrors[0].code).toBe("EMAIL_TAKEN");
    expect(await fx.prisma.user.count({ where: { email } })).toBe(1);
  });

  it("anonymous callers get UNAUTHENTICATED from me", async () => {
    expect((await fx.graphql(ME)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
