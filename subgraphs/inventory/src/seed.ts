// `npx tsx scripts/db.ts seed inventory`: three warehouses and stock for every seeded catalog
// variant, written as RECEIVED movements (reason "seed") through the normal movement path, so
// the projection, the log and the inventory.stock events agree. Idempotent: a (variant,
// warehouse) that already has its seed movement is skipped, so a second run writes nothing.
import { createPrisma } from "./db.js";
import { parseInventoryEnv } from "./env.js";
import { upsertWarehouse } from "./repositories/warehouse-repository.js";
import { planStock, seededVariantIds, seedWarehouses } from "./seed/plan.js";
import { createServices } from "./services/index.js";

const SEED_REASON = "seed";
const BATCH = 500;

const env = parseInventoryEnv();
const prisma = createPrisma(env);
try {
  for (const warehouse of seedWarehouses) await upsertWarehouse(prisma, warehouse);
  const services = createServices(prisma, { lowStockThreshold: env.LOW_STOCK_THRESHOLD, reservationTtlMs: 0 });
  const done = new Set(
    (
      await prisma.stockMovement.findMany({
        where: { reason: SEED_REASON, type: "RECEIVED" },
        select: { variantId: true, warehouseId: true },
      })
    ).map((m) => `${m.variantId}|${m.warehouseId}`),
  );
  const todo = planStock(seededVariantIds()).filter((s) => !done.has(`${s.variantId}|${s.warehouseId}`));
  for (let i = 0; i < todo.length; i += BATCH)
    await services.transact(async (tx) => {
      for (const stock of todo.slice(i, i + BATCH))
        await services.recorder.record(tx, { ...stock, type: "RECEIVED", reason: SEED_REASON });
    });
  console.log(
    `[seed] inventory: ${seedWarehouses.length} warehouses, ${todo.length} stock rows received (${done.size} already seeded)`,
  );
} finally {
  await prisma.$disconnect();
}
