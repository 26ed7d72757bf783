// Step: who is calling. Anonymous until the JWT issue lands (verify against identity's JWKS here);
// the identity is signed once per request and travels to every subgraph in HMAC headers.
import { anonymousIdentity, type Logger, signIdentityHeaders } from "@shopstream/kernel";
import type { RouterContext } from "./router-context.js";

export function authenticate(requestId: string, identitySecret: string, logger: Logger): RouterContext {
  const identity = anonymousIdentity;
  return {
    requestId,
    identity,
    subgraphHeaders: { ...signIdentityHeaders(identity, identitySecret), "x-request-id": requestId },
    logger,
  };
}
