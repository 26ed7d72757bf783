// Subscription.orderStatusChanged: the owner's (or an orders:admin's) order, now and on every change.
import type { OrdersContext } from "../context.js";
import type { Order } from "../repositories/orders.js";

export const subscriptionResolvers = {
  orderStatusChanged: {
    subscribe: (_: unknown, args: { orderId: string }, ctx: OrdersContext) =>
      ctx.services.statusFeed.follow(ctx.identity, args.orderId),
    // One context lives as long as the subscription: each event reads with fresh loaders.
    resolve: (order: Order, _: unknown, ctx: OrdersContext) => {
      ctx.loaders = ctx.newLoaders();
      return order;
    },
  },
};
