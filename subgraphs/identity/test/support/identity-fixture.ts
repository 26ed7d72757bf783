// Starts the real identity service through the kernel runtime (real PostgreSQL, Redis, outbox
// relay) on a free port and talks to it
// the way the router will: GraphQL with signed identity headers, plain HTTP for OAuth and JWKS.
import { randomBytes } from "node:crypto";
import { type Identity, signIdentityHeaders, startService } from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";
import { decodeJwt } from "jose";
import { identityService } from "../../src/app.js";

export async function startIdentityFixture(overrides: Record<string, string> = {}) {
  const server = await startService(identityService, { env: { PORT: "0", LOG_LEVEL: "silent", ...overrides } });
  const { env, db: prisma } = server;

  // biome-ignore lint/suspicious/noExplicitAny: tests assert on response fields one by one
  async function graphql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { identity?: Identity; ip?: string } = {},
  ): Promise<{ data: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
    const identity = options.identity ?? { userId: null, sessionId: null, scopes: [] };
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signIdentityHeaders(identity, env.IDENTITY_HMAC_SECRET),
        ...(options.ip ? { "x-forwarded-for": `203.0.113.200, ${options.ip}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: T };
  }

  return {
    env,
    prisma,
    redis: server.redis,
    server,
    graphql,
    close: () => server.stop("test done"),
  };
}

export type IdentityFixture = Awaited<ReturnType<typeof startIdentityFixture>>;

/** The identity the router derives from a verified access token and signs into headers. */
export function identityFromToken(accessToken: string): Identity {
  const claims = decodeJwt(accessToken) as { sub: string; sid: string; scopes: string[] };
  return { userId: claims.sub, sessionId: claims.sid, scopes: claims.scopes };
}

export const uniqueEmail = (prefix = "user") => `${uniqueName(prefix)}@example.test`;

/** A unique documentation-range IPv6 address per use keeps parallel tests' per-IP limits apart. */
export const uniqueIp = () =>
  `2001:db8::${randomBytes(4)
    .toString("hex")
    .replace(/(....)(....)/, "$1:$2")}`;
