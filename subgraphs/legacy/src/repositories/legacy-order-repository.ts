// The monolith's legacy_order and legacy_order_item tables (Prisma only). Read by the subgraph;
// the seed writes the history with change capture off (it predates the parallel run).
import type { LegacyPrisma } from "../db.js";

export interface LegacyOrderItemRow {
  lineNo: number;
  skuId: string;
  skuCode: string;
  prodId: string;
  prodName: string;
  qty: number;
  /** Decimal text, e.g. "12.50". */
  unitPrice: string;
}

export interface LegacyOrderRow {
  orderNo: number;
  custId: string;
  ordStatus: string;
  currCd: string;
  subAmt: string;
  shipAmt: string;
  taxAmt: string;
  totAmt: string;
  shipVia: string;
  shipName: string;
  shipAddr1: string;
  shipAddr2: string | null;
  shipCity: string;
  shipZip: string;
  shipCtry: string;
  createdTs: Date;
  modifiedTs: Date;
  items: LegacyOrderItemRow[];
}

// One statement per table from a JSON batch: Prisma's createMany spends about a second per
// thousand orders compiling, which made the 40,000-order seed take 40 s.
const insertOrdersSql = `
  INSERT INTO legacy_order (order_no, cust_id, ord_status, curr_cd, sub_amt, ship_amt, tax_amt, tot_amt, ship_via,
    ship_name, ship_addr1, ship_addr2, ship_city, ship_zip, ship_ctry, created_ts, modified_ts)
  SELECT "orderNo", "custId", "ordStatus", "currCd", "subAmt", "shipAmt", "taxAmt", "totAmt", "shipVia",
    "shipName", "shipAddr1", "shipAddr2", "shipCity", "shipZip", "shipCtry", "createdTs", "modifiedTs"
  FROM jsonb_to_recordset($1::jsonb) AS o("orderNo" int, "custId" text, "ordStatus" char(1), "currCd" char(3),
    "subAmt" numeric, "shipAmt" numeric, "taxAmt" numeric, "totAmt" numeric, "shipVia" text, "shipName" text,
    "shipAddr1" text, "shipAddr2" text, "shipCity" text, "shipZip" text, "shipCtry" char(2),
    "createdTs" timestamp, "modifiedTs" timestamp)
  ON CONFLICT (order_no) DO NOTHING`;

const insertItemsSql = `
  INSERT INTO legacy_order_item (order_no, line_no, sku_id, sku_code, prod_id, prod_name, qty, unit_price)
  SELECT "orderNo", "lineNo", "skuId", "skuCode", "prodId", "prodName", qty, "unitPrice"
  FROM jsonb_to_recordset($1::jsonb) AS i("orderNo" int, "lineNo" smallint, "skuId" text, "skuCode" text,
    "prodId" text, "prodName" text, qty int, "unitPrice" numeric)
  ON CONFLICT (order_no, line_no) DO NOTHING`;

/** Inserts orders (with their items) that are not there yet, uncaptured; returns how many were new. */
export async function insertHistory(prisma: LegacyPrisma, orders: readonly LegacyOrderRow[]): Promise<number> {
  const headers = orders.map(({ items: _items, createdTs, modifiedTs, ...order }) => ({
    ...order,
    // timestamp without time zone, in UTC as the monolith kept it
    createdTs: createdTs.toISOString().slice(0, 19),
    modifiedTs: modifiedTs.toISOString().slice(0, 19),
  }));
  const items = orders.flatMap((order) => order.items.map((item) => ({ ...item, orderNo: order.orderNo })));
  const [, inserted] = await prisma.$transaction([
    prisma.$executeRawUnsafe("SELECT set_config('shopstream.legacy_capture', 'off', true)"),
    prisma.$executeRawUnsafe(insertOrdersSql, JSON.stringify(headers)),
    prisma.$executeRawUnsafe(insertItemsSql, JSON.stringify(items)),
  ]);
  return inserted;
}

const withItems = { items: { orderBy: { lineNo: "asc" } } } as const;

const toRow = (order: Awaited<ReturnType<typeof findOrders>>[number]): LegacyOrderRow => ({
  ...order,
  subAmt: order.subAmt.toFixed(2),
  shipAmt: order.shipAmt.toFixed(2),
  taxAmt: order.taxAmt.toFixed(2),
  totAmt: order.totAmt.toFixed(2),
  items: order.items.map(({ orderNo: _orderNo, ...item }) => ({ ...item, unitPrice: item.unitPrice.toFixed(2) })),
});

type OrderWhere = NonNullable<Parameters<LegacyPrisma["legacyOrder"]["findMany"]>[0]>["where"];

const findOrders = (prisma: LegacyPrisma, where: OrderWhere, take?: number) =>
  prisma.legacyOrder.findMany({
    where,
    include: withItems,
    orderBy: [{ createdTs: "desc" }, { orderNo: "desc" }],
    ...(take === undefined ? {} : { take }),
  });

export const ordersByNo = async (prisma: LegacyPrisma, orderNos: readonly number[]) =>
  (await findOrders(prisma, { orderNo: { in: [...orderNos] } })).map(toRow);

/**
 * A customer's orders, newest first (ties by number), after the given position: `orderNo`
 * undefined means every order placed at `createdTs` counts as already seen.
 */
export async function customerOrders(
  prisma: LegacyPrisma,
  custId: string,
  take: number,
  after?: { createdTs: Date; orderNo?: number },
) {
  const before = after && {
    OR: [
      { createdTs: { lt: after.createdTs } },
      ...(after.orderNo === undefined ? [] : [{ createdTs: after.createdTs, orderNo: { lt: after.orderNo } }]),
    ],
  };
  return (await findOrders(prisma, { custId, ...before }, take)).map(toRow);
}
