// Which cached entities an event changes (refs as in entity-refs.ts):
//   catalog.product.changed     → Product:<productId> and Variant:<variantId> of each variant
//   catalog.price.changed       → Product:<productId>, Variant:<variantId>
//   inventory.stock.changed     → Variant:<variantId>#availability (only entries holding availability)
//   cache.invalidation.requested → <typename>:<key> for each key
// Other event types on these topics (reservations, shipments) change nothing cached.
import { cacheInvalidationRequested, catalogEvents, type EventEnvelope, inventoryEvents } from "@shopstream/kernel";
import { refOf } from "./entity-refs.js";

const mappers: Record<string, (envelope: EventEnvelope) => string[]> = {
  [catalogEvents.productChanged.type]: (envelope) => {
    const { productId, variantIds } = catalogEvents.productChanged.parse(envelope).data;
    return [refOf("Product", productId), ...variantIds.map((id) => refOf("Variant", id))];
  },
  [catalogEvents.priceChanged.type]: (envelope) => {
    const { productId, variantId } = catalogEvents.priceChanged.parse(envelope).data;
    return [refOf("Product", productId), refOf("Variant", variantId)];
  },
  [inventoryEvents.stockChanged.type]: (envelope) => {
    const { variantId } = inventoryEvents.stockChanged.parse(envelope).data;
    return [`${refOf("Variant", variantId)}#availability`];
  },
  [cacheInvalidationRequested.type]: (envelope) => {
    const { typename, keys } = cacheInvalidationRequested.parse(envelope).data;
    return keys.map((key) => refOf(typename, key));
  },
};

export const invalidationTopics = [
  catalogEvents.productChanged.topic,
  inventoryEvents.stockChanged.topic,
  cacheInvalidationRequested.topic,
];

/** Refs an event invalidates; [] for event types that change nothing cached. Throws on bad data. */
export function refsForEvent(envelope: EventEnvelope): string[] {
  return mappers[envelope.type]?.(envelope) ?? [];
}
