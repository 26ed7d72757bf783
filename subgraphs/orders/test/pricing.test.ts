// Totals in integer minor units: tax rounded half up, no shipping on an empty cart.
import { describe, expect, it } from "vitest";
import { computeTotals } from "../src/services/pricing.js";

const config = { taxRateBps: 800, shipping: { STANDARD: 500, EXPRESS: 1_500 }, defaultCurrency: "USD" };

describe("computeTotals", () => {
  it("adds subtotal, shipping by method and tax", () => {
    const lines = [
      { quantity: 2, unitPrice: 1_250, currency: "EUR" },
      { quantity: 1, unitPrice: 99, currency: "EUR" },
    ];
    expect(computeTotals(lines, "EXPRESS", config)).toEqual({
      currency: "EUR",
      subtotal: 2_599,
      shipping: 1_500,
      tax: 208,
      total: 4_307,
    });
  });

  it("rounds tax half up: 0.5 of a cent goes up, less goes down", () => {
    expect(
      computeTotals([{ quantity: 1, unitPrice: 1_875, currency: "USD" }], "STANDARD", { ...config, taxRateBps: 1_000 })
        .tax,
    ).toBe(188);
    expect(
      computeTotals([{ quantity: 1, unitPrice: 1_874, currency: "USD" }], "STANDARD", { ...config, taxRateBps: 1_000 })
        .tax,
    ).toBe(187);
  });

  it("charges nothing for an empty cart", () => {
    expect(computeTotals([], "EXPRESS", config)).toEqual({
      currency: "USD",
      subtotal: 0,
      shipping: 0,
      tax: 0,
      total: 0,
    });
  });
});
