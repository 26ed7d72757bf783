// The backfill's read side: the monolith's orders in order-number order, each as the snapshot its
// change capture publishes (the legacy database's legacy_order_snapshot function), read-only.
import type pg from "pg";

const batchSql = `
  SELECT order_no, legacy_order_snapshot(order_no) AS snapshot
  FROM legacy_order WHERE order_no > $1 ORDER BY order_no LIMIT $2`;

export interface LegacyOrderSource {
  /** How many orders come after `afterOrderNo`. */
  countAfter(afterOrderNo: number): Promise<number>;
  /** Up to `limit` orders after `afterOrderNo`, lowest number first, as raw snapshots. */
  readAfter(afterOrderNo: number, limit: number): Promise<{ orderNo: number; snapshot: unknown }[]>;
}

export function legacyOrderSource(pool: pg.Pool): LegacyOrderSource {
  return {
    async countAfter(afterOrderNo) {
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM legacy_order WHERE order_no > $1", [
        afterOrderNo,
      ]);
      return rows[0].n;
    },
    async readAfter(afterOrderNo, limit) {
      const { rows } = await pool.query(batchSql, [afterOrderNo, limit]);
      return rows.map((row) => ({ orderNo: row.order_no, snapshot: row.snapshot }));
    },
  };
}
