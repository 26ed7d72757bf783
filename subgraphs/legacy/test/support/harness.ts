// Starts the real legacy subgraph (HTTP, signed identity, PostgreSQL) on a random port. Tests
// write their own legacy_stock rows under unique SKU ids.
import { createLogger, type Identity, signIdentityHeaders } from "@shopstream/kernel";
import { startLegacy } from "../../src/app.js";
import { createPrisma } from "../../src/db.js";
import { parseLegacyEnv } from "../../src/env.js";
import { type LegacyStockRow, upsertStock } from "../../src/repositories/legacy-stock-repository.js";

export const anonymous: Identity = { userId: null, sessionId: null, scopes: [] };

export async function startHarness() {
  const env = parseLegacyEnv({ ...process.env, LOG_LEVEL: "warn" });
  const prisma = createPrisma(env);
  const server = await startLegacy({
    prisma,
    lowStockAt: env.LEGACY_LOW_STOCK_AT,
    logger: createLogger("legacy-test", "warn"),
    port: 0,
    identitySecret: env.IDENTITY_HMAC_SECRET,
  });
  return {
    prisma,
    url: server.url,
    secret: env.IDENTITY_HMAC_SECRET,
    lowStockAt: env.LEGACY_LOW_STOCK_AT,
    setStock: (row: LegacyStockRow) => upsertStock(prisma, row),
    // biome-ignore lint/suspicious/noExplicitAny: responses are checked by assertions, not by types
    async gql(query: string, variables: Record<string, unknown> = {}, identity = anonymous): Promise<any> {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...signIdentityHeaders(identity, env.IDENTITY_HMAC_SECRET) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async close() {
      await server.close();
      await prisma.$disconnect();
    },
  };
}

export type LegacyHarness = Awaited<ReturnType<typeof startHarness>>;
