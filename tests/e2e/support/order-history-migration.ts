// The order-history migration as tests and benches run it: the legacy monolith and orders
// services on scratch databases of their own, the monolith's orders imported by the real backfill
// CLI, both composed into one supergraph, and an access-token issuer for as many signed-in
// customers as a test needs. Label legacy:order-history moves Query.order and User.orders.
import { legacyService } from "@shopstream/legacy";
import { insertHistory, type LegacyOrderRow } from "@shopstream/legacy/src/repositories/legacy-order-repository";
import { ordersService } from "@shopstream/orders";
import { backfill } from "@shopstream/orders/testing/backfill-run";
import { createScratchDatabase, startTestService, startTokenIssuer, uniqueName } from "@shopstream/testkit";
import { composeSubgraphs } from "./compose-subgraphs.js";

export const ORDER_HISTORY_LABEL = "legacy:order-history";

export async function startOrderHistoryMigration() {
  const legacyDb = await createScratchDatabase("legacy");
  const ordersDb = await createScratchDatabase("orders", { suffix: legacyDb.suffix });
  const env = {
    PGDATABASE_SUFFIX: legacyDb.suffix,
    KAFKA_TOPIC_PREFIX: `${process.env.KAFKA_TOPIC_PREFIX ?? ""}${uniqueName("history")}.`,
  };
  const [legacy, orders, tokens] = await Promise.all([
    startTestService(legacyService, { env }),
    startTestService(ordersService, { env: { ...env, PAYMENT_SIMULATOR_START: "false" } }),
    startTokenIssuer(),
  ]);
  const supergraphSdl = await composeSubgraphs({ legacy: legacy.url, orders: orders.url });

  return {
    supergraphSdl,
    identitySecret: orders.env.IDENTITY_HMAC_SECRET,
    tokens,
    /** The monolith's history as it was before the parallel run: written uncaptured. */
    writeLegacyOrders: (rows: LegacyOrderRow[]) => insertHistory(legacy.db, rows),
    /** `npm run orders:backfill` over everything the monolith has. */
    async backfill() {
      const run = await backfill(["--rate", "0"], { PGDATABASE_SUFFIX: legacyDb.suffix });
      if (run.code !== 0) throw new Error(`backfill failed: ${run.output}`);
    },
    /** SQL on the orders database (e.g. to corrupt an imported order). */
    ordersSql: (sql: string, ...values: unknown[]) => orders.db.$executeRawUnsafe(sql, ...values),
    async close() {
      await Promise.all([legacy.stop("test done"), orders.stop("test done"), tokens.close()]);
      await Promise.all([legacyDb.drop(), ordersDb.drop()]);
    },
  };
}

export type OrderHistoryMigration = Awaited<ReturnType<typeof startOrderHistoryMigration>>;
