// Shared set-up for integration tests against the real inventory database: the service built by
// the kernel runtime (not serving). Tests create their
// own variants (unique ids) and orders, and assert only on those rows.
import { createLogger, orderEvents, signIdentityHeaders } from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";
import { buildTestService } from "@shopstream/testkit";
import { inventoryService } from "../../src/app.js";
import type { InventoryPrisma } from "../../src/db.js";
import { upsertWarehouse } from "../../src/repositories/warehouse-repository.js";
import { seedWarehouses } from "../../src/seed/plan.js";

export const logger = createLogger("inventory-test", "silent");

export async function createFixture(overrides: Record<string, string> = {}) {
  const built = await buildTestService(inventoryService, {
    env: { PG_POOL_MAX: "20", LOW_STOCK_THRESHOLD: "5", ...overrides },
  });
  const { env, db: prisma, services, parts: app } = built;
  for (const warehouse of seedWarehouses) await upsertWarehouse(prisma, warehouse);
  return {
    env,
    prisma,
    app,
    services,
    newVariant: () => uniqueName("test-variant"),
    newOrder: () => uniqueName("test-order"),
    async receive(variantId: string, warehouseId: string, quantity: number) {
      const result = await services.stock.receive({ variantId, warehouseId, quantity });
      if (result.userErrors.length > 0) throw new Error(JSON.stringify(result.userErrors));
    },
    stockRows: (variantId: string) => stockRows(prisma, variantId),
    outboxEvents: (type: string, subject: string) => outboxEvents(prisma, type, subject),
    close: () => built.stop("test done"),
  };
}

export type Fixture = Awaited<ReturnType<typeof createFixture>>;

export function stockRows(prisma: InventoryPrisma, variantId: string) {
  return prisma.$queryRawUnsafe<
    { warehouseId: string; onHand: number; reserved: number; committed: number; available: number }[]
  >(
    `SELECT warehouse_id AS "warehouseId", on_hand AS "onHand", reserved, committed,
            on_hand - reserved - committed AS available
     FROM stock_level WHERE variant_id = $1 ORDER BY warehouse_id`,
    variantId,
  );
}

export async function outboxEvents(prisma: InventoryPrisma, type: string, subject: string) {
  const rows = await prisma.$queryRawUnsafe<{ payload: { data: Record<string, unknown> } }[]>(
    "SELECT payload FROM outbox_event WHERE type = $1 AND key = $2 ORDER BY id",
    type,
    subject,
  );
  return rows.map((row) => row.payload.data);
}

export const orderLine = (variantId: string, quantity: number) => ({
  variantId,
  productId: "test-product",
  sku: `SKU-${variantId}`,
  quantity,
  unitPrice: { amount: 1000, currency: "EUR" },
});

export function placedEvent(orderId: string, lines: ReturnType<typeof orderLine>[]) {
  return orderEvents.orderPlaced.create({
    source: "orders",
    subject: orderId,
    data: { orderId, userId: null, lines, total: { amount: 1000, currency: "EUR" } },
  });
}

export const identityHeaders = (scopes: string[], secret: string) =>
  signIdentityHeaders({ userId: "test-user", sessionId: "test-session", scopes }, secret);
