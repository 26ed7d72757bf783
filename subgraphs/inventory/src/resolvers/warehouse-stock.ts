// One warehouse's row of a variant's stock.
import type { InventoryContext } from "../context.js";
import { availableOf } from "../domain/movements.js";
import type { StockRow } from "../repositories/stock-level-repository.js";

export const WarehouseStock = {
  warehouse: (row: StockRow, _args: unknown, ctx: InventoryContext) => ctx.loaders.warehouse.load(row.warehouseId),
  available: (row: StockRow) => availableOf(row),
};
