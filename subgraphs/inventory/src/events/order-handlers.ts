// The inventory's part of the checkout saga. Each handler runs inside the consumer's
// transaction (with the processed_event row), so a redelivered event has no second effect; a
// re-sent order.placed with a new event id is caught by the one-reservation-per-order rule.
import { type EventHandler, on, orderEvents } from "@shopstream/kernel";
import type { InventoryTx } from "../db.js";
import type { ReservationService } from "../services/reservation-service.js";

export function orderEventHandlers(reservations: ReservationService): EventHandler<InventoryTx>[] {
  return [
    on(orderEvents.orderPlaced, async (event, tx: InventoryTx) => {
      await reservations.reserveIn(tx, { orderId: event.data.orderId, lines: event.data.lines });
    }),
    on(orderEvents.orderCancelled, async (event, tx: InventoryTx) => {
      await reservations.releaseIn(tx, event.data.orderId, "ORDER_CANCELLED");
    }),
    on(orderEvents.orderConfirmed, async (event, tx: InventoryTx) => {
      await reservations.confirmIn(tx, event.data.orderId, event.data.lines);
    }),
  ];
}
