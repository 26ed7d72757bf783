// POST /oauth/token (application/x-www-form-urlencoded, RFC 6749 §4.1.3 / §6): public first-party
// clients, so no client secret; PKCE proves the caller started the flow.
import type http from "node:http";
import { type HttpRoute, readBody } from "@shopstream/kernel";
import type { Services } from "../services/index.js";
import type { OAuthError } from "../services/oauth-service.js";
import type { IssuedSession } from "../services/session-service.js";
import { clientIpFrom } from "./client-ip.js";
import { sendOAuthJson } from "./respond.js";

const tokenResponse = (session: IssuedSession) => ({
  access_token: session.accessToken,
  token_type: "Bearer",
  expires_in: Math.round((session.accessTokenExpiresAt.getTime() - Date.now()) / 1000),
  refresh_token: session.refreshToken,
  scope: session.scopes.join(" "),
});

function reply(res: http.ServerResponse, result: IssuedSession | OAuthError) {
  if ("error" in result) return sendOAuthJson(res, 400, { error: result.error, error_description: result.description });
  sendOAuthJson(res, 200, tokenResponse(result));
}

export const tokenRoute =
  (services: Services): HttpRoute =>
  async (req, res) => {
    if (req.method !== "POST") return sendOAuthJson(res, 405, { error: "invalid_request" });
    const body = await readBody(req, 16_384);
    if (body === null) return sendOAuthJson(res, 413, { error: "invalid_request" });
    const form = new URLSearchParams(body);
    const field = (name: string) => form.get(name) ?? "";
    const clientId = field("client_id");
    if (!clientId)
      return sendOAuthJson(res, 400, { error: "invalid_request", error_description: "client_id is required" });
    switch (field("grant_type")) {
      case "authorization_code":
        return reply(
          res,
          await services.oauth.exchangeCode({
            code: field("code"),
            clientId,
            redirectUri: field("redirect_uri"),
            codeVerifier: field("code_verifier"),
            ip: clientIpFrom(req.headers, req.socket.remoteAddress ?? null),
          }),
        );
      case "refresh_token":
        return reply(res, await services.oauth.refresh(field("refresh_token"), clientId));
      default:
        return sendOAuthJson(res, 400, { error: "unsupported_grant_type" });
    }
  };
