// Ranked lists read from the model. A product is recommendable unless catalog told us it is not
// ACTIVE (a product whose catalog event has not arrived yet still counts). Ties break by id so
// every list is deterministic.
import type { Db } from "../db.js";

export interface Ranked {
  productId: string;
  score: number;
}

const recommendable = "(pa.status IS NULL OR pa.status = 'ACTIVE')";

export function createRankingRepository(db: Db) {
  return {
    async coPurchased(productId: string, limit: number): Promise<Ranked[]> {
      return db.$queryRawUnsafe<Ranked[]>(
        `SELECT cp.other_product_id AS "productId", cp.order_count AS score
           FROM co_purchase cp LEFT JOIN product_attribute pa ON pa.product_id = cp.other_product_id
          WHERE cp.product_id = $1 AND ${recommendable}
          ORDER BY cp.order_count DESC, cp.other_product_id LIMIT $2`,
        productId,
        limit,
      );
    },

    /** Best sellers (all time) of one category or brand; only products catalog classified as ACTIVE. */
    async popularIn(kind: "category" | "brand", id: string, limit: number): Promise<Ranked[]> {
      const where = kind === "category" ? "pa.category_ids @> ARRAY[$1]::text[]" : "pa.brand_id = $1";
      const rows = await db.$queryRawUnsafe<Array<{ productId: string; score: bigint | number }>>(
        `SELECT ps.product_id AS "productId", ps.quantity AS score
           FROM product_attribute pa JOIN product_sales ps ON ps.product_id = pa.product_id
          WHERE ${where} AND pa.status = 'ACTIVE'
          ORDER BY ps.quantity DESC, ps.order_count DESC, ps.product_id LIMIT $2`,
        id,
        limit,
      );
      return rows.map((row) => ({ productId: row.productId, score: Number(row.score) }));
    },

    /** Units confirmed per product in the hourly buckets from `firstBucket` to `lastBucket` (inclusive). */
    async trending(firstBucket: Date, lastBucket: Date, limit: number): Promise<Ranked[]> {
      const rows = await db.$queryRawUnsafe<Array<{ productId: string; score: bigint }>>(
        `SELECT h.product_id AS "productId", SUM(h.quantity)::bigint AS score
           FROM product_sales_hourly h LEFT JOIN product_attribute pa ON pa.product_id = h.product_id
          WHERE h.bucket_start BETWEEN $1 AND $2 AND ${recommendable}
          GROUP BY h.product_id ORDER BY score DESC, h.product_id LIMIT $3`,
        firstBucket,
        lastBucket,
        limit,
      );
      return rows.map((row) => ({ productId: row.productId, score: Number(row.score) }));
    },
  };
}
