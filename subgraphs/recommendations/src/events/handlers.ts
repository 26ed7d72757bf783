// The recommendations service consumes; it produces no events (so it runs no outbox relay).
import { catalogEvents, type EventHandler, on, orderEvents } from "@shopstream/kernel";
import { learnFromConfirmedOrder } from "../services/order-learning.js";
import { applyProductChanged } from "../services/product-classification.js";
import type { EventTx } from "./event-transaction.js";

export const eventHandlers: EventHandler<EventTx>[] = [
  on(orderEvents.orderConfirmed, async (event, tx: EventTx) =>
    tx.invalidate(await learnFromConfirmedOrder(tx.db, event)),
  ),
  on(catalogEvents.productChanged, async (event, tx: EventTx) =>
    tx.invalidate(await applyProductChanged(tx.db, event)),
  ),
];
