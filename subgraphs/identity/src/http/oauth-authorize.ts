// GET /oauth/authorize: the signed-in user (Authorization: Bearer <access token>, verified here
// against our own JWKS and the live session) approves a first-party client; answers 302 to the
// client's redirect URI with `code` and `state`. Errors about the client or redirect URI are
// answered here (400), never redirected to an unverified URI.
import type { HttpRoute } from "@shopstream/kernel";
import { InvalidAccessToken } from "../crypto/jwt.js";
import type { Services } from "../services/index.js";
import { bearerToken } from "./bearer.js";
import { sendOAuthJson } from "./respond.js";

export const authorizeRoute =
  (services: Services): HttpRoute =>
  async (req, res, url) => {
    if (req.method !== "GET") return sendOAuthJson(res, 405, { error: "invalid_request" });
    const token = bearerToken(req);
    let claims: Awaited<ReturnType<Services["accessTokens"]["verify"]>>;
    try {
      if (!token) throw new InvalidAccessToken("missing bearer token");
      claims = await services.accessTokens.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidAccessToken)) throw error;
      res.setHeader("www-authenticate", 'Bearer error="invalid_token"');
      return sendOAuthJson(res, 401, { error: "invalid_token", error_description: "sign in first" });
    }
    const param = (name: string) => url.searchParams.get(name);
    const result = await services.oauth.authorize(
      {
        responseType: param("response_type"),
        clientId: param("client_id"),
        redirectUri: param("redirect_uri"),
        state: param("state"),
        codeChallenge: param("code_challenge"),
        codeChallengeMethod: param("code_challenge_method"),
        scope: param("scope"),
      },
      { userId: claims.sub, scopes: claims.scopes },
    );
    if (!result.ok && !result.redirect)
      return sendOAuthJson(res, 400, { error: result.error, error_description: result.description });
    res.statusCode = 302;
    res.setHeader("cache-control", "no-store");
    res.setHeader("location", result.redirectTo);
    res.end();
  };
