// The backfill of the monolith's order history, run as the CLI on databases of its own (a legacy
// and an orders twin under one suffix): dry run, a run killed mid-way that resumes from its
// checkpoint, a second full run that changes nothing, what a mapped order looks like, and that an
// order the mapping refuses is skipped with its reason.
import { createLogger, createPgPool, parseEnv, pgConnection, postgresEnv } from "@shopstream/kernel";
import { createScratchDatabase, type ScratchDatabase, waitFor } from "@shopstream/testkit";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfill, startBackfill } from "./support/backfill-run.js";

const ORDERS = 1_200;
const logger = createLogger("backfill-test", "silent");
let legacyDb: ScratchDatabase;
let ordersDb: ScratchDatabase;
let legacy: pg.Pool;
let orders: pg.Pool;
let env: Record<string, string>;

const pool = (domain: string, suffix: string) =>
  createPgPool(pgConnection(parseEnv(postgresEnv(domain), { ...process.env, PGDATABASE_SUFFIX: suffix })), logger);

// The history as the monolith left it: N orders of 1–3 items (the last one is a poison order listing
// a SKU twice), written with change capture off, as the seed writes it.
const historySql = `
  BEGIN;
  SELECT set_config('shopstream.legacy_capture', 'off', true);
  INSERT INTO legacy_order (order_no, cust_id, ord_status, curr_cd, sub_amt, ship_amt, tax_amt, tot_amt, ship_via,
    ship_name, ship_addr1, ship_city, ship_zip, ship_ctry, created_ts, modified_ts)
  SELECT 100000 + n, 'usr_hist_' || (n % 40), (ARRAY['D','X','F','P','S','N'])[1 + n % 6], 'EUR',
    (n % 3 + 1) * 12.34, 4.95, 2.35, (n % 3 + 1) * 12.34 + 7.30, CASE WHEN n % 4 = 0 THEN 'EXP' ELSE 'STD' END,
    'Anna Becker', 'Rosenweg ' || n, 'Berlin', '10115', 'DE',
    timestamp '2023-01-01' + n * interval '1 hour', timestamp '2023-01-02' + n * interval '1 hour'
  FROM generate_series(1, ${ORDERS + 1}) AS n;
  INSERT INTO legacy_order_item (order_no, line_no, sku_id, sku_code, prod_id, prod_name, qty, unit_price)
  SELECT 100000 + n, l, 'var_' || l, 'SKU-' || l, 'prd_1', 'Linen Shirt', 1, 12.34
  FROM generate_series(1, ${ORDERS}) AS n, generate_series(1, 3) AS l WHERE l <= n % 3 + 1;
  INSERT INTO legacy_order_item VALUES (${100000 + ORDERS + 1}, 1, 'var_1', 'SKU-1', 'prd_1', 'Linen Shirt', 1, 12.34),
    (${100000 + ORDERS + 1}, 2, 'var_1', 'SKU-1', 'prd_1', 'Linen Shirt', 1, 12.34);
  COMMIT;`;

const importedRows = async () =>
  (
    await orders.query(`
      SELECT o.id, o.status, o.cancel_reason, o.subtotal, o.total, o.external_version, o.updated_at,
        (SELECT json_agg(l ORDER BY l.variant_id) FROM order_line l WHERE l.order_id = o.id) AS lines,
        (SELECT json_agg(t ORDER BY t.id) FROM order_timeline_entry t WHERE t.order_id = o.id) AS timeline
      FROM "order" o WHERE o.external_ref IS NOT NULL ORDER BY o.external_ref`)
  ).rows;

beforeAll(async () => {
  legacyDb = await createScratchDatabase("legacy");
  ordersDb = await createScratchDatabase("orders", { suffix: legacyDb.suffix });
  legacy = pool("legacy", legacyDb.suffix);
  orders = pool("orders", legacyDb.suffix);
  await legacy.query(historySql);
  env = { PGDATABASE_SUFFIX: legacyDb.suffix };
}, 120_000);

afterAll(async () => {
  await legacy?.end();
  await orders?.end();
  await legacyDb?.drop();
  await ordersDb?.drop();
});

