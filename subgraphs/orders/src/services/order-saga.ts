// The orders side of the checkout saga, run by the consumer inside its idempotent transaction.
// No provider call happens here: a reservation only queues the payment's AUTHORIZE job (one
// payment per order, so a duplicated stock.reserved cannot queue a second charge).
import type { EventEnvelope, inventoryEvents } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import { addTimeline, findOrder } from "../repositories/orders.js";
import { queueAuthorization, queueOp } from "../repositories/payments.js";
import type { ServiceDeps } from "./deps.js";
import { cancelOrder } from "./order-transitions.js";

type Data<D extends { data: { parse: (v: unknown) => unknown } }> = EventEnvelope<ReturnType<D["data"]["parse"]>>;

export function createOrderSaga(deps: ServiceDeps) {
  return {
    async onStockReserved(event: Data<typeof inventoryEvents.stockReserved>, tx: OrdersTx) {
      // Not ours or already cancelled (its cancel event makes inventory release this
      // reservation), or a repeat: then nothing is queued.
      await queueAuthorization(tx, event.data.orderId, "STOCK_RESERVED", event.data.reservationId);
    },

    async onStockRejected(event: Data<typeof inventoryEvents.stockRejected>, tx: OrdersTx) {
      const detail = event.data.lines
        .map((l) => `${l.variantId} ${l.reason} (${l.available}/${l.requested})`)
        .join("; ");
      await cancelOrder(tx, deps, event.data.orderId, "STOCK_REJECTED", detail);
    },

    async onShipmentUpdated(event: Data<typeof inventoryEvents.shipmentUpdated>, tx: OrdersTx) {
      if (event.data.status !== "SHIPPED") return;
      const order = await findOrder(tx, event.data.orderId);
      if (order?.status !== "CONFIRMED") return;
      if (await queueOp(tx, order.id, "CAPTURE", ["AUTHORIZED"]))
        await addTimeline(tx, order.id, "SHIPPED", event.data.shipmentId);
    },
  };
}
