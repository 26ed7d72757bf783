// Reservations: one row per order (order_id is unique), with the allocation it holds.
import type { InventoryTx } from "../db.js";
import type { Allocation } from "../domain/allocation.js";

type ReservationStatus = "ACTIVE" | "COMMITTED" | "RELEASED" | "EXPIRED" | "REJECTED";

export interface ReservationRow {
  id: string;
  orderId: string;
  status: ReservationStatus;
  expiresAt: Date | null;
}

/**
 * Claims the order for a new reservation. Returns null when the order already has one (a
 * duplicate order.placed); concurrent claims of one order wait on the unique index.
 */
export async function claimReservation(
  tx: InventoryTx,
  claim: { id: string; orderId: string; status: ReservationStatus; expiresAt: Date | null },
): Promise<boolean> {
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO reservation (id, order_id, status, expires_at)
     VALUES ($1, $2, $3::reservation_status, $4::timestamptz) ON CONFLICT (order_id) DO NOTHING`,
    claim.id,
    claim.orderId,
    claim.status,
    claim.expiresAt,
  );
  return inserted === 1;
}

/** The order's reservation, row-locked until the transaction ends. */
export async function lockReservationByOrder(tx: InventoryTx, orderId: string): Promise<ReservationRow | null> {
  const rows = await tx.$queryRawUnsafe<ReservationRow[]>(
    `SELECT id, order_id AS "orderId", status::text AS status, expires_at AS "expiresAt"
     FROM reservation WHERE order_id = $1 FOR UPDATE`,
    orderId,
  );
  return rows[0] ?? null;
}

export async function setReservationStatus(tx: InventoryTx, id: string, status: ReservationStatus): Promise<void> {
  await tx.reservation.update({ where: { id }, data: { status, updatedAt: new Date() } });
}

export async function deleteAllocations(tx: InventoryTx, reservationId: string) {
  await tx.reservationAllocation.deleteMany({ where: { reservationId } });
}

export async function saveAllocations(tx: InventoryTx, reservationId: string, allocations: Allocation[]) {
  await tx.reservationAllocation.createMany({ data: allocations.map((a) => ({ reservationId, ...a })) });
}

export function allocationsOf(tx: InventoryTx, reservationId: string): Promise<Allocation[]> {
  return tx.reservationAllocation.findMany({
    where: { reservationId },
    select: { variantId: true, warehouseId: true, quantity: true },
    orderBy: [{ variantId: "asc" }, { warehouseId: "asc" }],
  });
}

/** Orders whose ACTIVE reservation expired at `now`, oldest first. */
export async function expiredReservationOrders(
  client: Pick<InventoryTx, "$queryRawUnsafe">,
  now: Date,
  limit: number,
): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ orderId: string }[]>(
    `SELECT order_id AS "orderId" FROM reservation
     WHERE status = 'ACTIVE' AND expires_at <= $1::timestamptz ORDER BY expires_at LIMIT $2::int`,
    now,
    limit,
  );
  return rows.map((row) => row.orderId);
}
