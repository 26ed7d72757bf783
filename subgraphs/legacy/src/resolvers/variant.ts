// Variant as the monolith saw it. Any id resolves: a SKU it never stocked is OUT_OF_STOCK.
import type { LegacyContext } from "../context.js";
import { legacyAvailability } from "../services/legacy-availability.js";

interface VariantRef {
  id: string;
}

export const Variant = {
  __resolveReference: (ref: VariantRef) => ({ id: ref.id }),
  availability: async (variant: VariantRef, _args: unknown, ctx: LegacyContext) =>
    legacyAvailability(await ctx.loaders.stockBySku.load(variant.id), ctx.lowStockAt),
};
