// Where each order's time goes between placeOrder and CONFIRMED, from the timestamps the services
// record themselves (each is its transaction's start, PostgreSQL's now()): the orders outbox row
// published, inventory's reservation, inventory's stock.reserved published, orders' STOCK_RESERVED
// entry, then PAYMENT_AUTHORIZED and CONFIRMED. Both databases are on one server, one clock.
import { percentile } from "../load/stats.js";
import { connectDomainDb } from "../support/domain-db.js";

export const HOPS = [
  "orders relay publishes order.placed",
  "broker + inventory reserves",
  "inventory relay publishes stock.reserved",
  "broker + orders queues the payment",
  "payment worker authorizes",
  "confirmed",
] as const;

export interface HopFigures {
  hop: string;
  orders: number;
  p50Ms: number;
  p99Ms: number;
}

const ms = (column: string) => `extract(epoch FROM ${column}) * 1000`;
const at = (kind: string) =>
  `(SELECT ${ms("t.at")} FROM order_timeline_entry t WHERE t.order_id = o.id AND t.kind = '${kind}' LIMIT 1)`;

export async function sagaHops(orderIds: string[]): Promise<HopFigures[]> {
  const orders = await connectDomainDb("orders");
  const inventory = await connectDomainDb("inventory");
  try {
    const { rows: ordersSide } = await orders.query<Record<string, number | null> & { id: string }>(
      `SELECT o.id, ${ms("o.placed_at")} AS placed,
         (SELECT ${ms("e.published_at")} FROM outbox_event e
          WHERE e.key = o.id AND e.type = 'orders.order.placed' LIMIT 1) AS published,
         ${at("STOCK_RESERVED")} AS reserved_seen, ${at("PAYMENT_AUTHORIZED")} AS authorized,
         ${at("CONFIRMED")} AS confirmed
       FROM "order" o WHERE o.id = ANY($1::text[])`,
      [orderIds],
    );
    const { rows: inventorySide } = await inventory.query<{ id: string; reserved: number; published: number | null }>(
      `SELECT r.order_id AS id, ${ms("r.created_at")} AS reserved,
         (SELECT ${ms("e.published_at")} FROM outbox_event e
          WHERE e.key = r.order_id AND e.type = 'inventory.stock.reserved' LIMIT 1) AS published
       FROM reservation r WHERE r.order_id = ANY($1::text[])`,
      [orderIds],
    );
    const byOrder = new Map(inventorySide.map((row) => [row.id, row]));
    const steps = ordersSide.map((o) => {
      const inv = byOrder.get(o.id);
      return [o.placed, o.published, inv?.reserved, inv?.published, o.reserved_seen, o.authorized, o.confirmed].map(
        (value) => (value === null || value === undefined ? undefined : Number(value)),
      );
    });
    return HOPS.map((hop, i) => {
      const durations = steps
        .filter((s) => s[i] !== undefined && s[i + 1] !== undefined)
        .map((s) => Math.max(0, s[i + 1]! - s[i]!))
        .sort((a, b) => a - b);
      return {
        hop,
        orders: durations.length,
        p50Ms: Math.round(percentile(durations, 50)),
        p99Ms: Math.round(percentile(durations, 99)),
      };
    });
  } finally {
    await Promise.all([orders.end(), inventory.end()]);
  }
}
