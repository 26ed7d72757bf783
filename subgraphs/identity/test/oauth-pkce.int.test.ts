// OAuth 2.0 authorization code + PKCE (S256) over the identity service's HTTP endpoints.
import { randomBytes } from "node:crypto";
import { uniqueName } from "@shopstream/kernel/testing";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s256Challenge } from "../src/crypto/pkce.js";
import { type IdentityFixture, startIdentityFixture, uniqueEmail } from "./support/identity-fixture.js";
import { SIGN_UP } from "./support/operations.js";

let fx: IdentityFixture;
let accessToken: string;
const clientId = uniqueName("test-client");
const redirectUri = "http://localhost:3000/callback";

beforeAll(async () => {
  fx = await startIdentityFixture();
  await fx.prisma.oAuthClient.create({
    data: { id: clientId, name: "Test web app", redirectUris: [redirectUri], scopes: ["profile"] },
  });
  const email = uniqueEmail("oauth");
  const signUp = await fx.graphql(SIGN_UP, { input: { email, name: "OAuth User", password: "correct horse battery" } });
  accessToken = signUp.data.signUp.session.accessToken;
});
afterAll(async () => {
  await fx?.prisma.oAuthClient.delete({ where: { id: clientId } }).catch(() => {});
  await fx?.close();
});

const newVerifier = () => randomBytes(48).toString("base64url");

async function authorize(params: Record<string, string>, token: string | null = accessToken) {
  const url = new URL(`${fx.server.baseUrl}/oauth/authorize`);
  const defaults = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    state: "st-123",
    code_challenge_method: "S256",
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params })) url.searchParams.set(key, value);
  return fetch(url, { redirect: "manual", headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function token(form: Record<string, string>) {
  const response = await fetch(`${fx.server.baseUrl}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: clientId, ...form }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function codeFor(verifier: string) {
  const response = await authorize({ code_challenge: s256Challenge(verifier) });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!);
  expect(location.origin + location.pathname).toBe(redirectUri);
  expect(location.searchParams.get("state")).toBe("st-123");
  return location.searchParams.get("code")!;
}

describe("OAuth authorization code + PKCE", () => {
  it("exchanges a code with the right verifier for tokens, once", async () => {
    const verifier = newVerifier();
    const code = await codeFor(verifier);
    const exchange = { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier };
    const first = await token(exchange);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: "Bearer", scope: "profile" });
    expect(Number(first.body.expires_in)).toBeGreaterThanOrEqual(895);
    expect(decodeJwt(first.body.access_token!)).toMatchObject({ client_id: clientId, scopes: ["profile"] });

    const replay = await token(exchange);
    expect(replay).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    const refreshed = await token({ grant_type: "refresh_token", refresh_token: first.body.refresh_token! });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    const reused = await token({ grant_type: "refresh_token", refresh_token: first.body.refresh_token! });
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("rejects a wrong code verifier, and the code is spent afterwards", async () => {
    const verifier = newVerifier();
    const code = await codeFor(verifier);
    const wrong = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: newVerifier(),
    });
    expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(wrong.body.error_description).toMatch(/code_verifier/);
    const right = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(right.status).toBe(400);
  });

  it("requires S256, state, an exact redirect URI, a known client and a signed-in user", async () => {
    const challenge = s256Challenge(newVerifier());
    const plain = await authorize({ code_challenge: challenge, code_challenge_method: "plain" });
    expect(new URL(plain.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");
    const noState = await authorize({ code_challenge: challenge, state: "" });
    expect(new URL(noState.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");
    for (const uri of [
      `${redirectUri}/`,
      `${redirectUri}?x=1`,
      "http://localhost:3000/callbackx",
      "http://evil.test/callback",
    ]) {
      const response = await authorize({ code_challenge: challenge, redirect_uri: uri });
      expect(response.status, uri).toBe(400);
      expect(response.headers.get("location")).toBeNull();
    }
    expect((await authorize({ code_challenge: challenge, client_id: "nope" })).status).toBe(400);
    expect((await authorize({ code_challenge: challenge }, null)).status).toBe(401);
    expect((await authorize({ code_challenge: challenge }, `${accessToken.slice(0, -4)}AAAA`)).status).toBe(401);
  });

  it("rejects a code presented with another redirect URI or by another client", async () => {
    const verifier = newVerifier();
    const code = await codeFor(verifier);
    const otherUri = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: "http://localhost:3000/other",
      code_verifier: verifier,
    });
    expect(otherUri.body.error).toBe("invalid_grant");
    const code2 = await codeFor(verifier);
    const response = await fetch(`${fx.server.baseUrl}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: "storefront-web",
        grant_type: "authorization_code",
        code: code2,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    });
    expect(response.status).toBe(400);
  });
});

describe("the hosted sign-in page (browser flow)", () => {
  const pageParams = (challenge: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: "http://localhost:4567/callback",
      state: "st-page",
      code_challenge: challenge,
      code_challenge_method: "S256",
      ...extra,
    });
  const submit = (form: URLSearchParams) =>
    fetch(`${fx.server.baseUrl}/oauth/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });

  it("shows a form to a browser without a token, with the request's parameters carried along", async () => {
    const params = pageParams(s256Challenge(newVerifier()), { prompt: "create" });
    const response = await fetch(`${fx.server.baseUrl}/oauth/authorize?${params}`, {
      headers: { accept: "text/html,application/xhtml+xml" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    const html = await response.text();
    expect(html).toContain("Create your account");
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('name="state" value="st-page"');
    const unknown = await fetch(`${fx.server.baseUrl}/oauth/authorize?${pageParams("x", { client_id: "nope" })}`, {
      headers: { accept: "text/html" },
    });
    expect(unknown.status).toBe(400);
  });

  it("creates the account from the form and redirects with a code for the verifier (any loopback port)", async () => {
    const verifier = newVerifier();
    const form = pageParams(s256Challenge(verifier));
    form.set("intent", "create");
    form.set("name", "Page User");
    form.set("email", uniqueEmail("page"));
    form.set("password", "correct horse battery staple");
    const response = await submit(form);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("http://localhost:4567/callback");
    expect(location.searchParams.get("state")).toBe("st-page");
    const exchanged = await token({
      grant_type: "authorization_code",
      code: location.searchParams.get("code")!,
      redirect_uri: "http://localhost:4567/callback",
      code_verifier: verifier,
    });
    expect(exchanged.status).toBe(200);
    expect(decodeJwt(exchanged.body.access_token!)).toMatchObject({ client_id: clientId });

    form.set("intent", "sign-in");
    form.set("password", "wrong password entirely");
    const wrong = await submit(form);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Email or password is incorrect.");
    form.set("password", "correct horse battery staple");
    expect((await submit(form)).status).toBe(302);
  });

  it("refuses a non-loopback host or another path, whatever the port", async () => {
    const challenge = s256Challenge(newVerifier());
    for (const uri of [
      "http://localhost:4567/other",
      "https://localhost:3000/callback",
      "http://evil.test:3000/callback",
    ]) {
      const page = await fetch(`${fx.server.baseUrl}/oauth/authorize?${pageParams(challenge, { redirect_uri: uri })}`, {
        headers: { accept: "text/html" },
      });
      expect(page.status, uri).toBe(400);
    }
  });
});
