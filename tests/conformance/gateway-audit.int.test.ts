// The Guild's federation-gateway-audit (vendored in ./federation-gateway-audit) against our
// router: for each suite, the router starts in-process with that suite's supergraph, every case's
// query goes to it, and the answer is judged as the harness judges it. Every case listed in
// expected-passing.txt must still pass; a case that passes and is not listed is reported (add
// it). Results: the test output, and .test-output/conformance/ (per-case marks and diffs, and the
// passing ids in the file's format).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RunningRouter } from "@shopstream/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditHarness, startAuditHarness } from "./support/audit-harness.js";
import { startAuditRouter } from "./support/audit-router.js";
import { judge, readExpectedPassing, summaryLines } from "./support/expectations.js";
import { type CaseResult, runAuditCase } from "./support/run-case.js";

/** Passing cases today (2026-12: 197 of 199; stock @apollo/gateway passes 193). */
const minimumPassing = 197;
/** Regressions shown with their diff; the rest are named only. */
const detailedRegressions = 10;
const outputDir = path.resolve(import.meta.dirname, "../../.test-output/conformance");

describe("federation-gateway-audit", () => {
  let harness: AuditHarness;

  beforeAll(async () => {
    harness = await startAuditHarness();
  });
  afterAll(() => harness?.close());

  it(
    `every case in expected-passing.txt passes, at least ${minimumPassing}`,
    async () => {
      const started = performance.now();
      const suites = await harness.suiteIds();
      const results: CaseResult[] = [];
      for (const suite of suites) results.push(...(await runSuite(suite)));
      const seconds = Math.round((performance.now() - started) / 1000);

      const verdict = judge(results, readExpectedPassing());
      const failedIds = verdict.failed.map((result) => result.id);
      writeResults(results);
      const summary = [
        `federation-gateway-audit: ${verdict.passed.length}/${results.length} cases passed ` +
          `(${suites.length} suites, ${seconds} s)`,
        ...summaryLines(results),
        `failed: ${failedIds.join(", ") || "none"}`,
        `details: ${path.relative(process.cwd(), outputDir)}/results.txt`,
      ];
      console.log(summary.join("\n"));
      if (verdict.improvements.length > 0)
        console.log(
          `IMPROVED: ${verdict.improvements.length} case(s) pass but are not in tests/conformance/expected-passing.txt; ` +
            `add them (or copy .test-output/conformance/passing.txt over it):\n` +
            verdict.improvements.map((id) => `  ${id}`).join("\n"),
        );

      if (verdict.regressions.length > 0) {
        const shown = verdict.regressions.slice(0, detailedRegressions);
        const more = verdict.regressions.slice(detailedRegressions).map((regression) => regression.id);
        expect.fail(
          [
            `${verdict.regressions.length} case(s) listed in tests/conformance/expected-passing.txt no longer pass ` +
              `: ${verdict.regressions.map((regression) => regression.id).join(", ")}`,
            ...shown.map((regression) => `\n── ${regression.id} ──\n${regression.detail}`),
            ...(more.length > 0 ? [`\n(${more.length} more without details: ${more.join(", ")})`] : []),
          ].join("\n"),
        );
      }
      expect(verdict.passed.length, "passing cases").toBeGreaterThanOrEqual(minimumPassing);
    },
    5 * 60_000,
  );

  /** One suite: its router up, every case in order (as the harness, one at a time), router down. */
  async function runSuite(suite: string): Promise<CaseResult[]> {
    const [supergraph, cases] = await Promise.all([harness.supergraph(suite), harness.cases(suite)]);
    const ids = cases.map((_, index) => `${suite}_${index}`);
    let router: RunningRouter;
    try {
      router = await startAuditRouter(supergraph);
    } catch (error) {
      return ids.map((id) => ({ id, passed: false, detail: `router did not start: ${(error as Error).message}` }));
    }
    try {
      const results: CaseResult[] = [];
      for (const [index, testCase] of cases.entries())
        results.push(await runAuditCase(router.url, ids[index]!, testCase));
      return results;
    } finally {
      await router.close();
    }
  }
});

function writeResults(results: CaseResult[]): void {
  mkdirSync(outputDir, { recursive: true });
  const failures = results.filter((result) => !result.passed).map((result) => `\n── ${result.id} ──\n${result.detail}`);
  writeFileSync(path.join(outputDir, "results.txt"), [...summaryLines(results), ...failures, ""].join("\n"));
  const passing = results.filter((result) => result.passed).map((result) => result.id);
  writeFileSync(path.join(outputDir, "passing.txt"), `${passing.join("\n")}\n`);
}
