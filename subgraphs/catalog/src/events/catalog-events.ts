// The catalog's outgoing events. They are written to the outbox inside the transaction that makes
// the change (never published directly), so a change and its event commit or vanish together.
// Contracts: packages/kernel/src/events/contracts/catalog.ts. The catalog consumes no events.
import { catalogEvents, type Outbox, type SqlExecutor } from "@shopstream/kernel";
import type { Product } from "../repositories/product-repository.js";
import type { Variant } from "../repositories/variant-repository.js";

export function recordProductChanged(
  outbox: Outbox,
  tx: SqlExecutor,
  product: Product,
  variantIds: string[],
  changedFields: string[],
) {
  return outbox.enqueue(tx, catalogEvents.productChanged, {
    subject: product.id,
    data: { productId: product.id, slug: product.slug, status: product.status, variantIds, changedFields },
  });
}

export function recordPriceChanged(outbox: Outbox, tx: SqlExecutor, variant: Variant) {
  return outbox.enqueue(tx, catalogEvents.priceChanged, {
    // Keyed by product so that price and product events of one product stay in order.
    subject: variant.productId,
    data: {
      productId: variant.productId,
      variantId: variant.id,
      sku: variant.sku,
      price: { amount: variant.priceAmount, currency: variant.currency },
      compareAtPrice:
        variant.compareAtAmount === null ? null : { amount: variant.compareAtAmount, currency: variant.currency },
    },
  });
}
