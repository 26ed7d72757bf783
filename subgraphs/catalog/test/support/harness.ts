// Starts the real catalog subgraph (HTTP, signed identity, PostgreSQL) on a random port with a
// Prisma client that counts the SQL statements it sends.
import { createLogger, type Identity, signIdentityHeaders } from "@shopstream/kernel";
import { startCatalog } from "../../src/app.js";
import { createPrisma } from "../../src/db.js";
import { parseCatalogEnv } from "../../src/env.js";

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
  const env = parseCatalogEnv({ ...process.env, LOG_LEVEL: "warn" });
  const statements: string[] = [];
  const prisma = createPrisma(env, { onQuery: (sql) => statements.push(sql) });
  const server = await startCatalog({
    prisma,
    logger: createLogger("catalog-test", "warn"),
    port: 0,
    identitySecret: env.IDENTITY_HMAC_SECRET,
  });

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
    async close() {
      await server.close();
      await prisma.$disconnect();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
