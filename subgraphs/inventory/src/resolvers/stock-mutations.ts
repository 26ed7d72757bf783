// receiveStock / adjustStock / transferStock (inventory:write). The payload's variant is the
// entity reference; Variant's resolvers load its stock after the change.
import { requireScope } from "@shopstream/kernel";
import type { InventoryContext } from "../context.js";
import type { StockPayload } from "../services/stock-service.js";

const toPayload = ({ variantId, userErrors }: StockPayload) => ({
  variant: variantId ? { id: variantId } : null,
  userErrors,
});

type Input<K extends keyof InventoryContext["services"]["stock"]> = Parameters<
  InventoryContext["services"]["stock"][K]
>[0];

export const stockMutations = {
  async receiveStock(_root: unknown, args: { input: Input<"receive"> }, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:write");
    return toPayload(await ctx.services.stock.receive(args.input));
  },
  async adjustStock(_root: unknown, args: { input: Input<"adjust"> }, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:write");
    return toPayload(await ctx.services.stock.adjust(args.input));
  },
  async transferStock(_root: unknown, args: { input: Input<"transfer"> }, ctx: InventoryContext) {
    requireScope(ctx.identity, "inventory:write");
    return toPayload(await ctx.services.stock.transfer(args.input));
  },
};
