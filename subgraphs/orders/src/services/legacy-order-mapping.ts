// How a monolith order becomes an orders-domain order, for the backfill and for change capture
// alike: money from decimals to integer minor units, the monolith's statuses to ours, its order
// number kept as the external reference and, prefixed, as the public id (so `order(id)` finds the
// same order along both paths of the rollout).
import { legacyEvents } from "@shopstream/kernel";

type LegacyOrderSnapshot = legacyEvents.LegacyOrderSnapshot;
type OrderStatus = "PENDING" | "CONFIRMED" | "CANCELLED";

const { decimalToMinorUnits, LegacyOrderMappingError, legacyOrderId, legacyShippingMethod, legacyStatusMeaning } =
  legacyEvents;

export { decimalToMinorUnits, LegacyOrderMappingError };

export interface ImportedOrder {
  id: string;
  externalRef: string;
  externalVersion: number;
  userId: string;
  status: OrderStatus;
  cancelReason: "CUSTOMER" | "PAYMENT_DECLINED" | null;
  currency: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  shippingMethod: "STANDARD" | "EXPRESS";
  shippingAddress: LegacyOrderSnapshot["shipTo"];
  placedAt: string;
  modifiedAt: string;
  monolithStatus: legacyEvents.LegacyOrderStatus;
  lines: {
    variantId: string;
    productId: string;
    sku: string;
    productName: string;
    quantity: number;
    unitPrice: number;
  }[];
}

function assertTwoDecimalCurrency(currency: string) {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  if (digits !== 2) throw new LegacyOrderMappingError(`currency ${currency} has ${digits} decimals, not 2`);
}

export function mapLegacyOrder(order: LegacyOrderSnapshot): ImportedOrder {
  assertTwoDecimalCurrency(order.currency);
  if (order.items.length === 0) throw new LegacyOrderMappingError(`legacy order ${order.orderNo} has no items`);
  const variants = new Set(order.items.map((item) => item.skuId));
  if (variants.size !== order.items.length)
    throw new LegacyOrderMappingError(`legacy order ${order.orderNo} lists a SKU twice`);
  const { status, cancellationReason: cancelReason } = legacyStatusMeaning[order.status];
  return {
    id: legacyOrderId(order.orderNo),
    externalRef: String(order.orderNo),
    externalVersion: order.changeSeq,
    userId: order.custId,
    status,
    cancelReason,
    currency: order.currency,
    subtotal: decimalToMinorUnits(order.subtotal),
    shipping: decimalToMinorUnits(order.shipping),
    tax: decimalToMinorUnits(order.tax),
    total: decimalToMinorUnits(order.total),
    shippingMethod: legacyShippingMethod(order.shipVia),
    shippingAddress: order.shipTo,
    placedAt: order.createdAt,
    modifiedAt: order.modifiedAt,
    monolithStatus: order.status,
    lines: order.items.map((item) => ({
      variantId: item.skuId,
      productId: item.prodId,
      sku: item.skuCode,
      productName: item.prodName,
      quantity: item.qty,
      unitPrice: decimalToMinorUnits(item.unitPrice),
    })),
  };
}
