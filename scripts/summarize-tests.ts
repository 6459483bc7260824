// Prints one line totalling every suite's results: "N passed, N failed, N skipped".
// Arguments: report files (vitest or Playwright JSON); a missing report counts as one failure,
// so a suite that crashed before reporting cannot look green.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`no report at ${file}: counted as a failure`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8"));
  if (typeof r.numTotalTests === "number") {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    // A file that failed to load has no tests but is a failure.
    failed += (r.testResults ?? []).filter(
      (t: { status: string; assertionResults: unknown[] }) => t.status === "failed" && t.assertionResults.length === 0,
    ).length;
  } else if (r.stats) {
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected + (r.errors?.length ?? 0);
    skipped += r.stats.skipped;
  } else {
    console.error(`unrecognised report ${file}: counted as a failure`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
