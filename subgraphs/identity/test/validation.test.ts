import { describe, expect, it } from "vitest";
import { clientIpFrom } from "../src/http/client-ip.js";
import { isValidEmail, normalizeEmail, passwordWeakness } from "../src/services/validation.js";

describe("input rules", () => {
  it("normalizes and validates emails", () => {
    expect(normalizeEmail("  Ann@Example.TEST ")).toBe("ann@example.test");
    expect(isValidEmail("ann@example.test")).toBe(true);
    for (const bad of ["", "ann", "ann@", "@example.test", "a b@example.test"])
      expect(isValidEmail(bad), bad).toBe(false);
  });

  it("asks for length rather than composition", () => {
    expect(passwordWeakness("correct horse battery")).toBeNull();
    expect(passwordWeakness("short")).toMatch(/at least/);
    expect(passwordWeakness("x".repeat(129))).toMatch(/at most/);
    expect(passwordWeakness("aaaaaaaaaaaa")).toMatch(/different/);
    expect(passwordWeakness("Password123")).toMatch(/common/);
    expect(passwordWeakness("annabelle-2024!", "annabelle@example.test")).toMatch(/email/);
  });

  it("takes the client IP from the last x-forwarded-for entry (the one the router appended)", () => {
    expect(clientIpFrom({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" })).toBe("203.0.113.9");
    expect(clientIpFrom({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientIpFrom({}, "fallback")).toBe("fallback");
  });
});
