// The token handler for the browser app (a public OAuth client with PKCE): the code exchange and
// refreshes go through here so the refresh token lives only in an HttpOnly, SameSite=Strict
// cookie; script sees only the short-lived access token.
//   POST /auth/token     { code, codeVerifier, clientId, redirectUri } → { accessToken, expiresIn }
//   POST /auth/refresh   (cookie) → { accessToken, expiresIn } or 401
//   POST /auth/sign-out  clears the cookie (the app revokes the session with signOut first)
// Every call needs the `x-storefront` header, which no cross-site form can send (CSRF).
import type http from "node:http";
import { readBody, sendJson } from "@shopstream/kernel";

const cookieName = "ss_refresh";
const refreshCookieMaxAge = 30 * 24 * 3600;

interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export interface AuthRoutesOptions {
  identityUrl: string;
  secureCookie: boolean;
}

function readCookie(req: http.IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

export function createAuthRoutes({ identityUrl, secureCookie }: AuthRoutesOptions) {
  const cookie = (value: string, maxAge: number) =>
    `${cookieName}=${encodeURIComponent(value)}; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secureCookie ? "; Secure" : ""}`;

  async function exchange(form: Record<string, string>, res: http.ServerResponse) {
    const answer = await fetch(new URL("/oauth/token", identityUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
    if (!answer.ok) {
      res.setHeader("set-cookie", cookie("", 0));
      return sendJson(res, 401, { error: "invalid_grant" });
    }
    const tokens = (await answer.json()) as TokenAnswer;
    res.setHeader("set-cookie", cookie(tokens.refresh_token, refreshCookieMaxAge));
    res.setHeader("cache-control", "no-store");
    sendJson(res, 200, { accessToken: tokens.access_token, expiresIn: tokens.expires_in });
  }

  return async function handleAuth(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    if (req.method !== "POST" || req.headers["x-storefront"] !== "1") return sendJson(res, 403, { error: "forbidden" });
    if (path === "/auth/sign-out") {
      res.setHeader("set-cookie", cookie("", 0));
      return sendJson(res, 200, { ok: true });
    }
    if (path === "/auth/refresh") {
      const refreshToken = readCookie(req, cookieName);
      if (!refreshToken) return sendJson(res, 401, { error: "no_session" });
      return exchange({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: "storefront-web" }, res);
    }
    if (path === "/auth/token") {
      const body = await readBody(req, 8_192);
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body ?? "") as Record<string, unknown>;
      } catch {
        return sendJson(res, 400, { error: "invalid_request" });
      }
      const text = (name: string) => (typeof input[name] === "string" ? (input[name] as string) : "");
      return exchange(
        {
          grant_type: "authorization_code",
          code: text("code"),
          code_verifier: text("codeVerifier"),
          client_id: text("clientId"),
          redirect_uri: text("redirectUri"),
        },
        res,
      );
    }
    sendJson(res, 404, { error: "not_found" });
  };
}
