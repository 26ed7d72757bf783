// The event definitions this service produces and consumes, with their topics optionally
// prefixed: tests give each run its own topics so other suites' producers and consumers on the
// shared broker (e.g. a real inventory answering every order) cannot interfere.
import { catalogEvents, type EventDefinition, inventoryEvents, orderEvents, paymentEvents } from "@shopstream/kernel";

const withPrefix = <T>(definition: EventDefinition<T>, prefix: string): EventDefinition<T> =>
  prefix ? { ...definition, topic: `${prefix}${definition.topic}` } : definition;

export function createEventSet(prefix = "") {
  const all = {
    productChanged: catalogEvents.productChanged,
    priceChanged: catalogEvents.priceChanged,
    stockReserved: inventoryEvents.stockReserved,
    stockRejected: inventoryEvents.stockRejected,
    shipmentUpdated: inventoryEvents.shipmentUpdated,
    orderPlaced: orderEvents.orderPlaced,
    orderConfirmed: orderEvents.orderConfirmed,
    orderCancelled: orderEvents.orderCancelled,
    paymentAuthorized: paymentEvents.paymentAuthorized,
    paymentDeclined: paymentEvents.paymentDeclined,
    paymentCaptured: paymentEvents.paymentCaptured,
    paymentRefunded: paymentEvents.paymentRefunded,
  };
  return Object.fromEntries(
    Object.entries(all).map(([name, definition]) => [name, withPrefix(definition as EventDefinition<unknown>, prefix)]),
  ) as typeof all;
}

export type EventSet = ReturnType<typeof createEventSet>;

/** Topics the outbox relay publishes to. */
export const producedTopics = (events: EventSet) => [events.orderPlaced.topic, events.paymentAuthorized.topic];
