// Writes what a confirmed order teaches: which products were bought together, how many units of
// each (all time and per hour), and what the buyer bought. Every write is an additive upsert.
import type { Db } from "../db.js";

export interface ProductUnits {
  productId: string;
  quantity: number;
}

export function createOrderFactsRepository(db: Db) {
  return {
    /** Records the order once; false when it was applied before (under any event id or consumer). */
    async markApplied(orderId: string, eventId: string, confirmedAt: Date): Promise<boolean> {
      const inserted = await db.$executeRaw`
        INSERT INTO applied_order (order_id, event_id, confirmed_at)
        VALUES (${orderId}, ${eventId}, ${confirmedAt}) ON CONFLICT (order_id) DO NOTHING`;
      return inserted === 1;
    },

    /** +1 for every ordered pair of distinct products (both directions). */
    async addCoPurchases(productIds: string[]) {
      if (productIds.length < 2) return;
      await db.$executeRaw`
        INSERT INTO co_purchase (product_id, other_product_id, order_count)
        SELECT a, b, 1 FROM unnest(${productIds}::text[]) a CROSS JOIN unnest(${productIds}::text[]) b WHERE a <> b
        ON CONFLICT (product_id, other_product_id) DO UPDATE SET order_count = co_purchase.order_count + 1`;
    },

    async addSales(units: ProductUnits[], bucketStart: Date) {
      const ids = units.map((unit) => unit.productId);
      const quantities = units.map((unit) => unit.quantity);
      await db.$executeRaw`
        INSERT INTO product_sales (product_id, quantity, order_count)
        SELECT id, qty, 1 FROM unnest(${ids}::text[], ${quantities}::int[]) AS u(id, qty)
        ON CONFLICT (product_id) DO UPDATE SET quantity = product_sales.quantity + EXCLUDED.quantity,
                                               order_count = product_sales.order_count + 1`;
      await db.$executeRaw`
        INSERT INTO product_sales_hourly (product_id, bucket_start, quantity)
        SELECT id, ${bucketStart}, qty FROM unnest(${ids}::text[], ${quantities}::int[]) AS u(id, qty)
        ON CONFLICT (product_id, bucket_start) DO UPDATE
          SET quantity = product_sales_hourly.quantity + EXCLUDED.quantity`;
    },

    async addUserPurchases(userId: string, units: ProductUnits[], purchasedAt: Date) {
      const ids = units.map((unit) => unit.productId);
      const quantities = units.map((unit) => unit.quantity);
      await db.$executeRaw`
        INSERT INTO user_purchase (user_id, product_id, quantity, last_purchased_at)
        SELECT ${userId}, id, qty, ${purchasedAt} FROM unnest(${ids}::text[], ${quantities}::int[]) AS u(id, qty)
        ON CONFLICT (user_id, product_id) DO UPDATE
          SET quantity = user_purchase.quantity + EXCLUDED.quantity,
              last_purchased_at = GREATEST(user_purchase.last_purchased_at, EXCLUDED.last_purchased_at)`;
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
