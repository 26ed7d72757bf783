// Starts the real catalog service through the kernel runtime (HTTP, signed identity, PostgreSQL,
// outbox relay) on a random port, counting the SQL statements its Prisma client sends.
import { type Identity, signIdentityHeaders, startService } from "@shopstream/kernel";
import { catalogService } from "../../src/app.js";

export const admin: Identity = { userId: "admin-1", sessionId: null, scopes: ["catalog:write"] };
export const shopper: Identity = { userId: "shopper-1", sessionId: null, scopes: [] };
export const anonymous: Identity = { userId: null, sessionId: null, scopes: [] };

// biome-ignore lint/suspicious/noExplicitAny: responses are checked by assertions, not by types
export type Loose = any;

export interface GraphQLResponse<T = Loose> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function startHarness() {
  const statements: string[] = [];
  const server = await startService(catalogService, {
    env: { PORT: "0", LOG_LEVEL: "warn" },
    onQuery: (sql) => statements.push(sql),
  });
  const { env, db: prisma } = server;

  async function post(body: unknown, headers: Record<string, string>) {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  return {
    prisma,
    env,
    url: server.url,
    secret: env.IDENTITY_HMAC_SECRET,
    /** SQL statements sent since the last reset. */
    statements,
    resetStatements: () => void statements.splice(0),
    post,
    /** A GraphQL request signed like the router signs it (admin unless told otherwise). */
    async gql<T = Loose>(query: string, variables: Record<string, unknown> = {}, identity: Identity = admin) {
      const { body } = await post({ query, variables }, signIdentityHeaders(identity, env.IDENTITY_HMAC_SECRET));
      return body as GraphQLResponse<T>;
    },
    close: () => server.stop("test done"),
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
