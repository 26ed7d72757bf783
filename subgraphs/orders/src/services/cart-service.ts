// Cart rules: lines are validated against the local read model (active product, known price,
// one currency per cart); quantities 1..99. A guest's cart merges into the user's on sign-in.
import { randomBytes } from "node:crypto";
import { type UserError, userError } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import * as carts from "../repositories/carts.js";
import { findVariants } from "../repositories/product-variants.js";
import { type CartView, viewCart } from "./cart-view.js";
import type { ServiceDeps } from "./deps.js";
import type { ShippingMethod } from "./pricing.js";

export const MAX_LINE_QUANTITY = 99;

export interface CartResult {
  cart: CartView | null;
  userErrors: UserError[];
  notices: string[];
}

export interface Address {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  country: string;
}

const fail = (...userErrors: UserError[]): CartResult => ({ cart: null, userErrors, notices: [] });
const newGuestToken = () => `cart_${randomBytes(18).toString("base64url")}`;

export function createCartService(deps: ServiceDeps) {
  const { prisma } = deps;
  const view = async (tx: OrdersTx, owner: carts.CartOwner, notices: string[] = []): Promise<CartResult> => {
    const cart = await carts.findCart(tx, owner);
    return { cart: cart ? await viewCart(tx, cart, deps.pricing) : null, userErrors: [], notices };
  };

  async function validateVariant(tx: OrdersTx, cart: carts.CartWithLines | null, variantId: string) {
    const [variant] = await findVariants(tx, [variantId]);
    if (variant?.productStatus !== "ACTIVE")
      return userError("VARIANT_UNAVAILABLE", "This item is not for sale.", ["variantId"]);
    const others = await findVariants(
      tx,
      (cart?.lines ?? []).map((l) => l.variantId).filter((id) => id !== variantId),
    );
    if (others.some((o) => o.currency !== variant.currency))
      return userError(
        "CURRENCY_MISMATCH",
        `This item is priced in ${variant.currency}, unlike the rest of the cart.`,
        ["variantId"],
      );
    return null;
  }

  const quantityError = (quantity: number, min: number) =>
    Number.isInteger(quantity) && quantity >= min && quantity <= MAX_LINE_QUANTITY
      ? null
      : userError("INVALID_QUANTITY", `Quantity must be ${min}..${MAX_LINE_QUANTITY}.`, ["quantity"]);

  return {
    async get(owner: carts.CartOwner): Promise<CartView | null> {
      const cart = await carts.findCart(prisma, owner);
      return cart ? viewCart(prisma, cart, deps.pricing) : null;
    },

    /** A caller without a cart (guest without token) gets a new guest cart and its token. */
    async addToCart(owner: carts.CartOwner | null, variantId: string, quantity: number): Promise<CartResult> {
      const invalid = quantityError(quantity, 1);
      if (invalid) return fail(invalid);
      const target = owner ?? { guestToken: newGuestToken() };
      return prisma.$transaction(async (tx) => {
        const existing = await carts.findCart(tx, target);
        const error = await validateVariant(tx, existing, variantId);
        if (error) return fail(error);
        const current = existing?.lines.find((l) => l.variantId === variantId)?.quantity ?? 0;
        if (current + quantity > MAX_LINE_QUANTITY) return fail(quantityError(current + quantity, 1)!);
        const cart = await carts.getOrCreateCart(tx, target);
        await carts.addQuantity(tx, cart.id, variantId, quantity);
        return view(tx, target);
      });
    },

    async updateCartLine(owner: carts.CartOwner | null, variantId: string, quantity: number): Promise<CartResult> {
      const invalid = quantityError(quantity, 0);
      if (invalid) return fail(invalid);
      if (!owner) return fail(userError("CART_NOT_FOUND", "No cart.", ["cartToken"]));
      return prisma.$transaction(async (tx) => {
        const cart = await carts.findCart(tx, owner);
        if (!cart?.lines.some((l) => l.variantId === variantId))
          return fail(userError("LINE_NOT_FOUND", "That item is not in the cart.", ["variantId"]));
        if (quantity === 0) await carts.removeLine(tx, cart.id, variantId);
        else {
          const error = await validateVariant(tx, cart, variantId);
          if (error) return fail(error);
          await carts.setQuantity(tx, cart.id, variantId, quantity);
        }
        return view(tx, owner);
      });
    },

    async removeCartLine(owner: carts.CartOwner | null, variantId: string): Promise<CartResult> {
      if (!owner) return fail(userError("CART_NOT_FOUND", "No cart.", ["cartToken"]));
      return prisma.$transaction(async (tx) => {
        const cart = await carts.findCart(tx, owner);
        if (!cart?.lines.some((l) => l.variantId === variantId))
          return fail(userError("LINE_NOT_FOUND", "That item is not in the cart.", ["variantId"]));
        await carts.removeLine(tx, cart.id, variantId);
        return view(tx, owner);
      });
    },

    async setCheckoutDetails(
      owner: carts.CartOwner | null,
      address: Address | null | undefined,
      method: ShippingMethod | null | undefined,
    ): Promise<CartResult> {
      if (!owner) return fail(userError("CART_NOT_FOUND", "No cart.", ["cartToken"]));
      const errors = address ? addressErrors(address) : [];
      if (errors.length > 0) return fail(...errors);
      return prisma.$transaction(async (tx) => {
        const cart = await carts.findCart(tx, owner);
        if (!cart) return fail(userError("CART_NOT_FOUND", "No cart.", ["cartToken"]));
        await carts.updateCart(tx, cart.id, {
          ...(address ? { shippingAddress: normalise(address) } : {}),
          ...(method ? { shippingMethod: method } : {}),
        });
        return view(tx, owner);
      });
    },

    /**
     * Moves a guest cart into the user's: quantities add up (capped), lines whose product is no
     * longer for sale are dropped with a notice, the guest cart is deleted. Merging twice is a no-op.
     */
    async mergeGuestCart(userId: string, guestToken: string): Promise<CartResult> {
      return prisma.$transaction(async (tx) => {
        const guest = await carts.findCart(tx, { guestToken });
        const notices: string[] = [];
        if (!guest) return view(tx, { userId }, notices);
        await carts.lockCart(tx, guest.id);
        const user = await carts.getOrCreateCart(tx, { userId });
        const variants = new Map(
          (
            await findVariants(
              tx,
              guest.lines.map((l) => l.variantId),
            )
          ).map((v) => [v.variantId, v]),
        );
        for (const line of guest.lines) {
          const variant = variants.get(line.variantId);
          if (variant?.productStatus !== "ACTIVE") {
            notices.push(
              `${variant?.productName || variant?.sku || line.variantId} is no longer available and was removed from your cart.`,
            );
            continue;
          }
          const current = user.lines.find((l) => l.variantId === line.variantId)?.quantity ?? 0;
          const added = Math.min(line.quantity, MAX_LINE_QUANTITY - current);
          if (added > 0) await carts.addQuantity(tx, user.id, line.variantId, added);
        }
        if (!user.shippingAddress && guest.shippingAddress)
          await carts.updateCart(tx, user.id, { shippingAddress: guest.shippingAddress });
        await carts.deleteCart(tx, guest.id);
        return view(tx, { userId }, notices);
      });
    },
  };
}

function addressErrors(address: Address): UserError[] {
  const errors: UserError[] = [];
  for (const field of ["name", "line1", "city", "postalCode"] as const)
    if (!address[field]?.trim())
      errors.push(userError("INVALID_ADDRESS", `${field} is required.`, ["shippingAddress", field]));
  if (!/^[A-Z]{2}$/.test(address.country ?? ""))
    errors.push(
      userError("INVALID_ADDRESS", "country must be an ISO 3166-1 alpha-2 code.", ["shippingAddress", "country"]),
    );
  return errors;
}

const normalise = (a: Address) => ({
  name: a.name.trim(),
  line1: a.line1.trim(),
  line2: a.line2?.trim() || null,
  city: a.city.trim(),
  postalCode: a.postalCode.trim(),
  country: a.country,
});

export type CartService = ReturnType<typeof createCartService>;
