// `npx tsx scripts/db.ts seed legacy`: the monolith's legacy_stock rows for every seeded catalog
// variant. Deterministic and idempotent: rows that exist are left alone, so a second run writes nothing.
import { createPrisma } from "./db.js";
import { parseLegacyEnv } from "./env.js";
import { insertMissingStock } from "./repositories/legacy-stock-repository.js";
import { planLegacyStock, seededSkuIds } from "./seed/plan.js";

const BATCH = 1_000;

const prisma = createPrisma(parseLegacyEnv());
try {
  const plan = planLegacyStock(seededSkuIds());
  let inserted = 0;
  for (let i = 0; i < plan.length; i += BATCH) inserted += await insertMissingStock(prisma, plan.slice(i, i + BATCH));
  console.log(`[seed] legacy: ${plan.length} legacy_stock rows planned, ${inserted} inserted`);
} finally {
  await prisma.$disconnect();
}
