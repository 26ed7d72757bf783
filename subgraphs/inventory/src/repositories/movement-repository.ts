// Reads of the movement log for the projection rebuild (keyset pages, oldest first).
import type { InventoryTx } from "../db.js";
import type { MovementType, StockCounts } from "../domain/movements.js";

/** Keeps writers off the projection while a rebuild replaces it. */
export const lockProjection = (tx: InventoryTx) => tx.$executeRawUnsafe("LOCK TABLE stock_level IN EXCLUSIVE MODE");

export interface MovementRow {
  id: bigint;
  variantId: string;
  warehouseId: string;
  type: MovementType;
  quantity: number;
}

export function movementPage(
  tx: InventoryTx,
  afterId: bigint,
  size: number,
  variantIds: string[] | null,
): Promise<MovementRow[]> {
  return tx.$queryRawUnsafe<MovementRow[]>(
    `SELECT id, variant_id AS "variantId", warehouse_id AS "warehouseId", type::text AS type, quantity
     FROM stock_movement WHERE id > $1::bigint AND ($3::text[] IS NULL OR variant_id = ANY($3::text[]))
     ORDER BY id LIMIT $2::int`,
    afterId,
    size,
    variantIds,
  );
}

export interface ProjectionRow extends StockCounts {
  variantId: string;
  warehouseId: string;
}

export function projectionRows(tx: InventoryTx, variantIds: string[] | null): Promise<ProjectionRow[]> {
  return tx.$queryRawUnsafe<ProjectionRow[]>(
    `SELECT variant_id AS "variantId", warehouse_id AS "warehouseId", on_hand AS "onHand", reserved, committed
     FROM stock_level WHERE ($1::text[] IS NULL OR variant_id = ANY($1::text[]))`,
    variantIds,
  );
}

export async function writeProjectionRow(tx: InventoryTx, row: ProjectionRow): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO stock_level (variant_id, warehouse_id, on_hand, reserved, committed, updated_at)
     VALUES ($1, $2, $3::int, $4::int, $5::int, now())
     ON CONFLICT (variant_id, warehouse_id) DO UPDATE SET
       on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, committed = EXCLUDED.committed, updated_at = now()`,
    row.variantId,
    row.warehouseId,
    row.onHand,
    row.reserved,
    row.committed,
  );
}

export async function deleteProjectionRow(tx: InventoryTx, row: { variantId: string; warehouseId: string }) {
  await tx.$executeRawUnsafe(
    "DELETE FROM stock_level WHERE variant_id = $1 AND warehouse_id = $2",
    row.variantId,
    row.warehouseId,
  );
}

/** "variantId|warehouseId" of every movement of this type and reason (the seed's done-list). */
export async function movementKeysWith(
  db: Pick<InventoryTx, "stockMovement">,
  type: MovementType,
  reason: string,
): Promise<Set<string>> {
  const rows = await db.stockMovement.findMany({
    where: { reason, type },
    select: { variantId: true, warehouseId: true },
  });
  return new Set(rows.map((row) => `${row.variantId}|${row.warehouseId}`));
}
