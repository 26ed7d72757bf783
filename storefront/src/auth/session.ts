// The access token lives in memory only. The refresh token never reaches script: the storefront
// server keeps it in an HttpOnly, SameSite=Strict cookie and trades it for a new access token
// (POST /auth/refresh), so a reload or a new tab signs the shopper back in.
import { clientId, redirectUri } from "./pkce";

interface AccessToken {
  token: string;
  expiresAt: number;
}

let access: AccessToken | null = null;
let refreshing: Promise<AccessToken | null> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export const onSessionChange = (listener: (signedIn: boolean) => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

function setAccess(next: AccessToken | null) {
  const changed = Boolean(next) !== Boolean(access);
  access = next;
  if (changed) for (const listener of listeners) listener(Boolean(next));
}

async function postAuth(path: string, body?: unknown): Promise<AccessToken | null> {
  const response = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    // The custom header keeps other sites' forms from calling these endpoints (CSRF).
    headers: { "content-type": "application/json", "x-storefront": "1" },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) return null;
  const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
  return { token: accessToken, expiresAt: Date.now() + expiresIn * 1000 };
}

/** Trades the refresh cookie for an access token; null when there is no session. */
export function refreshSession(): Promise<AccessToken | null> {
  refreshing ??= postAuth("/auth/refresh")
    .catch(() => null)
    .then((next) => {
      setAccess(next);
      return next;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** The token to send, refreshed a little before it expires. */
export async function currentAccessToken(): Promise<string | null> {
  if (access && access.expiresAt - Date.now() > 30_000) return access.token;
  if (!access) return null;
  return (await refreshSession())?.token ?? null;
}

export async function completeSignIn(code: string, verifier: string): Promise<boolean> {
  const next = await postAuth("/auth/token", { code, codeVerifier: verifier, clientId, redirectUri: redirectUri() });
  setAccess(next);
  return next !== null;
}

export async function endSession() {
  setAccess(null);
  await fetch("/auth/sign-out", { method: "POST", credentials: "same-origin", headers: { "x-storefront": "1" } });
}
