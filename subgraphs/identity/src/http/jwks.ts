// GET /.well-known/jwks.json: the active and recently retired public keys. Verifiers may cache it
// for max-age and must refetch when a token names a kid they do not know (a fresh rotation).
import type { HttpRoute } from "@shopstream/kernel";
import type { SigningKeyService } from "../services/signing-key-service.js";
import { sendOAuthJson } from "./respond.js";

export const jwksRoute =
  (keys: SigningKeyService): HttpRoute =>
  async (req, res) => {
    if (req.method !== "GET") return sendOAuthJson(res, 405, { error: "method not allowed" });
    res.setHeader("cache-control", "public, max-age=300");
    sendOAuthJson(res, 200, await keys.jwks(), false);
  };

/** Minimal discovery document, so clients find the endpoints and the JWKS from the issuer. */
export const discoveryRoute =
  (issuer: string): HttpRoute =>
  (req, res) => {
    const base = `http://${req.headers.host ?? "127.0.0.1:4001"}`;
    sendOAuthJson(res, 200, {
      issuer,
      jwks_uri: `${base}/.well-known/jwks.json`,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none"],
      id_token_signing_alg_values_supported: ["ES256"],
    });
  };
