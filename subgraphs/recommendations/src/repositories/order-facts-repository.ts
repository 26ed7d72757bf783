// Writes what a confirmed order teaches: which products were bought together, how many units of
// each (all time and per hour), and what the buyer bought. Every write is an additive upsert.
// Distinct product ids per order are the caller's job (an upsert may touch a row only once).
// Orders are applied concurrently (one per partition), so every upsert writes its rows in key
// order: two orders sharing products then wait for each other instead of deadlocking.
import type { Db } from "../db.js";

export interface ProductUnits {
  productId: string;
  quantity: number;
}

export function createOrderFactsRepository(db: Db) {
  return {
    /** Deletes hourly sales buckets that start before the cut-off; returns how many. */
    async deleteSalesBucketsBefore(cutoff: Date): Promise<number> {
      const { count } = await db.productSalesHourly.deleteMany({ where: { bucketStart: { lt: cutoff } } });
      return count;
    },

    /**
     * Records everything one order teaches in ONE statement (per-statement round trips dominate the
     * cost of an event): the applied_order row gates every other write, so an order applied before
     * (under any event id or consumer group) changes nothing. Returns false in that case.
     */
    async recordOrder(order: {
      orderId: string;
      eventId: string;
      userId: string | null;
      confirmedAt: Date;
      bucketStart: Date;
      units: ProductUnits[];
    }): Promise<boolean> {
      const ids = order.units.map((unit) => unit.productId);
      const quantities = order.units.map((unit) => unit.quantity);
      const rows = await db.$queryRaw<Array<{ applied: number }>>`
        WITH applied AS (
          INSERT INTO applied_order (order_id, event_id, confirmed_at)
          VALUES (${order.orderId}, ${order.eventId}, ${order.confirmedAt})
          ON CONFLICT (order_id) DO NOTHING RETURNING order_id
        ), units AS (
          SELECT u.id, u.qty FROM unnest(${ids}::text[], ${quantities}::int[]) AS u(id, qty)
           WHERE EXISTS (SELECT 1 FROM applied)
        ), pairs AS (
          INSERT INTO co_purchase (product_id, other_product_id, order_count)
          SELECT a.id, b.id, 1 FROM units a CROSS JOIN units b WHERE a.id <> b.id ORDER BY a.id, b.id
          ON CONFLICT (product_id, other_product_id) DO UPDATE SET order_count = co_purchase.order_count + 1
        ), sales AS (
          INSERT INTO product_sales (product_id, quantity, order_count)
          SELECT id, qty, 1 FROM units ORDER BY id
          ON CONFLICT (product_id) DO UPDATE SET quantity = product_sales.quantity + EXCLUDED.quantity,
                                                 order_count = product_sales.order_count + 1
        ), hourly AS (
          INSERT INTO product_sales_hourly (product_id, bucket_start, quantity)
          SELECT id, ${order.bucketStart}, qty FROM units ORDER BY id
          ON CONFLICT (product_id, bucket_start) DO UPDATE
            SET quantity = product_sales_hourly.quantity + EXCLUDED.quantity
        ), purchases AS (
          INSERT INTO user_purchase (user_id, product_id, quantity, last_purchased_at)
          SELECT ${order.userId}::text, id, qty, ${order.confirmedAt} FROM units WHERE ${order.userId}::text IS NOT NULL ORDER BY id
          ON CONFLICT (user_id, product_id) DO UPDATE
            SET quantity = user_purchase.quantity + EXCLUDED.quantity,
                last_purchased_at = GREATEST(user_purchase.last_purchased_at, EXCLUDED.last_purchased_at)
        )
        SELECT count(*)::int AS applied FROM applied`;
      return rows[0]?.applied === 1;
    },

    /** Products bought together with this one (for dropping their cached lists). */
    async coPurchasedWith(productId: string): Promise<string[]> {
      const rows = await db.coPurchase.findMany({ where: { productId }, select: { otherProductId: true } });
      return rows.map((row) => row.otherProductId);
    },

    async salesBucketsOf(productId: string, since: Date): Promise<Date[]> {
      const rows = await db.productSalesHourly.findMany({
        where: { productId, bucketStart: { gte: since } },
        select: { bucketStart: true },
      });
      return rows.map((row) => row.bucketStart);
    },

    async buyersOf(productId: string): Promise<string[]> {
      const rows = await db.userPurchase.findMany({ where: { productId }, select: { userId: true } });
      return rows.map((row) => row.userId);
    },
  };
}