describe("orders:backfill", () => {
  it("in a dry run maps and counts every order and writes nothing", async () => {
    const { code, output } = await backfill(["--dry-run", "--rate", "0"], env);
    expect(code, output).toBe(0);
    expect(output).toContain(`dry run: ${(ORDERS + 1).toLocaleString("en")}/${(ORDERS + 1).toLocaleString("en")}`);
    expect(output).toContain("1 skipped");
    expect(output).toMatch(/skipped order 101201: .*lists a SKU twice/);
    expect(await importedRows()).toHaveLength(0);
    expect((await orders.query("SELECT * FROM legacy_backfill_checkpoint")).rows).toHaveLength(0);
  });

  it("killed mid-run, resumes after the last batch it committed and imports every order once", async () => {
    const killed = startBackfill(["--batch-size", "100", "--rate", "300"], env);
    await waitFor(() => /\[backfill\] 200\//.test(killed.output()), { timeoutMs: 30_000, what: "two batches" });
    killed.child.kill("SIGKILL");
    await killed.exited;
    const [checkpoint] = (await orders.query("SELECT last_order_no FROM legacy_backfill_checkpoint")).rows;
    expect(checkpoint.last_order_no).toBeGreaterThanOrEqual(100_200);
    expect(checkpoint.last_order_no).toBeLessThan(100_000 + ORDERS);
    const partial = (await importedRows()).length;
    expect(partial).toBe(checkpoint.last_order_no - 100_000);

    const { code, output } = await backfill(["--rate", "0"], env);
    expect(code, output).toBe(0);
    expect(output).toContain(`resumed after order ${checkpoint.last_order_no}`);
    expect(output).toContain(`${(ORDERS - partial).toLocaleString("en")} imported`);
    expect(await importedRows()).toHaveLength(ORDERS);
    const [done] = (await orders.query("SELECT last_order_no, imported, skipped FROM legacy_backfill_checkpoint")).rows;
    expect(done).toEqual({ last_order_no: 100_000 + ORDERS + 1, imported: ORDERS, skipped: 1 });
  }, 60_000);

  it("run again from the first order, writes nothing: the same rows, byte for byte", async () => {
    const before = await importedRows();
    const { code, output } = await backfill(["--restart", "--rate", "0"], env);
    expect(code, output).toBe(0);
    expect(output).toContain("from the first order");
    expect(output).toContain("0 imported, 0 updated, 1 skipped");
    expect(await importedRows()).toEqual(before);
  }, 60_000);

  it("maps money to minor units, statuses to ours and keeps the monolith's number", async () => {
    const { rows } = await orders.query(
      `SELECT id, owner_key, user_id, status, cancel_reason, currency, subtotal, shipping, tax, total, shipping_method,
        shipping_address, placed_at, payment_token FROM "order" WHERE external_ref IN ('100002', '100003') ORDER BY id`,
    );
    // n = 2: status F (payment failed), 3 items of 12.34; n = 3: status P (paid), 1 item
    expect(rows).toEqual([
      {
        id: "LO-100002",
        owner_key: "user:usr_hist_2",
        user_id: "usr_hist_2",
        status: "CANCELLED",
        cancel_reason: "PAYMENT_DECLINED",
        currency: "EUR",
        subtotal: 3702,
        shipping: 495,
        tax: 235,
        total: 4432,
        shipping_method: "STANDARD",
        shipping_address: {
          name: "Anna Becker",
          line1: "Rosenweg 2",
          line2: null,
          city: "Berlin",
          postalCode: "10115",
          country: "DE",
        },
        placed_at: new Date("2023-01-01T02:00:00Z"),
        payment_token: null,
      },
      expect.objectContaining({ id: "LO-100003", status: "CONFIRMED", cancel_reason: null, subtotal: 1234 }),
    ]);
    const lines = await orders.query(
      "SELECT variant_id, sku, quantity, unit_price FROM order_line WHERE order_id = 'LO-100002' ORDER BY variant_id",
    );
    expect(lines.rows).toEqual(
      [1, 2, 3].map((l) => ({ variant_id: `var_${l}`, sku: `SKU-${l}`, quantity: 1, unit_price: 1234 })),
    );
  });
});
