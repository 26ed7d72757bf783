// The local read model of sellable variants (prices, product status), written only by catalog
// events. Upserts ignore events older than what is stored, so redelivered or reordered events
// cannot roll a price back.
import type { OrdersPrisma, OrdersTx } from "../db.js";

export interface VariantState {
  variantId: string;
  productId: string;
  sku: string;
  productName?: string;
  productStatus?: string;
  priceAmount: number;
  currency: string;
}

const upsertSql = `
  INSERT INTO product_variant (variant_id, product_id, sku, product_name, product_status, price_amount, currency, source_time)
  VALUES ($1, $2, $3, COALESCE($4, ''), COALESCE($5, 'DRAFT'), $6, $7, $8::timestamptz)
  ON CONFLICT (variant_id) DO UPDATE SET
    product_id = EXCLUDED.product_id, sku = EXCLUDED.sku,
    product_name = COALESCE($4, product_variant.product_name),
    product_status = COALESCE($5, product_variant.product_status),
    price_amount = EXCLUDED.price_amount, currency = EXCLUDED.currency, source_time = EXCLUDED.source_time
  WHERE product_variant.source_time <= EXCLUDED.source_time`;

export async function upsertVariant(tx: OrdersTx, state: VariantState, sourceTime: string) {
  await tx.$executeRawUnsafe(
    upsertSql,
    state.variantId,
    state.productId,
    state.sku,
    state.productName ?? null,
    state.productStatus ?? null,
    state.priceAmount,
    state.currency,
    sourceTime,
  );
}

/** A product event without variant prices still carries its status (e.g. ARCHIVED) and name. */
export async function updateProductStatus(
  tx: OrdersTx,
  productId: string,
  status: string,
  name: string | undefined,
  sourceTime: string,
) {
  await tx.$executeRawUnsafe(
    `UPDATE product_variant SET product_status = $2, product_name = COALESCE($3, product_name), source_time = $4::timestamptz
     WHERE product_id = $1 AND source_time <= $4::timestamptz`,
    productId,
    status,
    name ?? null,
    sourceTime,
  );
}

export const findVariants = (db: OrdersPrisma | OrdersTx, variantIds: string[]) =>
  db.productVariant.findMany({ where: { variantId: { in: variantIds } } });
