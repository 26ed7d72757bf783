// placed→confirmed for the orders a checkout run placed, through the saga's events (orders →
// inventory reserve → payment → CONFIRMED): waits until none is PENDING, then reads both
// timestamps the orders service recorded (order.placed_at and its CONFIRMED timeline entry).
import { percentile } from "../load/stats.js";
import { connectDomainDb } from "../support/domain-db.js";

export interface ConfirmationFigures {
  placed: number;
  confirmed: number;
  notConfirmed: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export async function placedToConfirmed(orderIds: string[], timeoutMs = 60_000): Promise<ConfirmationFigures> {
  const client = await connectDomainDb("orders");
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM "order" WHERE id = ANY($1::text[]) AND status = 'PENDING'`,
        [orderIds],
      );
      if (Number(rows[0]!.n) === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const { rows } = await client.query<{ ms: number }>(
      `SELECT extract(epoch FROM t.at - o.placed_at) * 1000 AS ms FROM "order" o
       JOIN order_timeline_entry t ON t.order_id = o.id AND t.kind = 'CONFIRMED' WHERE o.id = ANY($1::text[])`,
      [orderIds],
    );
    const sorted = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
    const r0 = (n: number) => Math.round(n);
    return {
      placed: orderIds.length,
      confirmed: sorted.length,
      notConfirmed: orderIds.length - sorted.length,
      p50Ms: r0(percentile(sorted, 50)),
      p95Ms: r0(percentile(sorted, 95)),
      p99Ms: r0(percentile(sorted, 99)),
    };
  } finally {
    await client.end();
  }
}
