// Starts the real legacy service through the kernel runtime on a random port. Tests
// write their own legacy_stock rows under unique SKU ids and orders under unique customer ids.
import { type Identity, signIdentityHeaders } from "@shopstream/kernel";
import { startTestService } from "@shopstream/testkit";
import { legacyService } from "../../src/app.js";
import { insertHistory, type LegacyOrderRow } from "../../src/repositories/legacy-order-repository.js";
import { type LegacyStockRow, upsertStock } from "../../src/repositories/legacy-stock-repository.js";

export const anonymous: Identity = { userId: null, sessionId: null, scopes: [] };

export async function startHarness() {
  const server = await startTestService(legacyService);
  const { env, db: prisma } = server;
  return {
    prisma,
    url: server.url,
    secret: env.IDENTITY_HMAC_SECRET,
    lowStockAt: env.LEGACY_LOW_STOCK_AT,
    setStock: (row: LegacyStockRow) => upsertStock(prisma, row),
    /** The monolith's order history rows, uncaptured (see legacy-orders.ts). */
    writeOrders: (orders: LegacyOrderRow[]) => insertHistory(prisma, orders),
    // biome-ignore lint/suspicious/noExplicitAny: responses are checked by assertions, not by types
    async gql(query: string, variables: Record<string, unknown> = {}, identity = anonymous): Promise<any> {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...signIdentityHeaders(identity, env.IDENTITY_HMAC_SECRET) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    close: () => server.stop("test done"),
  };
}

export type LegacyHarness = Awaited<ReturnType<typeof startHarness>>;
