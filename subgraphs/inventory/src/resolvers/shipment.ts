// Shipment entity and its lines.
import type { InventoryContext } from "../context.js";
import type { ShipmentRecord } from "../repositories/shipment-repository.js";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const Shipment = {
  __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.shipment.load(ref.id),
  warehouse: (shipment: ShipmentRecord, _args: unknown, ctx: InventoryContext) =>
    ctx.loaders.warehouse.load(shipment.warehouseId),
  lines: (shipment: ShipmentRecord) =>
    shipment.lines.map((line) => ({ variant: { id: line.variantId }, quantity: line.quantity })),
  createdAt: (shipment: ShipmentRecord) => iso(shipment.createdAt),
  shippedAt: (shipment: ShipmentRecord) => iso(shipment.shippedAt),
  deliveredAt: (shipment: ShipmentRecord) => iso(shipment.deliveredAt),
  returnedAt: (shipment: ShipmentRecord) => iso(shipment.returnedAt),
  cancelledAt: (shipment: ShipmentRecord) => iso(shipment.cancelledAt),
};
