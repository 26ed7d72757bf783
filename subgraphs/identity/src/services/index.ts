import { createAccessTokenService } from "./access-token-service.js";
import { createAddressService } from "./address-service.js";
import { createAuthService } from "./auth-service.js";
import { createOAuthService } from "./oauth-service.js";
import { createPasswordResetService } from "./password-reset-service.js";
import { createResetRequestLimit } from "./reset-request-limit.js";
import type { ServiceDeps } from "./service-deps.js";
import { createSessionService } from "./session-service.js";
import { createSignInThrottle } from "./sign-in-throttle.js";
import { createSigningKeyService } from "./signing-key-service.js";

export function createServices(deps: ServiceDeps) {
  const signingKeys = createSigningKeyService(deps);
  const accessTokens = createAccessTokenService(deps, signingKeys);
  const sessions = createSessionService(deps, accessTokens);
  const throttle = createSignInThrottle(deps);
  return {
    signingKeys,
    accessTokens,
    sessions,
    auth: createAuthService(deps, sessions, throttle),
    passwordReset: createPasswordResetService(deps, sessions, throttle, createResetRequestLimit(deps)),
    addresses: createAddressService(deps),
    oauth: createOAuthService(deps, sessions),
  };
}

export type Services = ReturnType<typeof createServices>;
