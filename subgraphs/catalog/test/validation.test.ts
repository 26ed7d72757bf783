import { slugify } from "@shopstream/kernel";
import { describe, expect, it } from "vitest";
import { validateMoney, validatePricePair } from "../src/services/money.js";
import { checkSlug, checkText, checkVariants } from "../src/services/product-validation.js";

const variant = (overrides: Partial<Parameters<typeof checkVariants>[0][number]> = {}) => ({
  sku: "ABC-1",
  size: "M",
  colour: "Navy",
  price: { amount: 1000, currency: "EUR" },
  ...overrides,
});

describe("money", () => {
  it("accepts zero and known currencies, rejects negative amounts and unknown codes", () => {
    expect(validateMoney({ amount: 0, currency: "EUR" }, ["price"])).toEqual([]);
    expect(validateMoney({ amount: 100, currency: "JPY" }, ["price"])).toEqual([]);
    expect(validateMoney({ amount: -1, currency: "EUR" }, ["price"])[0]).toMatchObject({
      code: "NEGATIVE_AMOUNT",
      field: ["price", "amount"],
    });
    for (const currency of ["XYZ", "eur", "EURO", ""])
      expect(validateMoney({ amount: 1, currency }, ["p"])[0]?.code).toBe("UNKNOWN_CURRENCY");
  });

  it("wants a compare-at price in the same currency and strictly above the price", () => {
    const price = { amount: 1000, currency: "EUR" };
    expect(validatePricePair(price, { amount: 1500, currency: "EUR" }, [])).toEqual([]);
    expect(validatePricePair(price, { amount: 1000, currency: "EUR" }, [])[0]?.code).toBe("COMPARE_AT_NOT_ABOVE_PRICE");
    expect(validatePricePair(price, { amount: 1500, currency: "USD" }, [])[0]?.code).toBe("CURRENCY_MISMATCH");
  });
});

describe("product input", () => {
  it("rejects empty and over-long text", () => {
    expect(checkText("  ", "name", 10)[0]?.code).toBe("REQUIRED");
    expect(checkText("x".repeat(11), "name", 10)[0]?.code).toBe("TOO_LONG");
    expect(checkText("", "description", 10, false)).toEqual([]);
  });

  it("derives slugs and checks their format", () => {
    expect(slugify("Crème Linen Shirt – Navy!")).toBe("creme-linen-shirt-navy");
    expect(checkSlug("linen-shirt")).toEqual([]);
    expect(checkSlug("Linen Shirt")[0]?.code).toBe("INVALID_FORMAT");
  });

  it("reports every bad variant field with its path", () => {
    expect(checkVariants([])[0]).toMatchObject({ code: "REQUIRED", field: ["variants"] });
    const errors = checkVariants([
      variant(),
      variant({ sku: "ABC-1", size: "", price: { amount: -5, currency: "EUR" } }),
    ]);
    expect(errors.map((error) => [error.code, error.field?.join(".")])).toEqual([
      ["ALREADY_EXISTS", "variants.1.sku"],
      ["REQUIRED", "variants.1.size"],
      ["NEGATIVE_AMOUNT", "variants.1.price.amount"],
    ]);
    expect(checkVariants([variant(), variant({ sku: "ABC-2", price: { amount: 1, currency: "USD" } })])[0]?.code).toBe(
      "CURRENCY_MISMATCH",
    );
  });
});
