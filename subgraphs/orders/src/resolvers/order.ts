// Order entity and its nested types; money fields are built from integer columns.

import type { OrdersContext } from "../context.js";
import type { Order, OrderLine, OrderTimelineEntry, Payment } from "../repositories/orders.js";
import { money, totalsAsMoney } from "../services/pricing.js";

type LineWithCurrency = OrderLine & { currency: string };

export const orderResolvers = {
  __resolveReference: (ref: { id: string }, ctx: OrdersContext) => ctx.services.queries.order(ctx.identity, ref.id),
  cancellationReason: (order: Order) => order.cancelReason,
  cancellationDetail: (order: Order) => order.cancelDetail,
  user: (order: Order) => (order.userId ? { __typename: "User", id: order.userId } : null),
  lines: async (order: Order, _: unknown, ctx: OrdersContext): Promise<LineWithCurrency[]> =>
    (await ctx.loaders.orderLines.load(order.id)).map((line) => ({ ...line, currency: order.currency })),
  totals: (order: Order) => totalsAsMoney(order),
  payment: (order: Order, _: unknown, ctx: OrdersContext) => ctx.loaders.payment.load(order.id),
  timeline: (order: Order, _: unknown, ctx: OrdersContext) => ctx.loaders.timeline.load(order.id),
  placedAt: (order: Order) => order.placedAt.toISOString(),
};

export const orderLineResolvers = {
  variant: (line: LineWithCurrency) => ({ __typename: "Variant", id: line.variantId }),
  unitPrice: (line: LineWithCurrency) => money(line.unitPrice, line.currency),
  lineTotal: (line: LineWithCurrency) => money(line.unitPrice * line.quantity, line.currency),
};

export const timelineResolvers = { at: (entry: OrderTimelineEntry) => entry.at.toISOString() };

export const paymentResolvers = { amount: (payment: Payment) => money(payment.amount, payment.currency) };
