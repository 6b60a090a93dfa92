// Jest reporter that ends every run with one plain line, `tests: N passed, N failed` (skips in brackets).
// CI tooling reads a run's closing line to tell how many tests ran; jest's own summary is spread
// over several lines, and a later tool's summary (schemathesis prints a pytest-like
// "== 2 warnings in 180s ==") would otherwise be taken for the closing line of a run without tests.
// With JEST_COUNTS_FILE set, the counts are also appended there as JSON, one line per run, so
// .ci/run can print the total over the unit, integration and e2e runs last.
const fs = require('node:fs');

class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    process.stdout.write(
      `\ntests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? ` (${counts.skipped} skipped)` : ''}\n`,
    );
    if (process.env.JEST_COUNTS_FILE)
      fs.appendFileSync(process.env.JEST_COUNTS_FILE, `${JSON.stringify(counts)}\n`);
  }
}

module.exports = ClosingLineReporter;
