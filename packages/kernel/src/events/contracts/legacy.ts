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
