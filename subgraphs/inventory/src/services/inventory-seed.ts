// The development seed (`npm run db:seed`): three warehouses and stock for every seeded catalog
// variant, written as RECEIVED movements (reason "seed") through the normal movement path, so
// the projection, the log and the inventory.stock events agree. Idempotent: a (variant,
// warehouse) that already has its seed movement is skipped, so a second run writes nothing.
import type { InventoryPrisma } from "../db.js";
import { movementKeysWith } from "../repositories/movement-repository.js";
import { upsertWarehouse } from "../repositories/warehouse-repository.js";
import { planStock, seededVariantIds, seedWarehouses } from "../seed/plan.js";
import type { InventoryServices } from "./index.js";

const SEED_REASON = "seed";
const BATCH = 500;

export async function seedInventory(prisma: InventoryPrisma, services: InventoryServices): Promise<string> {
  for (const warehouse of seedWarehouses) await upsertWarehouse(prisma, warehouse);
  const done = await movementKeysWith(prisma, "RECEIVED", SEED_REASON);
  const todo = planStock(seededVariantIds()).filter((s) => !done.has(`${s.variantId}|${s.warehouseId}`));
  for (let i = 0; i < todo.length; i += BATCH)
    await services.transact(async (tx) => {
      for (const stock of todo.slice(i, i + BATCH))
        await services.recorder.record(tx, { ...stock, type: "RECEIVED", reason: SEED_REASON });
    });
  return `${seedWarehouses.length} warehouses, ${todo.length} stock rows received (${done.size} already seeded)`;
}
