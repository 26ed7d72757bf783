// The orders service's Kafka handlers: the catalog read model, the saga's replies from inventory
// and the monolith's order changes during the strangler-fig parallel run.
import { type EventHandler, on } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import { applyPriceChanged, applyProductChanged } from "../services/catalog-read-model.js";
import { applyLegacyOrderChanged } from "../services/legacy-order-import.js";
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
    on(events.legacyOrderChanged, applyLegacyOrderChanged),
  ];
}
