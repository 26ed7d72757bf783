// placeOrder: turns the caller's cart into a PENDING order with a price snapshot and enqueues
// `orders.order.placed` in the same transaction; the saga takes it from there. The same
// idempotency key from the same owner returns the first order and writes nothing.
import { type UserError, userError } from "@shopstream/kernel";
import { isUniqueViolation } from "../db.js";
import * as carts from "../repositories/carts.js";
import { createOrder, findByIdempotencyKey, lockIdempotencyKey } from "../repositories/orders.js";
import { findVariants } from "../repositories/product-variants.js";
import type { ServiceDeps } from "./deps.js";
import { computeTotals } from "./pricing.js";

export interface PlaceOrderInput {
  idempotencyKey: string;
  paymentToken: string;
}

export type PlaceOrderResult = { orderId: string | null; userErrors: UserError[] };

const fail = (error: UserError): PlaceOrderResult => ({ orderId: null, userErrors: [error] });

export const ownerKeyOf = (owner: carts.CartOwner) =>
  "userId" in owner ? `user:${owner.userId}` : `guest:${owner.guestToken}`;

export function createCheckoutService(deps: ServiceDeps) {
  const { prisma } = deps;

  async function place(owner: carts.CartOwner, input: PlaceOrderInput): Promise<PlaceOrderResult> {
    const ownerKey = ownerKeyOf(owner);
    return prisma.$transaction(async (tx) => {
      // Checked under the key's lock: a concurrent caller with the same key waits for this
      // transaction and then answers with its order, never with the cart it emptied.
      await lockIdempotencyKey(tx, ownerKey, input.idempotencyKey);
      const existing = await findByIdempotencyKey(tx, ownerKey, input.idempotencyKey);
      if (existing) return { orderId: existing.id, userErrors: [] };
      const cart = await carts.findCart(tx, owner);
      if (!cart || cart.lines.length === 0) return fail(userError("CART_EMPTY", "The cart is empty."));
      if (!cart.shippingAddress)
        return fail(userError("SHIPPING_ADDRESS_REQUIRED", "Set a shipping address first.", ["shippingAddress"]));
      const variants = new Map(
        (
          await findVariants(
            tx,
            cart.lines.map((l) => l.variantId),
          )
        ).map((v) => [v.variantId, v]),
      );
      const lines = [];
      for (const line of cart.lines) {
        const variant = variants.get(line.variantId);
        if (variant?.productStatus !== "ACTIVE")
          return fail(
            userError(
              "LINE_UNAVAILABLE",
              `${variant?.productName || line.variantId} is no longer for sale; remove it first.`,
              ["lines", line.variantId],
            ),
          );
        lines.push({ line, variant });
      }
      const totals = computeTotals(
        lines.map(({ line, variant }) => ({
          quantity: line.quantity,
          unitPrice: variant.priceAmount,
          currency: variant.currency,
        })),
        cart.shippingMethod,
        deps.pricing,
      );
      const order = await createOrder(tx, {
        ownerKey,
        userId: "userId" in owner ? owner.userId : null,
        idempotencyKey: input.idempotencyKey,
        currency: totals.currency,
        subtotal: totals.subtotal,
        shipping: totals.shipping,
        tax: totals.tax,
        total: totals.total,
        shippingMethod: cart.shippingMethod,
        shippingAddress: cart.shippingAddress,
        paymentToken: input.paymentToken,
        lines: {
          create: lines.map(({ line, variant }) => ({
            variantId: line.variantId,
            productId: variant.productId,
            sku: variant.sku,
            productName: variant.productName,
            quantity: line.quantity,
            unitPrice: variant.priceAmount,
          })),
        },
        timeline: { create: [{ kind: "PLACED" }] },
      });
      await carts.clearLines(tx, cart.id);
      await deps.outbox.enqueue(tx, deps.events.orderPlaced, {
        subject: order.id,
        data: {
          orderId: order.id,
          userId: order.userId,
          lines: order.lines.map((l) => ({
            variantId: l.variantId,
            productId: l.productId,
            sku: l.sku,
            quantity: l.quantity,
            unitPrice: { amount: l.unitPrice, currency: order.currency },
          })),
          total: { amount: order.total, currency: order.currency },
        },
      });
      return { orderId: order.id, userErrors: [] };
    });
  }

  return {
    async placeOrder(owner: carts.CartOwner | null, input: PlaceOrderInput): Promise<PlaceOrderResult> {
      if (!owner) return fail(userError("CART_EMPTY", "The cart is empty."));
      if (!/^[\w.:-]{8,200}$/.test(input.idempotencyKey))
        return fail(
          userError("INVALID_IDEMPOTENCY_KEY", "idempotencyKey must be 8..200 characters of [A-Za-z0-9_.:-].", [
            "idempotencyKey",
          ]),
        );
      if (!input.paymentToken.trim())
        return fail(userError("PAYMENT_TOKEN_REQUIRED", "A payment token is required.", ["paymentToken"]));
      try {
        return await place(owner, input);
      } catch (error) {
        // A concurrent request with the same key won the race: answer with its order.
        if (!isUniqueViolation(error)) throw error;
        const winner = await findByIdempotencyKey(prisma, ownerKeyOf(owner), input.idempotencyKey);
        if (!winner) throw error;
        return { orderId: winner.id, userErrors: [] };
      }
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
