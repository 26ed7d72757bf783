// Step: who is calling. A bearer access token is verified (auth/authenticator.ts: JWKS signature,
// iss/aud/typ/exp, live session in Redis); no Authorization header = anonymous. The identity is
// signed once per request and travels to every subgraph in HMAC headers, with the client address
// appended to x-forwarded-for (identity throttles sign-ins per IP on its last entry).
import { anonymousIdentity, type Logger, signIdentityHeaders } from "@shopstream/kernel";
import type { Authenticator } from "../auth/authenticator.js";
import { RequestError } from "./request-error.js";
import type { RouterContext } from "./router-context.js";

export interface AuthenticateInput {
  authorization?: string;
  /** Value to send to subgraphs as x-forwarded-for (incoming chain + client address). */
  forwardedFor?: string;
}

export interface AuthenticateSettings {
  identitySecret: string;
  logger: Logger;
  authenticator?: Authenticator;
}

export async function authenticate(
  requestId: string,
  input: AuthenticateInput,
  settings: AuthenticateSettings,
): Promise<RouterContext> {
  const identity = await identityOf(input.authorization, settings.authenticator);
  const subgraphHeaders: Record<string, string> = {
    ...signIdentityHeaders(identity, settings.identitySecret),
    "x-request-id": requestId,
  };
  if (input.forwardedFor) subgraphHeaders["x-forwarded-for"] = input.forwardedFor;
  return { requestId, identity, subgraphHeaders, logger: settings.logger };
}

function identityOf(authorization: string | undefined, authenticator: Authenticator | undefined) {
  if (!authorization) return Promise.resolve(anonymousIdentity);
  // Never let a token through unchecked: a router without an authenticator refuses bearer calls.
  if (!authenticator) throw new RequestError(401, "UNAUTHENTICATED", "Access tokens are not accepted here");
  return authenticator.authenticate(authorization);
}
