// Reads for staff screens that are not entity lookups: every warehouse, an order's shipments.
import type { InventoryPrisma } from "../db.js";
import { shipmentsByOrders } from "../repositories/shipment-repository.js";
import { listWarehouses } from "../repositories/warehouse-repository.js";

export function createInventoryQueries(prisma: InventoryPrisma) {
  return {
    warehouses: () => listWarehouses(prisma),
    shipmentsForOrder: (orderId: string) => shipmentsByOrders(prisma, [orderId]),
  };
}
