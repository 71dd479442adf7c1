// Prints vitest's JSON report as one plain line for CI; exits non-zero on failures or on no tests at all.
import { readFileSync } from "node:fs";

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.log(`0 passed, 1 failed`);
  console.error(`no test report at ${file}: ${error.message}`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
// A file that failed outside its tests (an import, a beforeAll hook) has none failed: its tests show as skipped or not at all.
const brokenFiles = (report.testResults ?? []).filter((r) => r.status === "failed" && !(r.assertionResults ?? []).some((a) => a.status === "failed")).length;
// The run's own exit status: vitest fails a run with unhandled errors (a rejection no test awaited) that its report
// does not count; such a run counts as one failure, so this line never says 0 failed for a run that failed.
const runFailed = Number(process.argv[3] ?? 0) !== 0 && failed + brokenFiles === 0 ? 1 : 0;
if (runFailed) console.error("the test run failed outside any test (unhandled errors, or the install or checks before it): see above");
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed + brokenFiles + runFailed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(failed + brokenFiles + runFailed > 0 || passed === 0 ? 1 : 0);
