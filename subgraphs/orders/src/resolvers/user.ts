// User entity extension: a user's order history and cart (the user themself or orders:admin).

import type { OrdersContext } from "../context.js";
import { assertSelfOrAdmin } from "../services/order-query-service.js";

export const userResolvers = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  orders: (user: { id: string }, args: { first: number; after?: string | null }, ctx: OrdersContext) =>
    ctx.services.queries.userOrders(ctx.identity, user.id, args.first, args.after),
  cart: (user: { id: string }, _: unknown, ctx: OrdersContext) => {
    assertSelfOrAdmin(ctx.identity, user.id);
    return ctx.services.carts.get({ userId: user.id });
  },
};
