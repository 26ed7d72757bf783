// A monolith order as the federated Order type reads it, built the way the backfill imports it
// (the kernel's legacy contract: statuses, decimals to minor units, LO-<number> ids), so that the
// router's shadow reads find the two paths agreeing unless the data does not.
import { legacyEvents } from "@shopstream/kernel";
import type { LegacyOrderRow } from "../repositories/legacy-order-repository.js";

const { decimalToMinorUnits, legacyOrderId, legacyStatusMeaning, LegacyOrderMappingError } = legacyEvents;

const money = (amount: string, currency: string) => ({ amount: decimalToMinorUnits(amount), currency });

function statusOf(order: LegacyOrderRow) {
  const code = order.ordStatus as legacyEvents.LegacyOrderStatus;
  const meaning = legacyStatusMeaning[code];
  if (!meaning) throw new LegacyOrderMappingError(`legacy order ${order.orderNo} has status ${order.ordStatus}`);
  return { code, ...meaning };
}

export function legacyOrderView(order: LegacyOrderRow) {
  const status = statusOf(order);
  const currency = order.currCd;
  return {
    id: legacyOrderId(order.orderNo),
    status: status.status,
    cancellationReason: status.cancellationReason,
    cancellationDetail: null,
    user: { __typename: "User", id: order.custId },
    lines: order.items.map((item) => ({
      variant: { __typename: "Variant", id: item.skuId },
      sku: item.skuCode,
      productName: item.prodName,
      quantity: item.qty,
      unitPrice: money(item.unitPrice, currency),
      lineTotal: { amount: decimalToMinorUnits(item.unitPrice) * item.qty, currency },
    })),
    totals: {
      subtotal: money(order.subAmt, currency),
      shipping: money(order.shipAmt, currency),
      tax: money(order.taxAmt, currency),
      total: money(order.totAmt, currency),
    },
    shippingAddress: {
      name: order.shipName,
      line1: order.shipAddr1,
      line2: order.shipAddr2,
      city: order.shipCity,
      postalCode: order.shipZip,
      country: order.shipCtry,
    },
    shippingMethod: legacyEvents.legacyShippingMethod(order.shipVia),
    payment: null,
    timeline: [
      { kind: "PLACED", detail: legacyEvents.legacyPlacedDetail, at: order.createdTs.toISOString() },
      {
        kind: "LEGACY_STATUS",
        detail: legacyEvents.legacyStatusDetail(status.code),
        at: order.modifiedTs.toISOString(),
      },
    ],
    placedAt: order.createdTs.toISOString(),
  };
}

export type LegacyOrderView = ReturnType<typeof legacyOrderView>;
