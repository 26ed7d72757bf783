// The catalog's outgoing events. They are written to the outbox inside the transaction that makes
// the change (never published directly), so a change and its event commit or vanish together.
// Contracts: packages/kernel/src/events/contracts/catalog.ts. The catalog consumes no events.
import { catalogEvents, type Outbox, type SqlExecutor } from "@shopstream/kernel";
import type { Product } from "../repositories/product-repository.js";
import type { Variant } from "../repositories/variant-repository.js";

/** The product's full current state travels with every change, so read models never call back. */
export function recordProductChanged(
  outbox: Outbox,
  tx: SqlExecutor,
  state: { product: Product; variants: Variant[]; categoryIds: string[] },
  changedFields: string[],
) {
  const { product, variants, categoryIds } = state;
  return outbox.enqueue(tx, catalogEvents.productChanged, {
    subject: product.id,
    data: {
      productId: product.id,
      slug: product.slug,
      name: product.name,
      status: product.status,
      brandId: product.brandId,
      categoryIds,
      variantIds: variants.map((v) => v.id),
      variants: variants.map((v) => ({ variantId: v.id, sku: v.sku, ...prices(v) })),
      changedFields,
    },
  });
}

function prices(variant: Variant) {
  return {
    price: { amount: variant.priceAmount, currency: variant.currency },
    compareAtPrice:
      variant.compareAtAmount === null ? null : { amount: variant.compareAtAmount, currency: variant.currency },
  };
}

export function recordPriceChanged(outbox: Outbox, tx: SqlExecutor, variant: Variant) {
  return outbox.enqueue(tx, catalogEvents.priceChanged, {
    // Keyed by product so that price and product events of one product stay in order.
    subject: variant.productId,
    data: {
      productId: variant.productId,
      variantId: variant.id,
      sku: variant.sku,
      ...prices(variant),
    },
  });
}
