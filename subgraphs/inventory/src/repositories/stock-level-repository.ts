// stock_level (the projection) and stock_movement (the log) are written together by
// appendMovement, in ONE statement inside the caller's transaction.
import type { InventoryTx } from "../db.js";
import { type MovementType, movementDelta, type StockCounts } from "../domain/movements.js";

export interface LockedStockRow extends StockCounts {
  variantId: string;
  warehouseId: string;
  warehousePriority: number;
}

export interface NewMovement {
  variantId: string;
  warehouseId: string;
  type: MovementType;
  quantity: number;
  reason?: string | null;
  orderId?: string | null;
  reservationId?: string | null;
  shipmentId?: string | null;
}

export interface LevelAfterMovement extends StockCounts {
  movementId: string;
  /** Available units of the variant over all warehouses after the movement. */
  variantAvailable: number;
}

type Client = Pick<InventoryTx, "$queryRawUnsafe">;

const lockSql = `
  SELECT s.variant_id AS "variantId", s.warehouse_id AS "warehouseId", s.on_hand AS "onHand",
         s.reserved, s.committed, w.priority AS "warehousePriority"
  FROM stock_level s JOIN warehouse w ON w.id = s.warehouse_id
  WHERE s.variant_id = ANY($1::text[])
  ORDER BY s.variant_id, s.warehouse_id
  FOR UPDATE OF s`;

/**
 * Locks every stock row of the given variants, always in (variant id, warehouse id) order so
 * that concurrent transactions queue instead of deadlocking.
 */
export function lockVariantStock(tx: Client, variantIds: string[]): Promise<LockedStockRow[]> {
  return tx.$queryRawUnsafe<LockedStockRow[]>(lockSql, [...new Set(variantIds)].sort());
}

// UPDATE, not INSERT ... ON CONFLICT: PostgreSQL checks CHECK constraints on the proposed
// insert row before it detects the conflict, so a negative delta would always fail there. The
// movement row is inserted only when the level row was updated (same statement).
const appendSql = `
  WITH level AS (
    UPDATE stock_level s SET
      on_hand = s.on_hand + $9::int, reserved = s.reserved + $10::int, committed = s.committed + $11::int,
      updated_at = now()
    WHERE s.variant_id = $1::text AND s.warehouse_id = $2::text
    RETURNING s.on_hand, s.reserved, s.committed
  ), movement AS (
    INSERT INTO stock_movement (variant_id, warehouse_id, type, quantity, reason, order_id, reservation_id, shipment_id)
    SELECT $1::text, $2::text, $3::movement_type, $4::int, $5::text, $6::text, $7::text, $8::text FROM level
    RETURNING id
  )
  SELECT (SELECT id FROM movement)::text AS "movementId", level.on_hand AS "onHand", level.reserved, level.committed,
    (level.on_hand - level.reserved - level.committed + coalesce((
      SELECT sum(o.on_hand - o.reserved - o.committed) FROM stock_level o
      WHERE o.variant_id = $1::text AND o.warehouse_id <> $2::text), 0))::int AS "variantAvailable"
  FROM level`;

const ensureRowSql = `
  INSERT INTO stock_level (variant_id, warehouse_id) VALUES ($1::text, $2::text)
  ON CONFLICT (variant_id, warehouse_id) DO NOTHING`;

/**
 * Appends a movement and applies it to the projection. The CHECK constraints on stock_level
 * reject any movement that would make a count (or available) negative.
 */
export async function appendMovement(tx: Client, movement: NewMovement): Promise<LevelAfterMovement> {
  const delta = movementDelta(movement.type, movement.quantity);
  const params = [
    movement.variantId,
    movement.warehouseId,
    movement.type,
    movement.quantity,
    movement.reason ?? null,
    movement.orderId ?? null,
    movement.reservationId ?? null,
    movement.shipmentId ?? null,
    delta.onHand,
    delta.reserved,
    delta.committed,
  ];
  const [level] = await tx.$queryRawUnsafe<LevelAfterMovement[]>(appendSql, ...params);
  if (level) return level;
  // First movement of this variant in this warehouse: create the zero row, then apply.
  await tx.$queryRawUnsafe(ensureRowSql, movement.variantId, movement.warehouseId);
  const [created] = await tx.$queryRawUnsafe<LevelAfterMovement[]>(appendSql, ...params);
  return created!;
}

export interface StockRow extends StockCounts {
  variantId: string;
  warehouseId: string;
}

/** Current stock rows of many variants (no locks), for the GraphQL loaders. */
export function stockOfVariants(client: Client, variantIds: readonly string[]): Promise<StockRow[]> {
  return client.$queryRawUnsafe<StockRow[]>(
    `SELECT variant_id AS "variantId", warehouse_id AS "warehouseId", on_hand AS "onHand", reserved, committed
     FROM stock_level WHERE variant_id = ANY($1::text[]) ORDER BY variant_id, warehouse_id`,
    [...variantIds],
  );
}
