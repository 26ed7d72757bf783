import { describe, expect, it } from "vitest";
import { satisfiesAll, satisfiesScopes } from "../../src/auth/scopes.js";

describe("@requiresScopes evaluation: [[a, b], [c]] = (a AND b) OR c", () => {
  const requirement = [["a", "b"], ["c"]];
  it("passes when every scope of one alternative is granted", () => {
    expect(satisfiesScopes(requirement, ["a", "b"])).toBe(true);
    expect(satisfiesScopes(requirement, ["c"])).toBe(true);
    expect(satisfiesScopes(requirement, ["x", "c", "a"])).toBe(true);
  });
  it("fails when no alternative is complete", () => {
    expect(satisfiesScopes(requirement, ["a"])).toBe(false);
    expect(satisfiesScopes(requirement, ["b", "x"])).toBe(false);
    expect(satisfiesScopes(requirement, [])).toBe(false);
  });
  it("an empty alternative needs nothing; no alternatives can never pass", () => {
    expect(satisfiesScopes([[]], [])).toBe(true);
    expect(satisfiesScopes([], ["a"])).toBe(false);
  });
  it("several requirements (field and its type) must all hold", () => {
    expect(satisfiesAll([[["a"]], [["b"], ["c"]]], ["a", "c"])).toBe(true);
    expect(satisfiesAll([[["a"]], [["b"], ["c"]]], ["a"])).toBe(false);
    expect(satisfiesAll([], [])).toBe(true);
  });
});
