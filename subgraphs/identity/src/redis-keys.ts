// Every Redis key identity uses, in one place. `identity:session:<sid>` is the public contract
// with the router (kernel `identitySessionKey`); the others are private to this service.
import { identitySessionKey } from "@shopstream/kernel";

export const redisKeys = {
  /** JSON SessionState; exists exactly while the session lives (TTL = session expiry). */
  session: identitySessionKey,
  /** JSON RefreshState by SHA-256 of the token; kept after rotation to detect reuse. */
  refreshToken: (tokenHash: string) => `identity:refresh:${tokenHash}`,
  /** JSON AuthorizationCode by SHA-256 of the code; deleted on first use (GETDEL). */
  oauthCode: (codeHash: string) => `identity:oauth-code:${codeHash}`,
  /** Failed sign-ins in the current window / back-off lock, per account and per client IP. */
  signInFailures: (scope: "account" | "ip", id: string) => `identity:signin-failures:${scope}:${id}`,
  signInLock: (scope: "account" | "ip", id: string) => `identity:signin-lock:${scope}:${id}`,
  /** Password reset requests in the current window, per account and per client IP. */
  resetRequests: (scope: "account" | "ip", id: string) => `identity:reset-requests:${scope}:${id}`,
};
