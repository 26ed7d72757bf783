import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { criteriaFingerprint, decodeCursor, encodeCursor } from "../src/services/cursor.js";
import { effectiveSort, pageSize, toCriteria } from "../src/services/search-arguments.js";

const criteria = toCriteria({ search: " linen ", filter: { brandIds: ["b2", "b1", "b1"] } });
const fingerprint = criteriaFingerprint(criteria);

const rejects = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe("BAD_USER_INPUT");
    return;
  }
  throw new Error("expected a BAD_USER_INPUT error");
};

describe("cursors", () => {
  it("round-trip the sort key of every sort", () => {
    const keys = {
      RELEVANCE: { value: "1.759909", id: "a" },
      PRICE_ASC: { value: 4995, id: "b" },
      PRICE_DESC: { value: 0, id: "c" },
      NEWEST: { value: "2026-11-01T10:00:00.000Z", id: "d" },
    } as const;
    for (const [sort, key] of Object.entries(keys) as Array<[keyof typeof keys, (typeof keys)[keyof typeof keys]]>)
      expect(decodeCursor(encodeCursor(sort, fingerprint, key), sort, fingerprint)).toEqual(key);
  });

  it("reject garbage, other sorts, other searches and ill-typed values", () => {
    const cursor = encodeCursor("PRICE_ASC", fingerprint, { value: 100, id: "x" });
    rejects(() => decodeCursor("not-a-cursor", "PRICE_ASC", fingerprint));
    rejects(() => decodeCursor(cursor, "PRICE_DESC", fingerprint));
    rejects(() => decodeCursor(cursor, "PRICE_ASC", criteriaFingerprint(toCriteria({ search: "wool" }))));
    rejects(() => decodeCursor(encodeCursor("NEWEST", fingerprint, { value: 5, id: "x" }), "NEWEST", fingerprint));
  });
});

describe("search arguments", () => {
  it("normalises criteria so equivalent searches share cursors", () => {
    expect(criteria).toMatchObject({ text: "linen", brandIds: ["b1", "b2"], sizes: null });
    expect(criteriaFingerprint(toCriteria({ search: "linen", filter: { brandIds: ["b1", "b2"] } }))).toBe(fingerprint);
  });

  it("bounds the page size and the price filter", () => {
    expect(pageSize(undefined)).toBe(24);
    expect(pageSize(100)).toBe(100);
    rejects(() => pageSize(101));
    rejects(() => pageSize(-1));
    rejects(() => toCriteria({ filter: { price: { min: 500, max: 100 } } }));
    rejects(() => toCriteria({ search: "x".repeat(201) }));
  });

  it("falls back from relevance to newest without search text", () => {
    expect(effectiveSort(null, toCriteria({}))).toBe("NEWEST");
    expect(effectiveSort(null, criteria)).toBe("RELEVANCE");
    expect(effectiveSort("PRICE_ASC", criteria)).toBe("PRICE_ASC");
  });
});
