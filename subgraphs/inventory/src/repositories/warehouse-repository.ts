// Warehouses: few, rarely changed.
import type { InventoryPrisma, InventoryTx } from "../db.js";

export interface WarehouseRecord {
  id: string;
  code: string;
  name: string;
  priority: number;
}

const fields = { id: true, code: true, name: true, priority: true } as const;

export function listWarehouses(client: InventoryPrisma | InventoryTx): Promise<WarehouseRecord[]> {
  return client.warehouse.findMany({ select: fields, orderBy: [{ priority: "asc" }, { id: "asc" }] });
}

export function warehousesByIds(client: InventoryPrisma | InventoryTx, ids: readonly string[]) {
  return client.warehouse.findMany({ select: fields, where: { id: { in: [...ids] } } });
}

export function upsertWarehouse(client: InventoryPrisma | InventoryTx, warehouse: WarehouseRecord) {
  const { id, ...rest } = warehouse;
  return client.warehouse.upsert({ where: { id }, create: warehouse, update: rest, select: fields });
}
