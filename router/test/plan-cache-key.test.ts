// The plan cache must separate plans by operation name and by the set of enabled @override labels.
import { describe, expect, it } from "vitest";
import { planCacheKey } from "../src/pipeline/plan-operation.js";

const query = "query A { a } query B { b }";

describe("planCacheKey", () => {
  it("differs by operation name", () => {
    expect(planCacheKey(query, "A", new Map())).not.toBe(planCacheKey(query, "B", new Map()));
  });

  it("differs by the enabled label set, ignoring order and labels that are off", () => {
    const none = planCacheKey(query, "A", new Map());
    const quarter = planCacheKey(query, "A", new Map([["percent(25)", true]]));
    expect(quarter).not.toBe(none);
    expect(planCacheKey(query, "A", new Map([["percent(25)", false]]))).toBe(none);
    const both = planCacheKey(
      query,
      "A",
      new Map([
        ["percent(25)", true],
        ["percent(50)", true],
      ]),
    );
    expect(
      planCacheKey(
        query,
        "A",
        new Map([
          ["percent(50)", true],
          ["percent(25)", true],
        ]),
      ),
    ).toBe(both);
    expect(both).not.toBe(quarter);
  });
});
