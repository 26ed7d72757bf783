// DataLoaders, built per request: one query per batch of variant ids.
import DataLoader from "dataloader";
import type { LegacyPrisma } from "../db.js";
import { type LegacyStockRow, stockOfSkus } from "../repositories/legacy-stock-repository.js";

export function createLoaders(prisma: LegacyPrisma) {
  return {
    /** The SKU's legacy_stock row, or undefined when the monolith never stocked it. */
    stockBySku: new DataLoader<string, LegacyStockRow | undefined>(async (ids) => {
      const byId = new Map((await stockOfSkus(prisma, ids)).map((row) => [row.skuId, row]));
      return ids.map((id) => byId.get(id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
