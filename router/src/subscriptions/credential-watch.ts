// A subscription lives longer than the request that opened it, so its caller's credentials are
// checked for as long as it lasts: it ends when the access token expires, and when a periodic
// re-check finds the session revoked. A check that cannot run (Redis down) keeps the subscription:
// it was authenticated, and dropping every subscriber on a blip would stampede reconnects.
import type { GraphQLError as GraphQLErrorType } from "graphql";
import { decodeJwt } from "jose";
import type { Authenticator } from "../auth/authenticator.js";
import { GraphQLError } from "../graphql-runtime.js";
import { RequestError } from "../request/request-error.js";

export interface CredentialWatch {
  stop(): void;
}

const maxTimerMs = 2 ** 31 - 1;

export function watchCredentials(options: {
  authorization: string | undefined;
  authenticator: Pick<Authenticator, "authenticate">;
  recheckMs: number;
  onLost: (error: GraphQLErrorType) => void;
}): CredentialWatch {
  const { authorization } = options;
  if (!authorization) return { stop() {} };
  const lost = (message: string) =>
    options.onLost(new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } }));
  const timers: NodeJS.Timeout[] = [];
  const exp = expiryOf(authorization);
  if (exp !== undefined)
    timers.push(
      setTimeout(() => lost("The access token expired; subscribe again with a fresh one"), clamp(exp - Date.now())),
    );
  const recheck = setInterval(() => {
    options.authenticator.authenticate(authorization).catch((error: unknown) => {
      if (error instanceof RequestError && error.status === 401) lost(error.message);
    });
  }, options.recheckMs);
  return {
    stop() {
      for (const timer of timers) clearTimeout(timer);
      clearInterval(recheck);
    },
  };
}

/** exp of a bearer token already verified by the authenticate stage, in epoch ms. */
function expiryOf(authorization: string): number | undefined {
  try {
    const { exp } = decodeJwt(authorization.replace(/^Bearer\s+/i, "").trim());
    return typeof exp === "number" ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

const clamp = (ms: number) => Math.min(Math.max(ms, 0), maxTimerMs);
