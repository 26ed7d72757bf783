// Shipment status changes (inventory:write); each emits inventory.shipment.updated.
import { requireScope } from "@shopstream/kernel";
import type { InventoryContext } from "../context.js";

export const shipmentMutations = {
  shipShipment(_root: unknown, args: { id: string }, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:write");
    return ctx.services.shipments.ship(args.id);
  },
  deliverShipment(_root: unknown, args: { id: string }, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:write");
    return ctx.services.shipments.deliver(args.id);
  },
  returnShipment(_root: unknown, args: { id: string; reason?: string | null }, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:write");
    return ctx.services.shipments.markReturned(args.id, args.reason ?? undefined);
  },
};
