// End to end through the router: identity's access tokens verified against its JWKS, revoked
// sessions refused, identity signed into HMAC headers for subgraphs, and @authenticated /
// @requiresScopes enforced by the router before anything reaches a subgraph.

import { createBrand, uniqueWord } from "@shopstream/catalog/testing/fixtures";
import { signAccessToken } from "@shopstream/identity/src/crypto/jwt";
import { uniqueEmail } from "@shopstream/identity/testing/identity-fixture";
import { REFRESH, SIGN_IN, SIGN_OUT, SIGN_UP } from "@shopstream/identity/testing/operations";
import { accessTokenDefaults, signIdentityHeaders } from "@shopstream/kernel";
import { decodeJwt, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthStack, startAuthStack } from "./support/auth-stack.js";

const ME = "query Me { me { id email name } }";
const PASSWORD = "correct horse battery staple 42";
let stack: AuthStack;

beforeAll(async () => {
  stack = await startAuthStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

async function signUp(): Promise<{ email: string; userId: string }> {
  const email = uniqueEmail("router");
  const result = await stack.viaRouter(SIGN_UP, { input: { email, name: "Router Test", password: PASSWORD } });
  expect(result.errors, JSON.stringify(result)).toBeUndefined();
  expect(result.data.signUp.userErrors).toEqual([]);
  return { email, userId: result.data.signUp.session.user.id };
}

async function signIn(email: string) {
  const result = await stack.viaRouter(SIGN_IN, { input: { email, password: PASSWORD } });
  expect(result.data?.signIn?.userErrors, JSON.stringify(result)).toEqual([]);
  return result.data.signIn.session as { accessToken: string; refreshToken: string; scopes: string[] };
}

const codes = (result: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  (result.errors ?? []).map((error) => error.extensions?.code);

describe("identity flow through the router", () => {
  it("sign up → sign in → me → refresh → reuse revokes the family → sign out rejects the session", async () => {
    const { email, userId } = await signUp();
    const first = await signIn(email);

    const me = await stack.viaRouter(ME, {}, { token: first.accessToken });
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toEqual({ id: userId, email, name: "Router Test" });
    // The subgraph got the verified identity in signed headers, and the client address last in x-forwarded-for.
    const seen = stack.proxies.identity.matching("query Me").at(-1)!;
    expect(seen.headers["x-shopstream-identity"]).toBeTruthy();
    const identity = JSON.parse(Buffer.from(String(seen.headers["x-shopstream-identity"]), "base64url").toString());
    expect(identity).toMatchObject({ userId, sessionId: decodeJwt(first.accessToken).sid, scopes: first.scopes });

    const refreshed = (await stack.viaRouter(REFRESH, { t: first.refreshToken })).data.refreshSession;
    expect(refreshed.userErrors).toEqual([]);
    const second = refreshed.session as { accessToken: string };
    expect((await stack.viaRouter(ME, {}, { token: second.accessToken })).data.me.id).toBe(userId);

    const reuse = (await stack.viaRouter(REFRESH, { t: first.refreshToken })).data.refreshSession;
    expect(reuse.userErrors[0].code).toBe("REFRESH_TOKEN_REUSED");
    // The whole family is revoked: even the newest access token (same session) is refused by the router.
    const before = stack.proxies.identity.requests.length;
    const afterReuse = await stack.viaRouter(ME, {}, { token: second.accessToken });
    expect(afterReuse.status).toBe(401);
    expect(codes(afterReuse)).toEqual(["UNAUTHENTICATED"]);
    expect(afterReuse.data).toBeUndefined();
    expect(stack.proxies.identity.requests.length).toBe(before); // nothing sent to a subgraph

    const third = await signIn(email);
    const signOut = await stack.viaRouter(SIGN_OUT, {}, { token: third.accessToken });
    expect(signOut.data.signOut).toEqual({ ok: true, userErrors: [] });
    const afterSignOut = await stack.viaRouter(ME, {}, { token: third.accessToken });
    expect(afterSignOut.status).toBe(401);
    expect(codes(afterSignOut)).toEqual(["UNAUTHENTICATED"]);
  });

  it("refuses forged, tampered, expired and malformed tokens with 401 UNAUTHENTICATED, sending nothing on", async () => {
    const { email } = await signUp();
    const session = await signIn(email);
    const claims = decodeJwt(session.accessToken) as { sub: string; sid: string; scopes: string[] };

    // Signed with a key identity never published (unknown kid → JWKS refetched → still unknown).
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT({ sid: claims.sid, scopes: ["catalog:write", "inventory:write"] })
      .setProtectedHeader({ alg: "ES256", kid: "forged-key", typ: accessTokenDefaults.type })
      .setSubject(claims.sub)
      .setIssuer(stack.identity.env.JWT_ISSUER)
      .setAudience(stack.identity.env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    // A real token whose payload was edited to add scopes (the signature no longer matches).
    const [header, , signature] = session.accessToken.split(".");
    const payload = Buffer.from(JSON.stringify({ ...decodeJwt(session.accessToken), scopes: ["identity:admin"] }));
    const tampered = `${header}.${payload.toString("base64url")}.${signature}`;
    // Signed by identity's real active key, live session, but already expired.
    const activeKey = await stack.identity.server.services.signingKeys.activeKey();
    const { token: expired } = await signAccessToken(claims, activeKey, {
      issuer: stack.identity.env.JWT_ISSUER,
      audience: stack.identity.env.JWT_AUDIENCE,
      ttlSeconds: -120,
    });
    const { token: wrongAudience } = await signAccessToken(claims, activeKey, {
      issuer: stack.identity.env.JWT_ISSUER,
      audience: "someone-else",
      ttlSeconds: 300,
    });

    const before = stack.proxies.identity.requests.length;
    for (const token of [forged, tampered, expired, wrongAudience, "not-a-jwt"]) {
      const result = await stack.viaRouter(ME, {}, { token });
      expect(result.status, token).toBe(401);
      expect(codes(result)).toEqual(["UNAUTHENTICATED"]);
    }
    const basic = await stack.viaRouter(ME, {}, { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(basic.status).toBe(401);
    expect(stack.proxies.identity.requests.length).toBe(before);
    // The untouched token still works, so the refusals above were about the tokens.
    expect((await stack.viaRouter(ME, {}, { token: session.accessToken })).data.me.email).toBe(email);
  });

  it("a subgraph called directly with a forged identity header answers 401", async () => {
    const query = JSON.stringify({ query: "{ me { id } }" });
    const forged = signIdentityHeaders(
      { userId: "someone", sessionId: null, scopes: ["identity:admin"] },
      "w".repeat(32),
    );
    for (const headers of [forged, { "x-shopstream-identity": forged["x-shopstream-identity"]! }]) {
      const response = await fetch(stack.identity.server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: query,
      });
      expect(response.status).toBe(401);
      expect(
        ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
      ).toBe("UNAUTHENTICATED");
    }
  });

  it("appends the client address to x-forwarded-for and ignores one sent by an untrusted client", async () => {
    const result = await stack.viaRouter(
      "query Xff { __typename products(first: 1) { totalCount } }",
      {},
      {
        headers: { "x-forwarded-for": "6.6.6.6" },
      },
    );
    expect(result.errors).toBeUndefined();
    const seen = stack.proxies.catalog.matching("totalCount").at(-1)!;
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("anonymous callers reach public fields; protected ones come back null with an error each", async () => {
    const products = await stack.viaRouter("{ products(first: 2) { totalCount edges { node { id name } } } }");
    expect(products.status).toBe(200);
    expect(products.errors).toBeUndefined();
    expect(typeof products.data.products.totalCount).toBe("number");

    const mixed = await stack.viaRouter("query Mixed { products(first: 1) { totalCount } me { id } }");
    expect(mixed.status).toBe(200);
    expect(typeof mixed.data.products.totalCount).toBe("number"); // others add products in parallel
    expect(mixed.data.me).toBeNull();
    expect(mixed.errors).toEqual([
      {
        message: "Unauthorized field or type: Query.me",
        path: ["me"],
        extensions: { code: "UNAUTHORIZED_FIELD_OR_TYPE" },
      },
    ]);
    expect(stack.proxies.identity.matching("query Mixed")).toEqual([]); // `me` never left the router

    const onlyProtected = await stack.viaRouter(ME);
    expect(onlyProtected.status).toBe(401);
    expect(codes(onlyProtected)).toEqual(["UNAUTHORIZED_FIELD_OR_TYPE"]);
  });

  it("denies an admin mutation without its scope before it reaches the subgraph, and runs it with the scope", async () => {
    const { email, userId } = await signUp();
    const receive = `mutation Receive($input: ReceiveStockInput!) {
      receiveStock(input: $input) { variant { id stock { onHand } } userErrors { code message } }
    }`;
    const variantId = stack.inventory.newVariant();
    const input = { variantId, warehouseId: "wh-ams", quantity: 7 };

    const shopper = await signIn(email);
    const denied = await stack.viaRouter(receive, { input }, { token: shopper.accessToken });
    expect(denied.status).toBe(403);
    expect(denied.errors).toEqual([
      {
        message: "Unauthorized field or type: Mutation.receiveStock",
        path: ["receiveStock"],
        extensions: { code: "UNAUTHORIZED_FIELD_OR_TYPE" },
      },
    ]);
    expect(stack.proxies.inventory.matching(variantId)).toEqual([]);
    expect(await stack.inventory.stockRows(variantId)).toEqual([]);

    // Grant the scopes (a staff account), sign in again: the new token carries them.
    await stack.identity.prisma.user.update({
      where: { id: userId },
      data: { scopes: ["profile", "inventory:read", "inventory:write"] },
    });
    const staff = await signIn(email);
    const allowed = await stack.viaRouter(receive, { input }, { token: staff.accessToken });
    expect(allowed.errors, JSON.stringify(allowed)).toBeUndefined();
    expect(allowed.data.receiveStock).toEqual({ variant: { id: variantId, stock: { onHand: 7 } }, userErrors: [] });
    expect(stack.proxies.inventory.matching(variantId)).toHaveLength(1);
    expect((await stack.inventory.stockRows(variantId))[0]).toMatchObject({ warehouseId: "wh-ams", onHand: 7 });
  });

  it("catalog createProduct without catalog:write is refused by the router and writes nothing", async () => {
    const { email } = await signUp();
    const shopper = await signIn(email);
    const brand = await createBrand(stack.catalog.prisma);
    const name = `Router ${uniqueWord()}`;
    const result = await stack.viaRouter(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code } } }`,
      {
        input: {
          name,
          description: "",
          brandId: brand.id,
          categoryIds: [],
          status: "ACTIVE",
          variants: [
            {
              sku: `${uniqueWord().toUpperCase()}-0`,
              size: "M",
              colour: "Red",
              price: { amount: 100, currency: "EUR" },
            },
          ],
        },
      },
      { token: shopper.accessToken },
    );
    // @requiresScopes on the mutation: the router removes it before planning (the catalog subgraph
    // would refuse it too, with FORBIDDEN: defence in depth).
    expect(codes(result)).toEqual(["UNAUTHORIZED_FIELD_OR_TYPE"]);
    expect(stack.proxies.catalog.matching(name)).toEqual([]);
    expect(await stack.catalog.prisma.product.count({ where: { name } })).toBe(0);
  });

  it("fails closed (503 AUTH_UNAVAILABLE) for token holders when the session store is unreachable", async () => {
    const { email } = await signUp();
    const session = await signIn(email);
    const offline = await stack.startRouter({ redisUrl: "redis://127.0.0.1:1", sessionCheckTimeoutMs: 300 });
    try {
      const withToken = await stack.viaRouter(ME, {}, { token: session.accessToken, target: offline });
      expect(withToken.status).toBe(503);
      expect(codes(withToken)).toEqual(["AUTH_UNAVAILABLE"]);
      const anonymous = await stack.viaRouter("{ products(first: 1) { totalCount } }", {}, { target: offline });
      expect(anonymous.status).toBe(200);
      expect(anonymous.errors).toBeUndefined();
    } finally {
      await offline.close();
    }
  });
});
