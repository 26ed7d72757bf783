// The event definitions this service produces and consumes. Their topics are the contracts'
// topics; the kernel's KAFKA_TOPIC_PREFIX namespaces them per environment (tests get their own).
import { catalogEvents, inventoryEvents, legacyEvents, orderEvents, paymentEvents } from "@shopstream/kernel";

export const ordersEvents = {
  productChanged: catalogEvents.productChanged,
  priceChanged: catalogEvents.priceChanged,
  stockReserved: inventoryEvents.stockReserved,
  stockRejected: inventoryEvents.stockRejected,
  shipmentUpdated: inventoryEvents.shipmentUpdated,
  legacyOrderChanged: legacyEvents.legacyOrderChanged,
  orderPlaced: orderEvents.orderPlaced,
  orderConfirmed: orderEvents.orderConfirmed,
  orderCancelled: orderEvents.orderCancelled,
  paymentAuthorized: paymentEvents.paymentAuthorized,
  paymentDeclined: paymentEvents.paymentDeclined,
  paymentCaptured: paymentEvents.paymentCaptured,
  paymentRefunded: paymentEvents.paymentRefunded,
};

export type EventSet = typeof ordersEvents;

/** Topics the outbox relay publishes to. */
export const producedTopics = (events: EventSet) => [events.orderPlaced.topic, events.paymentAuthorized.topic];
