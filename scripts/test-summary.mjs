// Prints the test command's closing line, "N passed, M failed", from vitest's JSON report.
// M counts failed tests AND every suite that failed without a failed test (a suite that died in
// set-up skips its tests, which would otherwise vanish from the count), and a run that exited
// non-zero with neither (an unhandled error) counts as one failure.
import { readFileSync } from "node:fs";

const [reportPath, exitCode = "0"] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(reportPath, "utf8"));
} catch (error) {
  console.log(`test report ${reportPath} unreadable (${error.message})`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const brokenSuites = report.testResults.filter(
  (suite) => suite.status === "failed" && !suite.assertionResults.some((test) => test.status === "failed"),
);
for (const suite of brokenSuites)
  console.log(`suite failed outside its tests: ${suite.name}\n  ${suite.message ?? ""}`);
let failed = report.numFailedTests + brokenSuites.length;
if (failed === 0 && exitCode !== "0") failed = 1;
console.log(`${report.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
