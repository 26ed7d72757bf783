import type { AuthResult } from "../services/auth-service.js";
import type { IssuedSession } from "../services/session-service.js";

/** GraphQL shape of an AuthResult; AuthSession.user is resolved from `userId` by the loader. */
export const toAuthPayload = (result: AuthResult) => ({
  session: result.session ? toAuthSession(result.session) : null,
  retryAfterSeconds: result.retryAfterSeconds ?? null,
  userErrors: result.userErrors,
});

const toAuthSession = (session: IssuedSession) => ({
  accessToken: session.accessToken,
  accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
  refreshToken: session.refreshToken,
  refreshTokenExpiresAt: session.refreshTokenExpiresAt.toISOString(),
  tokenType: "Bearer",
  scopes: session.scopes,
  userId: session.userId,
});

export type AuthSessionParent = ReturnType<typeof toAuthSession>;
