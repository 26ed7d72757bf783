import { describe, expect, it } from "vitest";
import { toFacets } from "../src/services/facets.js";

describe("toFacets", () => {
  it("maps width_bucket indexes to band bounds and orders sizes like a size chart", () => {
    const facets = toFacets([
      { facet: "total", value: "", count: 7 },
      { facet: "size", value: "XL", count: 1 },
      { facet: "size", value: "S", count: 3 },
      { facet: "size", value: "M", count: 2 },
      { facet: "price", value: "6", count: 1 },
      { facet: "price", value: "1", count: 4 },
      { facet: "brand", value: "b1", count: 2 },
      { facet: "brand", value: "b2", count: 5 },
    ]);
    expect(facets.total).toBe(7);
    expect(facets.sizes.map((size) => size.value)).toEqual(["S", "M", "XL"]);
    expect(facets.priceBands).toEqual([
      { min: 0, max: 2500, count: 4 },
      { min: 40000, max: null, count: 1 },
    ]);
    expect(facets.brands).toEqual([
      { brandId: "b2", count: 5 },
      { brandId: "b1", count: 2 },
    ]);
  });
});
