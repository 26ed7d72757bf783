// /oauth/authorize (authorization code + PKCE for registered first-party clients):
// - GET with `Authorization: Bearer <access token>` (verified against our own JWKS and the live
//   session): the signed-in user approves the client; 302 to its redirect URI with `code`, `state`.
// - GET from a browser without a token: our sign-in / create-account page (`prompt=create`).
// - POST of that page's form: checks the credentials (or creates the account), then the same 302.
// Errors about the client or redirect URI are answered here (400), never redirected to an
// unverified URI.
import type http from "node:http";
import { type HttpRoute, readBody } from "@shopstream/kernel";
import { InvalidAccessToken } from "../crypto/jwt.js";
import type { Services } from "../services/index.js";
import type { AuthorizeRequest } from "../services/oauth-service.js";
import { bearerToken } from "./bearer.js";
import { clientIpFrom } from "./client-ip.js";
import { sendOAuthJson } from "./respond.js";
import { renderSignInPage, type SignInMode } from "./sign-in-page.js";

const oauthParams = [
  "response_type",
  "client_id",
  "redirect_uri",
  "state",
  "code_challenge",
  "code_challenge_method",
  "scope",
  "prompt",
];

const pick = (source: URLSearchParams) =>
  Object.fromEntries(oauthParams.flatMap((name) => (source.has(name) ? [[name, source.get(name) ?? ""]] : [])));

const toRequest = (params: Record<string, string>): AuthorizeRequest => ({
  responseType: params.response_type ?? null,
  clientId: params.client_id ?? null,
  redirectUri: params.redirect_uri ?? null,
  state: params.state ?? null,
  codeChallenge: params.code_challenge ?? null,
  codeChallengeMethod: params.code_challenge_method ?? null,
  scope: params.scope ?? null,
});

function redirect(res: http.ServerResponse, location: string) {
  res.statusCode = 302;
  res.setHeader("cache-control", "no-store");
  res.setHeader("location", location);
  res.end();
}

function sendPage(res: http.ServerResponse, status: number, html: string) {
  res.statusCode = status;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  // The page may not be framed (clickjacking) and runs no script.
  res.setHeader(
    "content-security-policy",
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  );
  res.end(html);
}

async function finish(
  services: Services,
  res: http.ServerResponse,
  params: Record<string, string>,
  user: { userId: string; scopes: string[] },
) {
  const result = await services.oauth.authorize(toRequest(params), user);
  if (!result.ok && !result.redirect)
    return sendOAuthJson(res, 400, { error: result.error, error_description: result.description });
  redirect(res, result.redirectTo);
}

async function withBearer(
  services: Services,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  params: Record<string, string>,
) {
  let claims: Awaited<ReturnType<Services["accessTokens"]["verify"]>>;
  try {
    const token = bearerToken(req);
    if (!token) throw new InvalidAccessToken("missing bearer token");
    claims = await services.accessTokens.verify(token);
  } catch (error) {
    if (!(error instanceof InvalidAccessToken)) throw error;
    res.setHeader("www-authenticate", 'Bearer error="invalid_token"');
    return sendOAuthJson(res, 401, { error: "invalid_token", error_description: "sign in first" });
  }
  return finish(services, res, params, { userId: claims.sub, scopes: claims.scopes });
}

async function showPage(services: Services, res: http.ServerResponse, params: Record<string, string>) {
  const registered = await services.oauth.registeredClient(params.client_id ?? null, params.redirect_uri ?? null);
  if (!registered.ok)
    return sendOAuthJson(res, 400, { error: registered.error, error_description: registered.description });
  const mode: SignInMode = params.prompt === "create" ? "create" : "sign-in";
  sendPage(res, 200, renderSignInPage({ clientName: registered.client.name, params, mode }));
}

async function submitForm(services: Services, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = await readBody(req, 16_384);
  if (body === null) return sendOAuthJson(res, 413, { error: "invalid_request" });
  const form = new URLSearchParams(body);
  const params = pick(form);
  const registered = await services.oauth.registeredClient(params.client_id ?? null, params.redirect_uri ?? null);
  if (!registered.ok)
    return sendOAuthJson(res, 400, { error: registered.error, error_description: registered.description });
  const mode: SignInMode = form.get("intent") === "create" ? "create" : "sign-in";
  const email = form.get("email") ?? "";
  const name = form.get("name") ?? "";
  const password = form.get("password") ?? "";
  const result =
    mode === "create"
      ? await services.auth.register({ email, name, password })
      : await services.auth.authenticate(
          { email, password },
          clientIpFrom(req.headers, req.socket.remoteAddress ?? null),
        );
  if (!result.user) {
    const error = result.userErrors.map((userError) => userError.message).join(" ");
    const status = result.retryAfterSeconds ? 429 : 400;
    if (result.retryAfterSeconds) res.setHeader("retry-after", String(result.retryAfterSeconds));
    return sendPage(
      res,
      status,
      renderSignInPage({ clientName: registered.client.name, params, mode, error, email, name }),
    );
  }
  return finish(services, res, params, result.user);
}

const wantsHtml = (req: http.IncomingMessage) => (req.headers.accept ?? "").includes("text/html");

export const authorizeRoute =
  (services: Services): HttpRoute =>
  async (req, res, url) => {
    if (req.method === "POST") return submitForm(services, req, res);
    if (req.method !== "GET") return sendOAuthJson(res, 405, { error: "invalid_request" });
    const params = pick(url.searchParams);
    if (!req.headers.authorization && wantsHtml(req)) return showPage(services, res, params);
    return withBearer(services, req, res, params);
  };
