// Root query fields: warehouses and shipments, for staff with inventory:read.
import { requireScope } from "@shopstream/kernel";
import type { InventoryContext } from "../context.js";

export const Query = {
  warehouses(_root: unknown, _args: unknown, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:read");
    return ctx.services.queries.warehouses();
  },
  shipment(_root: unknown, args: { id: string }, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:read");
    return ctx.loaders.shipment.load(args.id);
  },
  shipmentsForOrder(_root: unknown, args: { orderId: string }, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:read");
    return ctx.services.queries.shipmentsForOrder(args.orderId);
  },
};
