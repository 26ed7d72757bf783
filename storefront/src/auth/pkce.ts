// Authorization code + PKCE (RFC 7636, S256) as a public client: the verifier and state live in
// sessionStorage only between the redirect to the identity service and the callback.
const pendingKey = "shopstream.oauth.pending";
export const clientId = "storefront-web";
export const redirectUri = () => `${window.location.origin}/callback`;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

const randomString = (bytes: number) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

async function challengeFor(verifier: string) {
  return base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}

export interface PendingSignIn {
  state: string;
  verifier: string;
  /** Where the shopper was; the callback returns there. */
  returnTo: string;
}

/** Sends the browser to the identity service's sign-in (or create-account) page. */
export async function beginSignIn(mode: "sign-in" | "create", returnTo: string) {
  const pending: PendingSignIn = { state: randomString(16), verifier: randomString(48), returnTo };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri(),
    state: pending.state,
    code_challenge: await challengeFor(pending.verifier),
    code_challenge_method: "S256",
    scope: "profile",
  });
  if (mode === "create") params.set("prompt", "create");
  window.location.assign(`/oauth/authorize?${params}`);
}

/** The pending sign-in this callback belongs to (once), or null for a forged or replayed state. */
export function takePendingSignIn(state: string | null): PendingSignIn | null {
  const raw = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  if (!raw || !state) return null;
  const pending = JSON.parse(raw) as PendingSignIn;
  return pending.state === state ? pending : null;
}
