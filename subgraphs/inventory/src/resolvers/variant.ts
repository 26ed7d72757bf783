// Variant (owned by the catalog) extended with availability for everyone and exact stock for
// inventory:read. The router will enforce @requiresScopes too; the resolver does not rely on it.
import { requireScope } from "@shopstream/kernel";
import type { InventoryContext } from "../context.js";
import { availabilityOf } from "../domain/availability.js";
import { availableOf } from "../domain/movements.js";

interface VariantRef {
  id: string;
}

export const Variant = {
  // Any id resolves: a variant the inventory never stocked is simply OUT_OF_STOCK.
  __resolveReference: (ref: VariantRef) => ({ id: ref.id }),

  async availability(variant: VariantRef, _args: unknown, ctx: InventoryContext) {
    const rows = await ctx.loaders.stockByVariant.load(variant.id);
    return availabilityOf(
      rows.reduce((sum, row) => sum + availableOf(row), 0),
      ctx.lowStockThreshold,
    );
  },

  async stock(variant: VariantRef, _args: unknown, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:read");
    const rows = await ctx.loaders.stockByVariant.load(variant.id);
    const total = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
    return {
      onHand: total((row) => row.onHand),
      reserved: total((row) => row.reserved),
      committed: total((row) => row.committed),
      available: total(availableOf),
      byWarehouse: rows,
    };
  },
};
