// Monolith orders for tests (write them with the harness's writeOrders: uncaptured, like the
// monolith's history), numbered far above the seed's.
import type { LegacyOrderRow } from "../../src/repositories/legacy-order-repository.js";

let nextOrderNo = 700_000_000 + Math.floor(Math.random() * 100_000_000);

/** A delivered two-line order in EUR placed at `createdTs`; `overrides` replace header fields. */
export function legacyOrder(custId: string, createdTs: Date, overrides: Partial<LegacyOrderRow> = {}): LegacyOrderRow {
  return {
    orderNo: nextOrderNo++,
    custId,
    ordStatus: "D",
    currCd: "EUR",
    subAmt: "74.79",
    shipAmt: "4.95",
    taxAmt: "14.21",
    totAmt: "93.95",
    shipVia: "STD",
    shipName: "Lea Klein",
    shipAddr1: "Marktplatz 3",
    shipAddr2: null,
    shipCity: "Vienna",
    shipZip: "1010",
    shipCtry: "AT",
    createdTs,
    modifiedTs: new Date(createdTs.getTime() + 3 * 86_400_000),
    items: [
      {
        lineNo: 1,
        skuId: "var_lg_1",
        skuCode: "SKU-LG-1",
        prodId: "prd_lg",
        prodName: "Wool Scarf",
        qty: 1,
        unitPrice: "24.93",
      },
      {
        lineNo: 2,
        skuId: "var_lg_2",
        skuCode: "SKU-LG-2",
        prodId: "prd_lg",
        prodName: "Wool Scarf",
        qty: 2,
        unitPrice: "24.93",
      },
    ],
    ...overrides,
  };
}
