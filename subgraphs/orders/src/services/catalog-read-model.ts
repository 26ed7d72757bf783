// Keeps the local variant/price read model in step with catalog events (no synchronous call to
// catalog ever): full product state on productChanged, a single price on priceChanged.
import type { catalogEvents, EventEnvelope } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import { updateProductStatus, upsertVariant } from "../repositories/product-variants.js";

type ProductChanged = EventEnvelope<ReturnType<typeof catalogEvents.productChanged.data.parse>>;
type PriceChanged = EventEnvelope<ReturnType<typeof catalogEvents.priceChanged.data.parse>>;

export async function applyProductChanged(event: ProductChanged, tx: OrdersTx) {
  const product = event.data;
  for (const variant of product.variants ?? []) {
    await upsertVariant(
      tx,
      {
        variantId: variant.variantId,
        productId: product.productId,
        sku: variant.sku,
        productName: product.name,
        productStatus: product.status,
        priceAmount: variant.price.amount,
        currency: variant.price.currency,
      },
      event.time,
    );
  }
  if (!product.variants) await updateProductStatus(tx, product.productId, product.status, product.name, event.time);
}

export async function applyPriceChanged(event: PriceChanged, tx: OrdersTx) {
  const { productId, variantId, sku, price } = event.data;
  await upsertVariant(
    tx,
    { variantId, productId, sku, priceAmount: price.amount, currency: price.currency },
    event.time,
  );
}
