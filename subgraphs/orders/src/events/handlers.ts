// The orders service's Kafka handlers: the catalog read model and the saga's replies from inventory.
import { type EventHandler, on } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import { applyPriceChanged, applyProductChanged } from "../services/catalog-read-model.js";
import type { createOrderSaga } from "../services/order-saga.js";
import type { EventSet } from "./definitions.js";

export function orderEventHandlers(
  events: EventSet,
  saga: ReturnType<typeof createOrderSaga>,
): EventHandler<OrdersTx>[] {
  return [
    on(events.productChanged, applyProductChanged),
    on(events.priceChanged, applyPriceChanged),
    on(events.stockReserved, saga.onStockReserved),
    on(events.stockRejected, saga.onStockRejected),
    on(events.shipmentUpdated, saga.onShipmentUpdated),
  ];
}
