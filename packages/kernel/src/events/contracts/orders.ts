import { z } from "zod";
import { defineEvent } from "../envelope.js";
import { moneySchema } from "../money.js";
import { topics } from "../topics.js";

// Subject of every order event: the order id (per-order ordering on the partition).
const orderLine = z.object({
  variantId: z.string(),
  productId: z.string(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: moneySchema,
});

export const cancellationReasons = [
  "STOCK_REJECTED",
  "PAYMENT_DECLINED",
  "PAYMENT_UNAVAILABLE",
  "TIMEOUT",
  "CUSTOMER",
] as const;

export const orderPlaced = defineEvent({
  type: "orders.order.placed",
  topic: topics.ordersOrders,
  data: z.object({
    orderId: z.string(),
    userId: z.string().nullable(),
    lines: z.array(orderLine).min(1),
    total: moneySchema,
  }),
});

export const orderConfirmed = defineEvent({
  type: "orders.order.confirmed",
  topic: topics.ordersOrders,
  data: z.object({
    orderId: z.string(),
    userId: z.string().nullable(),
    lines: z.array(orderLine).min(1),
    confirmedAt: z.iso.datetime(),
  }),
});

export const orderCancelled = defineEvent({
  type: "orders.order.cancelled",
  topic: topics.ordersOrders,
  data: z.object({ orderId: z.string(), reason: z.enum(cancellationReasons), detail: z.string().optional() }),
});
