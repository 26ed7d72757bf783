// Stage: who is calling. A bearer access token is verified (auth/authenticator.ts: JWKS signature,
// iss/aud/typ/exp, live session in Redis); no Authorization header = anonymous. The identity is
// signed once per request and travels to every subgraph in HMAC headers, with the client address
// appended to x-forwarded-for (identity throttles sign-ins per IP on its last entry).
import { anonymousIdentity, signIdentityHeaders } from "@shopstream/kernel";
import type { RouterComponents } from "../router-components.js";
import type { RequestState } from "./request-state.js";

export async function authenticate(
  state: RequestState,
  router: Pick<RouterComponents, "authenticator" | "logger" | "settings">,
): Promise<void> {
  const { authorization, forwardedFor } = state.input;
  const identity = authorization ? await router.authenticator.authenticate(authorization) : anonymousIdentity;
  const subgraphHeaders: Record<string, string> = {
    ...signIdentityHeaders(identity, router.settings.identitySecret),
    "x-request-id": state.requestId,
  };
  if (forwardedFor) subgraphHeaders["x-forwarded-for"] = forwardedFor;
  state.context = { requestId: state.requestId, identity, subgraphHeaders, logger: router.logger };
}
