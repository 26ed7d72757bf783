// DataLoaders, built per request: one query per batch of variant ids / warehouses / shipments.
import DataLoader from "dataloader";
import type { InventoryPrisma } from "../db.js";
import { type ShipmentRecord, shipmentsByIds } from "../repositories/shipment-repository.js";
import { type StockRow, stockOfVariants } from "../repositories/stock-level-repository.js";
import { type WarehouseRecord, warehousesByIds } from "../repositories/warehouse-repository.js";

export function createLoaders(prisma: InventoryPrisma) {
  return {
    /** Stock rows of a variant, one per warehouse that ever stocked it (empty when unknown). */
    stockByVariant: new DataLoader<string, StockRow[]>(async (ids) => {
      const rows = await stockOfVariants(prisma, ids);
      return ids.map((id) => rows.filter((row) => row.variantId === id));
    }),
    warehouse: new DataLoader<string, WarehouseRecord | null>(async (ids) => {
      const byId = new Map((await warehousesByIds(prisma, ids)).map((w) => [w.id, w]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    shipment: new DataLoader<string, ShipmentRecord | null>(async (ids) => {
      const byId = new Map((await shipmentsByIds(prisma, ids)).map((s) => [s.id, s]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
