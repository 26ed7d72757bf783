import { z } from "zod";
import { defineEvent } from "../envelope.js";
import { topics } from "../topics.js";

// The monolith's order as its change capture sees it (a trigger in the legacy database writes
// these, see prisma/legacy/migrations/*_legacy_orders): its own shape, decimals as text, its own
// status codes. Subject: the monolith's order number.

/** The monolith's one-letter order statuses. */
export const legacyOrderStatuses = {
  N: "new, awaiting payment",
  P: "paid",
  S: "shipped",
  D: "delivered",
  X: "cancelled by the customer or the call centre",
  F: "payment failed",
} as const;

export type LegacyOrderStatus = keyof typeof legacyOrderStatuses;

/** What the monolith's status codes mean in the federated schema (OrderStatus, CancellationReason). */
export const legacyStatusMeaning: Record<
  LegacyOrderStatus,
  { status: "PENDING" | "CONFIRMED" | "CANCELLED"; cancellationReason: "CUSTOMER" | "PAYMENT_DECLINED" | null }
> = {
  N: { status: "PENDING", cancellationReason: null },
  P: { status: "CONFIRMED", cancellationReason: null },
  S: { status: "CONFIRMED", cancellationReason: null },
  D: { status: "CONFIRMED", cancellationReason: null },
  X: { status: "CANCELLED", cancellationReason: "CUSTOMER" },
  F: { status: "CANCELLED", cancellationReason: "PAYMENT_DECLINED" },
};

/** An imported order's timeline records the monolith's status as a LEGACY_STATUS entry with this detail. */
export const legacyStatusDetail = (code: LegacyOrderStatus) => `monolith status ${code}: ${legacyOrderStatuses[code]}`;

/** The PLACED entry of an imported order's timeline. */
export const legacyPlacedDetail = "in the monolith";

/** A monolith value that has no faithful reading in the federated schema. */
export class LegacyOrderMappingError extends Error {}

/** "492.80" → 49280: string arithmetic, never through a float. */
export function decimalToMinorUnits(amount: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new LegacyOrderMappingError(`amount ${JSON.stringify(amount)} is not a decimal with two places`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}

/** The monolith's ship-via codes as ShippingMethod. */
export const legacyShippingMethod = (shipVia: string) => (shipVia === "EXP" ? "EXPRESS" : "STANDARD");

/** Orders keep the monolith's order number, prefixed, as their public id on both paths. */
export const legacyOrderId = (orderNo: number) => `LO-${orderNo}`;

/** A decimal amount with two places, as the monolith stored money ("12.50"). */
const decimal = z.string().regex(/^-?\d+\.\d{2}$/, "expected a decimal with two places");

export const legacyOrderSnapshot = z.object({
  orderNo: z.number().int().positive(),
  custId: z.string().min(1),
  status: z.enum(Object.keys(legacyOrderStatuses) as [LegacyOrderStatus, ...LegacyOrderStatus[]]),
  currency: z.string().regex(/^[A-Z]{3}$/),
  subtotal: decimal,
  shipping: decimal,
  tax: decimal,
  total: decimal,
  shipVia: z.enum(["STD", "EXP"]),
  shipTo: z.object({
    name: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string().length(2),
  }),
  createdAt: z.iso.datetime(),
  modifiedAt: z.iso.datetime(),
  items: z.array(
    z.object({
      lineNo: z.number().int(),
      skuId: z.string(),
      skuCode: z.string(),
      prodId: z.string(),
      prodName: z.string(),
      qty: z.number().int().positive(),
      unitPrice: decimal,
    }),
  ),
  /** Orders the changes of one order; the backfill's copy counts as 0. */
  changeSeq: z.number().int().nonnegative(),
});

export type LegacyOrderSnapshot = z.infer<typeof legacyOrderSnapshot>;

export const legacyOrderChanged = defineEvent({
  type: "legacy.order.changed",
  topic: topics.legacyOrders,
  data: legacyOrderSnapshot,
});
