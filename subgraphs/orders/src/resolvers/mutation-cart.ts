// Cart mutations: thin adapters from GraphQL input to the cart service.
import { requireUser } from "@shopstream/kernel";
import { cartOwner, type OrdersContext } from "../context.js";
import type { Address } from "../services/cart-service.js";
import type { ShippingMethod } from "../services/pricing.js";

type LineInput = { cartToken?: string | null; variantId: string; quantity: number };

export const cartMutations = {
  addToCart: (_: unknown, { input }: { input: LineInput }, ctx: OrdersContext) =>
    ctx.services.carts.addToCart(cartOwner(ctx.identity, input.cartToken), input.variantId, input.quantity),
  updateCartLine: (_: unknown, { input }: { input: LineInput }, ctx: OrdersContext) =>
    ctx.services.carts.updateCartLine(cartOwner(ctx.identity, input.cartToken), input.variantId, input.quantity),
  removeCartLine: (_: unknown, { input }: { input: Omit<LineInput, "quantity"> }, ctx: OrdersContext) =>
    ctx.services.carts.removeCartLine(cartOwner(ctx.identity, input.cartToken), input.variantId),
  setCheckoutDetails: (
    _: unknown,
    {
      input,
    }: {
      input: { cartToken?: string | null; shippingAddress?: Address | null; shippingMethod?: ShippingMethod | null };
    },
    ctx: OrdersContext,
  ) =>
    ctx.services.carts.setCheckoutDetails(
      cartOwner(ctx.identity, input.cartToken),
      input.shippingAddress,
      input.shippingMethod,
    ),
  mergeGuestCart: (_: unknown, args: { cartToken: string }, ctx: OrdersContext) =>
    ctx.services.carts.mergeGuestCart(requireUser(ctx.identity), args.cartToken),
};
