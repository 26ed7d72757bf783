import { describe, expect, it } from "vitest";
import { cacheKeys, trendingKeysCovering } from "../src/services/cache-keys.js";
import { unitsPerProduct } from "../src/services/order-learning.js";
import { blend, hourBucket, pickDistinct, windowStart } from "../src/services/ranking.js";

const ranked = (...ids: string[]) => ids.map((productId, i) => ({ productId, score: 100 - i }));

describe("blend", () => {
  it("ranks an item high in several lists above one high in a single list", () => {
    const byCategory = ranked("x", "both", "y");
    const byBrand = ranked("both", "z");
    expect(
      blend([
        { weight: 1, items: byCategory },
        { weight: 1, items: byBrand },
      ]),
    ).toEqual(["both", "x", "z", "y"]);
  });

  it("lets a heavier list win and breaks ties by id", () => {
    expect(
      blend([
        { weight: 1, items: ranked("b") },
        { weight: 3, items: ranked("c") },
      ]),
    ).toEqual(["c", "b"]);
    expect(
      blend([
        { weight: 1, items: ranked("b") },
        { weight: 1, items: ranked("a") },
      ]),
    ).toEqual(["a", "b"]);
  });
});

describe("pickDistinct", () => {
  it("takes from each source in turn, skipping excluded and repeated ids, up to first", () => {
    expect(
      pickDistinct(
        [
          ["a", "b"],
          ["b", "c", "d", "e"],
        ],
        new Set(["c"]),
        3,
      ),
    ).toEqual(["a", "b", "d"]);
    expect(pickDistinct([["a"]], new Set(), 0)).toEqual([]);
  });
});

describe("time buckets", () => {
  it("buckets by the hour (UTC) and ends a 24-hour window with the current bucket", () => {
    const at = new Date("2030-05-06T10:42:13.500Z");
    expect(hourBucket(at).toISOString()).toBe("2030-05-06T10:00:00.000Z");
    expect(windowStart(at, 24).toISOString()).toBe("2030-05-05T11:00:00.000Z");
  });

  it("drops exactly the trending windows containing a bucket", () => {
    const bucket = new Date("2030-05-06T10:00:00.000Z");
    const keys = trendingKeysCovering(bucket);
    expect(keys).toHaveLength(24 + 168);
    expect(keys).toContain(cacheKeys.trending("DAY", bucket));
    expect(keys).toContain(cacheKeys.trending("DAY", new Date("2030-05-07T09:00:00.000Z")));
    expect(keys).not.toContain(cacheKeys.trending("DAY", new Date("2030-05-07T10:00:00.000Z")));
    expect(keys).not.toContain(cacheKeys.trending("DAY", new Date("2030-05-06T09:00:00.000Z")));
    expect(keys).toContain(cacheKeys.trending("WEEK", new Date("2030-05-13T09:00:00.000Z")));
  });
});

describe("unitsPerProduct", () => {
  it("adds up variants of one product and sorts by product id", () => {
    expect(
      unitsPerProduct([
        { productId: "p2", quantity: 1 },
        { productId: "p1", quantity: 2 },
        { productId: "p2", quantity: 3 },
      ]),
    ).toEqual([
      { productId: "p1", quantity: 2 },
      { productId: "p2", quantity: 4 },
    ]);
  });
});
