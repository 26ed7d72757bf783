// Product classification (brand, categories, status) from catalog.product.changed: used to rank
// and filter, never served as product data.
import type { Db } from "../db.js";

export type ProductStatus = "DRAFT" | "ACTIVE" | "ARCHIVED";

export interface ProductAttribute {
  productId: string;
  brandId: string | null;
  categoryIds: string[];
  status: ProductStatus;
  sourceTime: Date;
}

export function createProductAttributeRepository(db: Db) {
  return {
    findByIds: (ids: readonly string[]): Promise<ProductAttribute[]> =>
      db.productAttribute.findMany({ where: { productId: { in: [...ids] } } }),

    /** Locks the row (if any) so concurrent events of one product apply one after the other. */
    async findForUpdate(productId: string): Promise<ProductAttribute | null> {
      const rows = await db.$queryRaw<ProductAttribute[]>`
        SELECT product_id AS "productId", brand_id AS "brandId", category_ids AS "categoryIds",
               status::text AS status, source_time AS "sourceTime"
          FROM product_attribute WHERE product_id = ${productId} FOR UPDATE`;
      return rows[0] ?? null;
    },

    save: (attribute: ProductAttribute) =>
      db.productAttribute.upsert({
        where: { productId: attribute.productId },
        create: attribute,
        update: attribute,
      }),
  };
}
