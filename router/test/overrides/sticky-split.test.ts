// The split: the right share of callers, the same answer for the same caller, and raising the
// percentage only ever moves callers from legacy to new.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decideLabels } from "../../src/overrides/decide-overrides.js";
import { percentFor } from "../../src/overrides/rollout-settings.js";
import { onNewPath } from "../../src/overrides/sticky-bucket.js";

const label = "legacy:variant-availability";

describe("sticky percentage split", () => {
  it("puts 25 % ± 2 points of 10,000 anonymous visitors on the new path", () => {
    let onNew = 0;
    for (let i = 0; i < 10_000; i++) if (onNewPath(label, `visitor:${randomUUID()}`, 25)) onNew++;
    expect(Math.abs(onNew / 100 - 25)).toBeLessThanOrEqual(2);
  });

  it("gives a caller the same path on every request at a fixed percentage", () => {
    for (let i = 0; i < 200; i++) {
      const caller = `user:${randomUUID()}`;
      const first = onNewPath(label, caller, 25);
      for (let again = 0; again < 20; again++) expect(onNewPath(label, caller, 25)).toBe(first);
    }
  });

  it("only moves callers legacy → new when the percentage grows, and 0/100 are absolute", () => {
    const callers = Array.from({ length: 2_000 }, () => `visitor:${randomUUID()}`);
    for (const caller of callers) {
      const steps = [0, 5, 25, 50, 100].map((percent) => onNewPath(label, caller, percent));
      expect(steps[0]).toBe(false);
      expect(steps[4]).toBe(true);
      for (let i = 1; i < steps.length; i++) if (steps[i - 1]) expect(steps[i]).toBe(true);
    }
  });

  it("splits labels independently", () => {
    const callers = Array.from({ length: 4_000 }, () => `visitor:${randomUUID()}`);
    const both = callers.filter((caller) => onNewPath("a", caller, 50) && onNewPath("b", caller, 50)).length;
    expect(both / callers.length).toBeGreaterThan(0.2); // ≈ 0.25 when independent, 0.5 when not
    expect(both / callers.length).toBeLessThan(0.3);
  });
});

describe("rollout percentages", () => {
  it("uses the setting, else N of an unlisted percent(N) label, else 0 (legacy)", () => {
    const rollout = { labels: { [label]: 40, "percent(25)": 0 } };
    expect(percentFor(rollout, label)).toBe(40);
    expect(percentFor(rollout, "percent(25)")).toBe(0);
    expect(percentFor(rollout, "percent(12.5)")).toBe(12.5);
    expect(percentFor(rollout, "legacy:other")).toBe(0);
    expect(decideLabels([label], "user:1", { labels: { [label]: 100 } })).toEqual([
      { label, percent: 100, path: "new" },
    ]);
  });
});
