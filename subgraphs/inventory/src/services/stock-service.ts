// Admin stock operations (scope inventory:write is checked by the resolvers). Expected failures
// are userErrors and write nothing; success writes movements (and their events) in one transaction.
import { type UserError, userError } from "@shopstream/kernel";
import type { InventoryTx } from "../db.js";
import { availableOf } from "../domain/movements.js";
import { lockVariantStock } from "../repositories/stock-level-repository.js";
import { warehousesByIds } from "../repositories/warehouse-repository.js";
import type { MovementRecorder } from "./movement-recorder.js";
import type { Transact } from "./transaction.js";

export interface StockPayload {
  variantId: string | null;
  userErrors: UserError[];
}

const MAX_QUANTITY = 1_000_000;

const failed = (...userErrors: UserError[]): StockPayload => ({ variantId: null, userErrors });

function checkQuantity(quantity: number, field: string, allowNegative = false): UserError | null {
  const ok = Number.isInteger(quantity) && quantity !== 0 && Math.abs(quantity) <= MAX_QUANTITY;
  if (!ok || (!allowNegative && quantity < 0))
    return userError(
      "INVALID_QUANTITY",
      `${field} must be a${allowNegative ? " non-zero" : " positive"} whole number up to ${MAX_QUANTITY}.`,
      ["input", field],
    );
  return null;
}

async function missingWarehouses(tx: InventoryTx, fields: Record<string, string>): Promise<UserError[]> {
  const found = new Set((await warehousesByIds(tx, Object.values(fields))).map((w) => w.id));
  return Object.entries(fields)
    .filter(([, id]) => !found.has(id))
    .map(([field, id]) => userError("WAREHOUSE_NOT_FOUND", `No warehouse has id "${id}".`, ["input", field]));
}

/** Available units of one variant in one warehouse, after locking the variant's stock rows. */
async function lockedAvailable(tx: InventoryTx, variantId: string, warehouseId: string) {
  const rows = await lockVariantStock(tx, [variantId]);
  const row = rows.find((r) => r.warehouseId === warehouseId);
  return row ? availableOf(row) : 0;
}

export function createStockService(deps: { transact: Transact; recorder: MovementRecorder }) {
  const { recorder } = deps;
  return {
    receive(input: { variantId: string; warehouseId: string; quantity: number; reason?: string | null }) {
      const invalid = checkQuantity(input.quantity, "quantity");
      if (invalid) return Promise.resolve(failed(invalid));
      if (!input.variantId.trim())
        return Promise.resolve(failed(userError("VALIDATION", "variantId is required.", ["input", "variantId"])));
      return deps.transact(async (tx): Promise<StockPayload> => {
        const missing = await missingWarehouses(tx, { warehouseId: input.warehouseId });
        if (missing.length > 0) return failed(...missing);
        await recorder.record(tx, { ...input, type: "RECEIVED", reason: input.reason?.trim() || "received" });
        return { variantId: input.variantId, userErrors: [] };
      });
    },

    /** Corrects on hand by a signed delta (stock count, damage); cannot take away held stock. */
    adjust(input: { variantId: string; warehouseId: string; delta: number; reason: string }) {
      const invalid = checkQuantity(input.delta, "delta", true);
      if (invalid) return Promise.resolve(failed(invalid));
      if (!input.reason.trim())
        return Promise.resolve(
          failed(userError("REASON_REQUIRED", "An adjustment needs a reason.", ["input", "reason"])),
        );
      return deps.transact(async (tx): Promise<StockPayload> => {
        const missing = await missingWarehouses(tx, { warehouseId: input.warehouseId });
        if (missing.length > 0) return failed(...missing);
        const available = await lockedAvailable(tx, input.variantId, input.warehouseId);
        if (available + input.delta < 0)
          return failed(
            userError("INSUFFICIENT_STOCK", `Only ${available} units are available to adjust away.`, [
              "input",
              "delta",
            ]),
          );
        await recorder.record(tx, {
          variantId: input.variantId,
          warehouseId: input.warehouseId,
          type: "ADJUSTED",
          quantity: input.delta,
          reason: input.reason.trim(),
        });
        return { variantId: input.variantId, userErrors: [] };
      });
    },

    /** Moves available units between warehouses: two ADJUSTED movements in one transaction. */
    transfer(input: {
      variantId: string;
      fromWarehouseId: string;
      toWarehouseId: string;
      quantity: number;
      reason?: string | null;
    }) {
      const invalid = checkQuantity(input.quantity, "quantity");
      if (invalid) return Promise.resolve(failed(invalid));
      if (input.fromWarehouseId === input.toWarehouseId)
        return Promise.resolve(
          failed(userError("VALIDATION", "Source and destination must differ.", ["input", "toWarehouseId"])),
        );
      return deps.transact(async (tx): Promise<StockPayload> => {
        const missing = await missingWarehouses(tx, {
          fromWarehouseId: input.fromWarehouseId,
          toWarehouseId: input.toWarehouseId,
        });
        if (missing.length > 0) return failed(...missing);
        const available = await lockedAvailable(tx, input.variantId, input.fromWarehouseId);
        if (available < input.quantity)
          return failed(
            userError("INSUFFICIENT_STOCK", `Only ${available} units are available to transfer.`, [
              "input",
              "quantity",
            ]),
          );
        const reason = `transfer ${input.fromWarehouseId} -> ${input.toWarehouseId}${input.reason?.trim() ? `: ${input.reason.trim()}` : ""}`;
        const base = { variantId: input.variantId, type: "ADJUSTED" as const, reason };
        await recorder.record(tx, { ...base, warehouseId: input.fromWarehouseId, quantity: -input.quantity });
        await recorder.record(tx, { ...base, warehouseId: input.toWarehouseId, quantity: input.quantity });
        return { variantId: input.variantId, userErrors: [] };
      });
    },
  };
}

export type StockService = ReturnType<typeof createStockService>;
