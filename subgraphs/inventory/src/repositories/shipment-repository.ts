// Shipments: one per order and warehouse, with the lines packed there.
import type { InventoryPrisma, InventoryTx } from "../db.js";

export type ShipmentStatus = "PENDING" | "SHIPPED" | "DELIVERED" | "RETURNED" | "CANCELLED";

export interface ShipmentRecord {
  id: string;
  orderId: string;
  warehouseId: string;
  status: ShipmentStatus;
  createdAt: Date;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  returnedAt: Date | null;
  cancelledAt: Date | null;
  lines: { variantId: string; quantity: number }[];
}

const withLines = { lines: { select: { variantId: true, quantity: true }, orderBy: { variantId: "asc" as const } } };

export function createShipment(
  tx: InventoryTx,
  shipment: { orderId: string; warehouseId: string; lines: { variantId: string; quantity: number }[] },
): Promise<ShipmentRecord> {
  return tx.shipment.create({
    data: { orderId: shipment.orderId, warehouseId: shipment.warehouseId, lines: { create: shipment.lines } },
    include: withLines,
  });
}

/** Row-locks the shipment so that two status changes of one shipment serialize. */
export async function lockShipment(tx: InventoryTx, id: string): Promise<ShipmentRecord | null> {
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>("SELECT id FROM shipment WHERE id = $1 FOR UPDATE", id);
  if (locked.length === 0) return null;
  return tx.shipment.findUnique({ where: { id }, include: withLines });
}

export function updateShipment(
  tx: InventoryTx,
  id: string,
  data: { status: ShipmentStatus; shippedAt?: Date; deliveredAt?: Date; returnedAt?: Date; cancelledAt?: Date },
): Promise<ShipmentRecord> {
  return tx.shipment.update({ where: { id }, data, include: withLines });
}

export function shipmentsByIds(prisma: InventoryPrisma, ids: readonly string[]): Promise<ShipmentRecord[]> {
  return prisma.shipment.findMany({ where: { id: { in: [...ids] } }, include: withLines });
}

export function shipmentsByOrders(prisma: InventoryPrisma, orderIds: readonly string[]): Promise<ShipmentRecord[]> {
  return prisma.shipment.findMany({
    where: { orderId: { in: [...orderIds] } },
    include: withLines,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Row-locks the order's shipments still waiting to ship, in id order (the order every locker uses). */
export async function lockPendingShipmentsOfOrder(tx: InventoryTx, orderId: string): Promise<ShipmentRecord[]> {
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
    "SELECT id FROM shipment WHERE order_id = $1 AND status = 'PENDING' ORDER BY id FOR UPDATE",
    orderId,
  );
  if (locked.length === 0) return [];
  return tx.shipment.findMany({
    where: { id: { in: locked.map((row) => row.id) } },
    include: withLines,
    orderBy: { id: "asc" },
  });
}
