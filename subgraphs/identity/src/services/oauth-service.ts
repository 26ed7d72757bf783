// OAuth 2.0 authorization code + PKCE (S256 only) for registered first-party clients. Codes are
// one-time (GETDEL) and short-lived (Redis TTL); redirect URIs must match a registered one exactly
// (a loopback one on any port).
import { isValidCodeChallenge, verifyPkce } from "../crypto/pkce.js";
import { newSecretToken, sha256Hex } from "../crypto/tokens.js";
import { redisKeys } from "../redis-keys.js";
import { redirectUriProblems, redirectUriRegistered } from "./redirect-uri.js";
import type { ServiceDeps } from "./service-deps.js";
import type { IssuedSession, SessionService } from "./session-service.js";

export interface AuthorizeRequest {
  responseType: string | null;
  clientId: string | null;
  redirectUri: string | null;
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  scope: string | null;
}

/** `redirect: false` errors must not be sent to the (unverified) redirect URI. */
export type AuthorizeResult =
  | { ok: true; redirectTo: string }
  | { ok: false; redirect: false; error: string; description: string }
  | { ok: false; redirect: true; redirectTo: string };

export interface OAuthError {
  error: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";
  description: string;
}

interface StoredCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  codeChallenge: string;
}

function withParams(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export function createOAuthService({ redis, env, repositories }: ServiceDeps, sessions: SessionService) {
  /** The client and redirect URI, checked before anything is shown or redirected to. */
  async function registeredClient(clientId: string | null, redirectUri: string | null) {
    const client = clientId ? await repositories.oauthClients.findById(clientId) : null;
    if (!client) return { ok: false, error: "invalid_client", description: "unknown client_id" } as const;
    if (!redirectUri || !redirectUriRegistered(client.redirectUris, redirectUri))
      return { ok: false, error: "invalid_request", description: "redirect_uri is not registered" } as const;
    return { ok: true, client, redirectUri } as const;
  }

  return {
    registeredClient,

    /** Registers or updates a first-party public client (operators' CLI and development seeds). */
    async registerClient(client: { id: string; name: string; redirectUris: string[]; scopes: string[] }) {
      const problems = client.redirectUris.flatMap((uri) => redirectUriProblems(uri).map((p) => `${uri}: ${p}`));
      if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(client.id)) problems.push("the id must be 2-63 of a-z, 0-9 and -");
      if (problems.length > 0) return { ok: false, problems } as const;
      await repositories.oauthClients.upsert(client);
      return { ok: true } as const;
    },

    async authorize(req: AuthorizeRequest, user: { userId: string; scopes: string[] }): Promise<AuthorizeResult> {
      const registered = await registeredClient(req.clientId, req.redirectUri);
      if (!registered.ok) return { ...registered, redirect: false };
      const { client, redirectUri } = registered;
      const fail = (error: string, description: string): AuthorizeResult => ({
        ok: false,
        redirect: true,
        redirectTo: withParams(redirectUri, {
          error,
          error_description: description,
          ...(req.state ? { state: req.state } : {}),
        }),
      });
      if (req.responseType !== "code") return fail("unsupported_response_type", "response_type must be code");
      if (!req.state) return fail("invalid_request", "state is required");
      if (req.codeChallengeMethod !== "S256") return fail("invalid_request", "code_challenge_method must be S256");
      if (!req.codeChallenge || !isValidCodeChallenge(req.codeChallenge))
        return fail("invalid_request", "code_challenge must be base64url(SHA-256(code_verifier))");
      const requested = req.scope ? req.scope.split(" ").filter(Boolean) : client.scopes;
      const scopes = requested.filter((scope) => client.scopes.includes(scope) && user.scopes.includes(scope));

      const code = newSecretToken();
      const stored: StoredCode = {
        clientId: client.id,
        redirectUri,
        userId: user.userId,
        scopes,
        codeChallenge: req.codeChallenge,
      };
      await redis.set(redisKeys.oauthCode(sha256Hex(code)), JSON.stringify(stored), "EX", env.OAUTH_CODE_TTL_SECONDS);
      return { ok: true, redirectTo: withParams(redirectUri, { code, state: req.state }) };
    },

    async exchangeCode(input: {
      code: string;
      clientId: string;
      redirectUri: string;
      codeVerifier: string;
      ip: string | null;
    }): Promise<IssuedSession | OAuthError> {
      const raw = await redis.getdel(redisKeys.oauthCode(sha256Hex(input.code)));
      if (!raw) return { error: "invalid_grant", description: "code is invalid, expired or already used" };
      const stored = JSON.parse(raw) as StoredCode;
      if (stored.clientId !== input.clientId)
        return { error: "invalid_grant", description: "code was issued to another client" };
      if (stored.redirectUri !== input.redirectUri)
        return { error: "invalid_grant", description: "redirect_uri does not match" };
      if (!verifyPkce(input.codeVerifier, stored.codeChallenge))
        return { error: "invalid_grant", description: "code_verifier does not match code_challenge" };
      return sessions.create({ userId: stored.userId, scopes: stored.scopes, clientId: stored.clientId, ip: input.ip });
    },

    async refresh(refreshToken: string, clientId: string): Promise<IssuedSession | OAuthError> {
      const result = await sessions.refresh(refreshToken, clientId);
      if (typeof result === "object") return result;
      return {
        error: "invalid_grant",
        description:
          result === "REFRESH_TOKEN_REUSED"
            ? "refresh token reused; session revoked"
            : "refresh token is invalid or expired",
      };
    },
  };
}

export type OAuthService = ReturnType<typeof createOAuthService>;
