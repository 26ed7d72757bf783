// The development seed (`npm run db:seed`): the monolith's legacy_stock rows for every seeded
// catalog variant and its order history. Deterministic and idempotent: rows that exist are left alone.
import type { LegacyPrisma } from "../db.js";
import { insertHistory } from "../repositories/legacy-order-repository.js";
import { insertMissingStock } from "../repositories/legacy-stock-repository.js";
import { planOrderHistory } from "../seed/order-history-plan.js";
import { planLegacyStock, seededSkuIds } from "../seed/plan.js";

const BATCH = 1_000;

export async function seedLegacy(prisma: LegacyPrisma): Promise<string> {
  const stock = planLegacyStock(seededSkuIds());
  let stockInserted = 0;
  for (let i = 0; i < stock.length; i += BATCH)
    stockInserted += await insertMissingStock(prisma, stock.slice(i, i + BATCH));
  const history = planOrderHistory();
  let ordersInserted = 0;
  for (let i = 0; i < history.length; i += BATCH)
    ordersInserted += await insertHistory(prisma, history.slice(i, i + BATCH));
  return (
    `${stock.length} legacy_stock rows planned, ${stockInserted} inserted; ` +
    `${history.length} legacy orders planned, ${ordersInserted} inserted`
  );
}
