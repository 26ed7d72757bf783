// The development seed (`npm run db:seed`): the monolith's legacy_stock rows for every seeded
// catalog variant. Deterministic and idempotent: rows that exist are left alone.
import type { LegacyPrisma } from "../db.js";
import { insertMissingStock } from "../repositories/legacy-stock-repository.js";
import { planLegacyStock, seededSkuIds } from "../seed/plan.js";

const BATCH = 1_000;

export async function seedLegacy(prisma: LegacyPrisma): Promise<string> {
  const plan = planLegacyStock(seededSkuIds());
  let inserted = 0;
  for (let i = 0; i < plan.length; i += BATCH) inserted += await insertMissingStock(prisma, plan.slice(i, i + BATCH));
  return `${plan.length} legacy_stock rows planned, ${inserted} inserted`;
}
