// The test command's closing line is what CI reads: a suite that died in set-up must count.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve(import.meta.dirname, "../../scripts/test-summary.mjs");

function summarise(report: unknown, exitCode: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "summary-")), "report.json");
  writeFileSync(file, JSON.stringify(report));
  const result = spawnSync(process.execPath, [script, file, exitCode], { encoding: "utf8" });
  return { lastLine: result.stdout.trim().split("\n").at(-1), status: result.status };
}

const suite = (status: string, tests: string[], message = "") => ({
  name: `/repo/${status}.test.ts`,
  status,
  message,
  assertionResults: tests.map((s) => ({ status: s })),
});

describe("test summary", () => {
  it("counts a suite that failed in set-up as a failure", () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [suite("passed", ["passed", "passed", "passed"]), suite("failed", ["skipped"], "beforeAll hook")],
    };
    expect(summarise(report, "1")).toEqual({ lastLine: "3 passed, 1 failed", status: 1 });
  });

  it("counts failed tests once and passes a green run", () => {
    const red = {
      numPassedTests: 1,
      numFailedTests: 2,
      testResults: [suite("failed", ["passed", "failed", "failed"])],
    };
    expect(summarise(red, "1")).toEqual({ lastLine: "1 passed, 2 failed", status: 1 });
    const green = { numPassedTests: 2, numFailedTests: 0, testResults: [suite("passed", ["passed", "passed"])] };
    expect(summarise(green, "0")).toEqual({ lastLine: "2 passed, 0 failed", status: 0 });
  });

  it("fails a run that exited non-zero with nothing failed in the report (an unhandled error)", () => {
    const report = { numPassedTests: 2, numFailedTests: 0, testResults: [suite("passed", ["passed", "passed"])] };
    expect(summarise(report, "1")).toEqual({ lastLine: "2 passed, 1 failed", status: 1 });
  });
});
