// The only ways an order changes status. Each is guarded (a transition from a status the order
// has already left does nothing), writes a timeline entry and enqueues its event, all in the
// caller's transaction.
import { groupBy, type orderEvents } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import {
  addTimeline,
  addTimelines,
  confirmPending,
  linesOfOrders,
  type OrderLine,
  transition,
} from "../repositories/orders.js";
import type { ServiceDeps } from "./deps.js";

export type CancellationReason = (typeof orderEvents.cancellationReasons)[number];

/** Confirms those of the orders still PENDING (a batch of authorized payments' orders); returns their ids. */
export async function confirmOrders(tx: OrdersTx, deps: ServiceDeps, orderIds: string[]): Promise<Set<string>> {
  const confirmedAt = new Date().toISOString();
  const confirmed = await confirmPending(tx, orderIds);
  const ids = confirmed.map((order) => order.id);
  if (ids.length === 0) return new Set();
  const lines = groupBy(await linesOfOrders(tx, ids), (line) => line.orderId);
  await addTimelines(tx, ids, "CONFIRMED");
  await deps.outbox.enqueueMany(
    tx,
    confirmed.map((order) => ({
      definition: deps.events.orderConfirmed,
      event: {
        subject: order.id,
        data: {
          orderId: order.id,
          userId: order.user_id,
          lines: eventLines(order.currency, lines.get(order.id) ?? []),
          confirmedAt,
        },
      },
    })),
  );
  return new Set(ids);
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

const eventLines = (currency: string, lines: OrderLine[]) =>
  lines.map((line) => ({
    variantId: line.variantId,
    productId: line.productId,
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: { amount: line.unitPrice, currency },
  }));
