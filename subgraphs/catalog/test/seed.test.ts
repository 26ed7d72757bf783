import { generateSeedCatalog } from "@shopstream/seed-catalog";
import { describe, expect, it } from "vitest";
import { checkVariants } from "../src/services/product-validation.js";

describe("seed catalog", () => {
  const catalog = generateSeedCatalog();

  it("is the same on every run", () => {
    expect(generateSeedCatalog()).toEqual(catalog);
  });

  it("has the promised size", () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(500);
    expect(catalog.variants.length).toBeGreaterThanOrEqual(3000);
    expect(catalog.categories.length).toBeGreaterThanOrEqual(20);
  });

  it("has unique slugs and skus, and variants that pass the mutations' own validation", () => {
    expect(new Set(catalog.products.map((p) => p.slug)).size).toBe(catalog.products.length);
    expect(new Set(catalog.variants.map((v) => v.sku)).size).toBe(catalog.variants.length);
    for (const product of catalog.products.slice(0, 100)) {
      const variants = catalog.variants
        .filter((v) => v.productId === product.id)
        .map((v) => ({
          ...v,
          price: { amount: v.priceAmount, currency: v.currency },
          compareAtPrice: v.compareAtAmount === null ? null : { amount: v.compareAtAmount, currency: v.currency },
        }));
      expect(checkVariants(variants)).toEqual([]);
    }
  });
});
