// Orders imported from the monolith (Prisma's raw SQL: a batch of hundreds per statement). An
// import only ever moves forward: a row is rewritten only by a newer capture of the monolith
// (external_version), so the backfill (version 0) never overwrites what change capture wrote and
// running it twice writes nothing the second time. Timeline entries are appended, never rewritten.
import { legacyEvents } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import type { ImportedOrder } from "../services/legacy-order-mapping.js";

const upsertOrdersSql = `
  INSERT INTO "order" AS o (id, owner_key, user_id, idempotency_key, status, cancel_reason, currency, subtotal,
    shipping, tax, total, shipping_method, shipping_address, placed_at, updated_at, external_ref, external_version)
  SELECT i.id, 'user:' || i."userId", i."userId", 'legacy:' || i."externalRef", i.status::order_status,
    i."cancelReason", i.currency, i.subtotal, i.shipping, i.tax, i.total, i."shippingMethod"::shipping_method,
    i."shippingAddress", i."placedAt", now(), i."externalRef", i."externalVersion"
  FROM jsonb_to_recordset($1::jsonb) AS i(id text, "userId" text, status text, "cancelReason" text, currency text,
    subtotal int, shipping int, tax int, total int, "shippingMethod" text, "shippingAddress" jsonb,
    "placedAt" timestamptz, "externalRef" text, "externalVersion" bigint)
  ON CONFLICT (external_ref) DO UPDATE SET owner_key = EXCLUDED.owner_key, user_id = EXCLUDED.user_id,
    status = EXCLUDED.status, cancel_reason = EXCLUDED.cancel_reason, currency = EXCLUDED.currency,
    subtotal = EXCLUDED.subtotal, shipping = EXCLUDED.shipping, tax = EXCLUDED.tax, total = EXCLUDED.total,
    shipping_method = EXCLUDED.shipping_method, shipping_address = EXCLUDED.shipping_address,
    placed_at = EXCLUDED.placed_at, updated_at = now(), external_version = EXCLUDED.external_version
  WHERE o.external_version < EXCLUDED.external_version
  RETURNING o.id, (xmax = 0) AS inserted`;

const deleteLinesSql = `DELETE FROM order_line WHERE order_id = ANY($1::text[])`;

const insertLinesSql = `
  INSERT INTO order_line (order_id, variant_id, product_id, sku, product_name, quantity, unit_price)
  SELECT l."orderId", l."variantId", l."productId", l.sku, l."productName", l.quantity, l."unitPrice"
  FROM jsonb_to_recordset($1::jsonb) AS l("orderId" text, "variantId" text, "productId" text, sku text,
    "productName" text, quantity int, "unitPrice" int)
  WHERE l."orderId" = ANY($2::text[])`;

const appendTimelineSql = `
  INSERT INTO order_timeline_entry (order_id, kind, detail, at)
  SELECT t."orderId", t.kind, t.detail, t.at
  FROM jsonb_to_recordset($1::jsonb) AS t("orderId" text, kind text, detail text, at timestamptz)`;

const monolithStatus = (order: ImportedOrder) => legacyEvents.legacyStatusDetail(order.monolithStatus);

/** Writes what is new or newer; returns how many orders were inserted and how many updated. */
export async function writeImportedOrders(tx: OrdersTx, orders: readonly ImportedOrder[]) {
  if (orders.length === 0) return { inserted: 0, updated: 0 };
  const written = await tx.$queryRawUnsafe<{ id: string; inserted: boolean }[]>(
    upsertOrdersSql,
    JSON.stringify(orders),
  );
  if (written.length === 0) return { inserted: 0, updated: 0 };
  const ids = written.map((row) => row.id);
  const isNew = new Set(written.filter((row) => row.inserted).map((row) => row.id));
  const byId = new Map(orders.map((order) => [order.id, order]));
  const lines = orders.flatMap((order) => order.lines.map((line) => ({ ...line, orderId: order.id })));
  await tx.$executeRawUnsafe(deleteLinesSql, ids);
  await tx.$executeRawUnsafe(insertLinesSql, JSON.stringify(lines), ids);
  const timeline = ids.flatMap((id) => {
    const order = byId.get(id)!;
    const status = { orderId: id, kind: "LEGACY_STATUS", detail: monolithStatus(order), at: order.modifiedAt };
    return isNew.has(id)
      ? [{ orderId: id, kind: "PLACED", detail: legacyEvents.legacyPlacedDetail, at: order.placedAt }, status]
      : [status];
  });
  await tx.$executeRawUnsafe(appendTimelineSql, JSON.stringify(timeline));
  return { inserted: isNew.size, updated: ids.length - isNew.size };
}

/** Where the named backfill run got to (the last monolith order number it committed), or null. */
export async function readCheckpoint(tx: OrdersTx, run: string) {
  return tx.legacyBackfillCheckpoint.findUnique({ where: { run } });
}

export async function saveCheckpoint(
  tx: OrdersTx,
  run: string,
  lastOrderNo: number,
  imported: number,
  skipped: number,
) {
  await tx.legacyBackfillCheckpoint.upsert({
    where: { run },
    create: { run, lastOrderNo, imported, skipped },
    update: { lastOrderNo, imported: { increment: imported }, skipped: { increment: skipped } },
  });
}

export async function deleteCheckpoint(tx: OrdersTx, run: string) {
  await tx.legacyBackfillCheckpoint.deleteMany({ where: { run } });
}
