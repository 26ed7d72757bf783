// A cart as the API shows it: lines priced from the read model (current prices), unavailable
// lines flagged and left out of the totals.
import type { Money } from "@shopstream/kernel";
import type { OrdersPrisma, OrdersTx } from "../db.js";
import type { CartWithLines } from "../repositories/carts.js";
import { findVariants } from "../repositories/product-variants.js";
import { computeTotals, money, type PricingConfig, type ShippingMethod, totalsAsMoney } from "./pricing.js";

export interface CartLineView {
  variantId: string;
  productId: string | null;
  sku: string | null;
  name: string | null;
  quantity: number;
  unitPrice: Money | null;
  lineTotal: Money | null;
  available: boolean;
}

export interface CartView {
  id: string;
  token: string | null;
  lines: CartLineView[];
  shippingAddress: unknown;
  shippingMethod: ShippingMethod;
  totals: ReturnType<typeof totalsAsMoney>;
}

export async function viewCart(
  db: OrdersPrisma | OrdersTx,
  cart: CartWithLines,
  pricing: PricingConfig,
): Promise<CartView> {
  const variants = new Map(
    (
      await findVariants(
        db,
        cart.lines.map((l) => l.variantId),
      )
    ).map((v) => [v.variantId, v]),
  );
  const lines = cart.lines.map((line): CartLineView => {
    const variant = variants.get(line.variantId);
    const available = variant?.productStatus === "ACTIVE";
    return {
      variantId: line.variantId,
      productId: variant?.productId ?? null,
      sku: variant?.sku ?? null,
      name: variant?.productName ?? null,
      quantity: line.quantity,
      unitPrice: variant ? money(variant.priceAmount, variant.currency) : null,
      lineTotal: variant ? money(variant.priceAmount * line.quantity, variant.currency) : null,
      available,
    };
  });
  const priced = lines
    .filter((l) => l.available)
    .map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice!.amount, currency: l.unitPrice!.currency }));
  return {
    id: cart.id,
    token: cart.guestToken,
    lines,
    shippingAddress: cart.shippingAddress,
    shippingMethod: cart.shippingMethod,
    totals: totalsAsMoney(computeTotals(priced, cart.shippingMethod, pricing)),
  };
}
