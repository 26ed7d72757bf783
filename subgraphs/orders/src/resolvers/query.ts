// Query.order and Query.cart.
import { cartOwner, type OrdersContext } from "../context.js";

export const queryResolvers = {
  order: (_: unknown, args: { id: string }, ctx: OrdersContext) => ctx.services.queries.order(ctx.identity, args.id),
  cart: (_: unknown, args: { cartToken?: string | null }, ctx: OrdersContext) => {
    const owner = cartOwner(ctx.identity, args.cartToken);
    return owner ? ctx.services.carts.get(owner) : null;
  },
};
