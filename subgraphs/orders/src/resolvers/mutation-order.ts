// placeOrder and the admin cancelOrder.
import { requireScope } from "@shopstream/kernel";
import { cartOwner, type OrdersContext } from "../context.js";
import { ADMIN_SCOPE } from "../services/order-query-service.js";

const withOrder = async (ctx: OrdersContext, result: { orderId: string | null; userErrors: unknown[] }) => ({
  order: result.orderId ? await ctx.services.queries.byId(result.orderId) : null,
  userErrors: result.userErrors,
});

export const orderMutations = {
  placeOrder: async (
    _: unknown,
    { input }: { input: { idempotencyKey: string; cartToken?: string | null; paymentToken: string } },
    ctx: OrdersContext,
  ) => withOrder(ctx, await ctx.services.checkout.placeOrder(cartOwner(ctx.identity, input.cartToken), input)),
  cancelOrder: async (_: unknown, args: { id: string; note?: string | null }, ctx: OrdersContext) => {
    requireScope(ctx.identity, ADMIN_SCOPE);
    return withOrder(ctx, await ctx.services.admin.cancel(args.id, args.note));
  },
};
