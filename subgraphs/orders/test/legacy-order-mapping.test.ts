// The monolith-to-orders mapping on its own: exact money conversion (never through a float), the
// currencies it accepts, and orders it refuses rather than importing wrongly.
import { legacyEvents } from "@shopstream/kernel";
import { describe, expect, it } from "vitest";
import { decimalToMinorUnits, LegacyOrderMappingError, mapLegacyOrder } from "../src/services/legacy-order-mapping.js";

const snapshot = (overrides: Partial<legacyEvents.LegacyOrderSnapshot> = {}) =>
  legacyEvents.legacyOrderSnapshot.parse({
    orderNo: 123456,
    custId: "usr_m00042",
    status: "S",
    currency: "EUR",
    subtotal: "0.29",
    shipping: "4.95",
    tax: "0.06",
    total: "5.30",
    shipVia: "EXP",
    shipTo: {
      name: "Lea Klein",
      line1: "Marktplatz 3",
      line2: null,
      city: "Vienna",
      postalCode: "1010",
      country: "AT",
    },
    createdAt: "2024-02-29T23:59:59Z",
    modifiedAt: "2024-03-02T08:00:00Z",
    items: [
      { lineNo: 1, skuId: "var_1", skuCode: "SKU-1", prodId: "prd_1", prodName: "Sock", qty: 1, unitPrice: "0.29" },
    ],
    changeSeq: 7,
    ...overrides,
  });

describe("legacy order mapping", () => {
  it("converts decimals to minor units exactly, including the ones floats get wrong", () => {
    expect(decimalToMinorUnits("0.29")).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(decimalToMinorUnits("1.15")).toBe(115);
    expect(decimalToMinorUnits("123456789.99")).toBe(12_345_678_999);
    expect(decimalToMinorUnits("-4.95")).toBe(-495);
    for (const bad of ["1.5", "1,50", "", "1e2", "12.345"])
      expect(() => decimalToMinorUnits(bad)).toThrow(LegacyOrderMappingError);
  });

  it("keeps the monolith's number, maps status and shipping, and carries the change's version", () => {
    expect(mapLegacyOrder(snapshot())).toMatchObject({
      id: "LO-123456",
      externalRef: "123456",
      externalVersion: 7,
      userId: "usr_m00042",
      status: "CONFIRMED",
      cancelReason: null,
      subtotal: 29,
      shipping: 495,
      tax: 6,
      total: 530,
      shippingMethod: "EXPRESS",
      placedAt: "2024-02-29T23:59:59Z",
      lines: [
        { variantId: "var_1", productId: "prd_1", sku: "SKU-1", productName: "Sock", quantity: 1, unitPrice: 29 },
      ],
    });
    expect(mapLegacyOrder(snapshot({ status: "N" })).status).toBe("PENDING");
    expect(mapLegacyOrder(snapshot({ status: "F" }))).toMatchObject({
      status: "CANCELLED",
      cancelReason: "PAYMENT_DECLINED",
    });
  });

  it("refuses what it cannot import faithfully", () => {
    expect(() => mapLegacyOrder(snapshot({ currency: "JPY" }))).toThrow(/JPY has 0 decimals/);
    expect(() => mapLegacyOrder(snapshot({ items: [] }))).toThrow(/has no items/);
    const item = snapshot().items[0]!;
    expect(() => mapLegacyOrder(snapshot({ items: [item, { ...item, lineNo: 2 }] }))).toThrow(/lists a SKU twice/);
  });
});
