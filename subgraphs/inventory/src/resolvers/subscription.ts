// Subscription.stockChanged: a variant each time its public availability changes.
import type { InventoryContext } from "../context.js";

export const Subscription = {
  stockChanged: {
    subscribe: (_: unknown, args: { variantIds: string[] }, ctx: InventoryContext) =>
      ctx.services.stockFeed.watch(args.variantIds),
    // One context lives as long as the subscription: each event reads with fresh loaders.
    resolve: (variant: { id: string }, _: unknown, ctx: InventoryContext) => {
      ctx.loaders = ctx.newLoaders();
      return variant;
    },
  },
};
