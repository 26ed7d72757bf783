// The strangler fig's parallel run: an order the monolith takes or changes after the backfill
// started reaches the orders domain through change capture (trigger → legacy outbox → relay →
// Kafka → orders consumer), newest change winning, and the backfill never overwrites a captured
// copy. Real legacy and orders services on databases and topics of their own.
import { legacyService } from "@shopstream/legacy";
import { ordersService } from "@shopstream/orders";
import { backfill } from "@shopstream/orders/testing/backfill-run";
import {
  createScratchDatabase,
  type ScratchDatabase,
  startTestService,
  uniqueName,
  waitFor,
} from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let legacyDb: ScratchDatabase;
let ordersDb: ScratchDatabase;
let stopAll: () => Promise<void> = async () => {};
// biome-ignore lint/suspicious/noExplicitAny: the two Prisma clients are typed by their own packages
let legacySql: (sql: string, ...values: unknown[]) => Promise<any>;
/** Statements run in ONE legacy transaction, as one monolith change. */
let legacyTransaction: (...statements: string[]) => Promise<unknown>;
// biome-ignore lint/suspicious/noExplicitAny: see above
let ordersSql: (sql: string, ...values: unknown[]) => Promise<any[]>;

beforeAll(async () => {
  legacyDb = await createScratchDatabase("legacy");
  ordersDb = await createScratchDatabase("orders", { suffix: legacyDb.suffix });
  const env = {
    PGDATABASE_SUFFIX: legacyDb.suffix,
    KAFKA_TOPIC_PREFIX: `${process.env.KAFKA_TOPIC_PREFIX ?? ""}${uniqueName("cdc")}.`,
  };
  const orders = await startTestService(ordersService, {
    consumersStartAt: "beginning",
    env: { ...env, PAYMENT_SIMULATOR_START: "false" },
  });
  const monolith = await startTestService(legacyService, { env });
  legacySql = (sql, ...values) => monolith.db.$queryRawUnsafe(sql, ...values);
  legacyTransaction = (...statements) =>
    monolith.db.$transaction(statements.map((sql) => monolith.db.$executeRawUnsafe(sql)));
  ordersSql = (sql, ...values) => orders.db.$queryRawUnsafe(sql, ...values);
  stopAll = async () => {
    await Promise.all([monolith.stop("test done"), orders.stop("test done")]);
  };
}, 120_000);

afterAll(async () => {
  await stopAll();
  await legacyDb?.drop();
  await ordersDb?.drop();
});

/** The monolith taking an order (one transaction, as its checkout wrote it); returns its number. */
async function monolithPlacesOrder(custId: string): Promise<number> {
  const [{ order_no }] = await legacySql(
    `WITH o AS (
       INSERT INTO legacy_order (cust_id, ord_status, curr_cd, sub_amt, ship_amt, tax_amt, tot_amt, ship_via,
         ship_name, ship_addr1, ship_city, ship_zip, ship_ctry, created_ts, modified_ts)
       VALUES ($1, 'P', 'EUR', 74.80, 0.00, 14.21, 89.01, 'EXP', 'Lea Klein', 'Marktplatz 3', 'Vienna', '1010', 'AT',
         timestamp '2026-12-01 10:00:00', timestamp '2026-12-01 10:00:00')
       RETURNING order_no),
     i AS (
       INSERT INTO legacy_order_item (order_no, line_no, sku_id, sku_code, prod_id, prod_name, qty, unit_price)
       SELECT order_no, l, 'var_cdc_' || l, 'SKU-CDC-' || l, 'prd_cdc', 'Wool Scarf', l, 24.93 FROM o, generate_series(1, 2) l)
     SELECT order_no FROM o`,
    custId,
  );
  return order_no;
}

const importedOrder = async (orderNo: number) =>
  (
    await ordersSql(
      `SELECT o.status, o.cancel_reason, o.total, o.external_version::int AS version,
        (SELECT json_agg(json_build_object('variant', l.variant_id, 'quantity', l.quantity) ORDER BY l.variant_id)
          FROM order_line l WHERE l.order_id = o.id) AS lines,
        (SELECT json_agg(t.kind || ': ' || coalesce(t.detail, '') ORDER BY t.id) FROM order_timeline_entry t
          WHERE t.order_id = o.id) AS timeline
      FROM "order" o WHERE o.id = $1`,
      `LO-${orderNo}`,
    )
  )[0];

describe("change capture during the parallel run", () => {
  it("brings an order the monolith takes, and every later change to it, into the orders domain", async () => {
    const orderNo = await monolithPlacesOrder(uniqueName("usr_cdc"));
    const placed = await waitFor(() => importedOrder(orderNo), { timeoutMs: 30_000, what: "the captured order" });
    expect(placed).toEqual({
      status: "CONFIRMED",
      cancel_reason: null,
      total: 8901,
      version: expect.any(Number),
      lines: [
        { variant: "var_cdc_1", quantity: 1 },
        { variant: "var_cdc_2", quantity: 2 },
      ],
      timeline: ["PLACED: in the monolith", "LEGACY_STATUS: monolith status P: paid"],
    });

    // The call centre cancels it and, in the same transaction, corrects a quantity: one change.
    await legacyTransaction(
      `UPDATE legacy_order SET ord_status = 'X', modified_ts = timestamp '2026-12-02 09:00:00' WHERE order_no = ${orderNo}`,
      `UPDATE legacy_order_item SET qty = 3 WHERE order_no = ${orderNo} AND line_no = 2`,
    );
    const changed = await waitFor(
      async () => {
        const order = await importedOrder(orderNo);
        return order.status === "CANCELLED" && order.lines[1].quantity === 3 ? order : undefined;
      },
      { timeoutMs: 30_000, what: "both changes" },
    );
    expect(changed.cancel_reason).toBe("CUSTOMER");
    expect(changed.version).toBeGreaterThan(placed.version);
    expect(changed.timeline).toEqual([
      "PLACED: in the monolith",
      "LEGACY_STATUS: monolith status P: paid",
      "LEGACY_STATUS: monolith status X: cancelled by the customer or the call centre",
    ]);
    expect(await legacySql(`SELECT count(*)::int AS n FROM outbox_event WHERE key = '${orderNo}'`)).toEqual([{ n: 2 }]);

    // A backfill started now finds the order already there and leaves the captured copy alone.
    const run = await backfill(["--rate", "0"], { PGDATABASE_SUFFIX: legacyDb.suffix });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("0 imported, 0 updated, 0 skipped");
    expect(await importedOrder(orderNo)).toEqual(changed);
  }, 90_000);

  it("does not capture a write made with capture off (the history load, a copy written back)", async () => {
    const orderNo = await monolithPlacesOrder(uniqueName("usr_quiet"));
    const before = await legacySql("SELECT count(*)::int AS n FROM outbox_event");
    await legacyTransaction(
      "SELECT set_config('shopstream.legacy_capture', 'off', true)",
      `UPDATE legacy_order SET ship_city = 'Graz' WHERE order_no = ${orderNo}`,
    );
    expect(await legacySql(`SELECT ship_city FROM legacy_order WHERE order_no = ${orderNo}`)).toEqual([
      { ship_city: "Graz" },
    ]);
    expect(await legacySql("SELECT count(*)::int AS n FROM outbox_event")).toEqual(before);
  });
});
