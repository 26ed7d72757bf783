// User.orders: a customer's order history as the monolith has it.
import type { LegacyContext } from "../context.js";

export const User = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  orders: (user: { id: string }, args: { first: number; after?: string | null }, ctx: LegacyContext) =>
    ctx.orderHistory.userOrders(ctx.identity, user.id, args.first, args.after),
};
