// The only ways an order changes status. Each is guarded (a transition from a status the order
// has already left does nothing), writes a timeline entry and enqueues its event, all in the
// caller's transaction.
import type { orderEvents } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import { addTimeline, findOrderWithLines, transition } from "../repositories/orders.js";
import type { ServiceDeps } from "./deps.js";

export type CancellationReason = (typeof orderEvents.cancellationReasons)[number];

export async function confirmOrder(tx: OrdersTx, deps: ServiceDeps, orderId: string): Promise<boolean> {
  const confirmedAt = new Date();
  if (!(await transition(tx, orderId, ["PENDING"], { status: "CONFIRMED" }))) return false;
  const order = (await findOrderWithLines(tx, orderId))!;
  await addTimeline(tx, orderId, "CONFIRMED");
  await deps.outbox.enqueue(tx, deps.events.orderConfirmed, {
    subject: orderId,
    data: { orderId, userId: order.userId, lines: eventLines(order), confirmedAt: confirmedAt.toISOString() },
  });
  return true;
}

export async function cancelOrder(
  tx: OrdersTx,
  deps: ServiceDeps,
  orderId: string,
  reason: CancellationReason,
  detail?: string,
  from: Array<"PENDING" | "CONFIRMED"> = ["PENDING"],
): Promise<boolean> {
  const changed = await transition(tx, orderId, from, {
    status: "CANCELLED",
    cancelReason: reason,
    cancelDetail: detail ?? null,
  });
  if (!changed) return false;
  await addTimeline(tx, orderId, "CANCELLED", detail ? `${reason}: ${detail}` : reason);
  // Inventory releases the order's reservation (if it made one) on this event.
  await deps.outbox.enqueue(tx, deps.events.orderCancelled, {
    subject: orderId,
    data: { orderId, reason, ...(detail ? { detail } : {}) },
  });
  return true;
}

type OrderWithLines = NonNullable<Awaited<ReturnType<typeof findOrderWithLines>>>;

export const eventLines = (order: OrderWithLines) =>
  order.lines.map((line) => ({
    variantId: line.variantId,
    productId: line.productId,
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: { amount: line.unitPrice, currency: order.currency },
  }));
