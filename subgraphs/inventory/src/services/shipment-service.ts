// Shipments: PENDING (created when an order is confirmed) → SHIPPED → DELIVERED, or RETURNED
// after shipping, or CANCELLED with the order before it ships. Shipping takes the committed stock
// out of the warehouse (SHIPPED movements); a return puts it back on hand (RETURNED movements); a
// cancellation gives the allocation back (UNCOMMITTED). Each change emits inventory.shipment.updated.
import { inventoryEvents, type Outbox, type UserError, userError } from "@shopstream/kernel";
import type { InventoryTx } from "../db.js";
import type { Allocation } from "../domain/allocation.js";
import {
  createShipment,
  lockPendingShipmentsOfOrder,
  lockShipment,
  type ShipmentRecord,
  type ShipmentStatus,
  updateShipment,
} from "../repositories/shipment-repository.js";
import { lockVariantStock } from "../repositories/stock-level-repository.js";
import type { MovementRecorder } from "./movement-recorder.js";
import type { Transact } from "./transaction.js";

export interface ShipmentPayload {
  shipment: ShipmentRecord | null;
  userErrors: UserError[];
}

type ManualTransition = Exclude<ShipmentStatus, "PENDING" | "CANCELLED">;

const allowedFrom: Record<ManualTransition, ShipmentStatus[]> = {
  SHIPPED: ["PENDING"],
  DELIVERED: ["SHIPPED"],
  RETURNED: ["SHIPPED", "DELIVERED"],
};

export function createShipmentService(deps: { transact: Transact; outbox: Outbox; recorder: MovementRecorder }) {
  const announce = (tx: InventoryTx, shipment: ShipmentRecord) =>
    deps.outbox.enqueue(tx, inventoryEvents.shipmentUpdated, {
      subject: shipment.orderId,
      data: { shipmentId: shipment.id, orderId: shipment.orderId, status: shipment.status },
    });

  async function moveStock(
    tx: InventoryTx,
    shipment: ShipmentRecord,
    type: "SHIPPED" | "RETURNED" | "UNCOMMITTED",
    reason: string,
  ) {
    await lockVariantStock(
      tx,
      shipment.lines.map((line) => line.variantId),
    );
    for (const line of shipment.lines)
      await deps.recorder.record(tx, {
        ...line,
        warehouseId: shipment.warehouseId,
        type,
        orderId: shipment.orderId,
        shipmentId: shipment.id,
        reason,
      });
  }

  function transition(id: string, to: ManualTransition, reason?: string): Promise<ShipmentPayload> {
    return deps.transact(async (tx) => {
      const shipment = await lockShipment(tx, id);
      if (!shipment)
        return { shipment: null, userErrors: [userError("SHIPMENT_NOT_FOUND", "No shipment has this id.", ["id"])] };
      if (!allowedFrom[to].includes(shipment.status))
        return {
          shipment,
          userErrors: [userError("INVALID_TRANSITION", `A ${shipment.status} shipment cannot become ${to}.`, ["id"])],
        };
      const now = new Date();
      if (to === "SHIPPED") await moveStock(tx, shipment, "SHIPPED", "shipment shipped");
      if (to === "RETURNED") await moveStock(tx, shipment, "RETURNED", reason ?? "shipment returned");
      const updated = await updateShipment(tx, id, {
        status: to,
        ...(to === "SHIPPED" ? { shippedAt: now } : to === "DELIVERED" ? { deliveredAt: now } : { returnedAt: now }),
      });
      await announce(tx, updated);
      return { shipment: updated, userErrors: [] };
    });
  }

  return {
    /** One PENDING shipment per warehouse of the allocation; returns their ids. */
    async createForAllocations(tx: InventoryTx, orderId: string, allocations: Allocation[]): Promise<string[]> {
      const byWarehouse = new Map<string, { variantId: string; quantity: number }[]>();
      for (const { warehouseId, variantId, quantity } of allocations)
        byWarehouse.set(warehouseId, [...(byWarehouse.get(warehouseId) ?? []), { variantId, quantity }]);
      const ids: string[] = [];
      for (const [warehouseId, lines] of [...byWarehouse].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const shipment = await createShipment(tx, { orderId, warehouseId, lines });
        await announce(tx, shipment);
        ids.push(shipment.id);
      }
      return ids;
    },
    /**
     * Cancels the order's shipments that have not left yet and gives their stock back; shipments
     * already on their way stay as they are (a return brings that stock back). Returns how many.
     */
    async cancelUnshippedIn(tx: InventoryTx, orderId: string, reason: string): Promise<number> {
      const pending = await lockPendingShipmentsOfOrder(tx, orderId);
      const now = new Date();
      for (const shipment of pending) {
        await moveStock(tx, shipment, "UNCOMMITTED", reason);
        await announce(tx, await updateShipment(tx, shipment.id, { status: "CANCELLED", cancelledAt: now }));
      }
      return pending.length;
    },
    ship: (id: string) => transition(id, "SHIPPED"),
    deliver: (id: string) => transition(id, "DELIVERED"),
    markReturned: (id: string, reason?: string) => transition(id, "RETURNED", reason),
  };
}

export type ShipmentService = ReturnType<typeof createShipmentService>;
