// The checked-in baseline (tests/conformance/expected-passing.txt: one case id per line, in the
// harness's order) against one run's results: regressions fail, improvements are reported.
import { readFileSync } from "node:fs";
import type { CaseResult } from "./run-case.js";

export const expectedPassingFile = new URL("../expected-passing.txt", import.meta.url);

export function readExpectedPassing(file: URL = expectedPassingFile): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

export interface Verdict {
  passed: CaseResult[];
  failed: CaseResult[];
  /** Listed as passing but failed (or no longer exists). */
  regressions: Array<{ id: string; detail: string }>;
  /** Passed but not listed: the file should gain these lines. */
  improvements: string[];
}

export function judge(results: CaseResult[], expectedPassing: readonly string[]): Verdict {
  const byId = new Map(results.map((result) => [result.id, result]));
  const listed = new Set(expectedPassing);
  const regressions = expectedPassing.flatMap((id) => {
    const result = byId.get(id);
    if (!result) return [{ id, detail: "the harness has no such case (renamed or removed upstream?)" }];
    return result.passed ? [] : [{ id, detail: result.detail ?? "failed" }];
  });
  return {
    passed: results.filter((result) => result.passed),
    failed: results.filter((result) => !result.passed),
    regressions,
    improvements: results.filter((result) => result.passed && !listed.has(result.id)).map((result) => result.id),
  };
}

/** Per suite, one mark per case like the harness's results.txt: `.` passed, `X` failed. */
export function summaryLines(results: CaseResult[]): string[] {
  const suites = new Map<string, string>();
  for (const { id, passed } of results) {
    const suite = id.slice(0, id.lastIndexOf("_"));
    suites.set(suite, (suites.get(suite) ?? "") + (passed ? "." : "X"));
  }
  const width = Math.max(...[...suites.keys()].map((suite) => suite.length));
  return [...suites].map(([suite, marks]) => `  ${suite.padEnd(width)}  ${marks}`);
}
