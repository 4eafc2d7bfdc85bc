#!/usr/bin/env bash
# The whole test suite, in the order that fails fastest: types and lint, pure unit tests, then the build (the
# size budgets and the manifest read it), browser tests and Storybook stories in headless Chromium, size budgets.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROME_PATH=$(bash scripts/ensure-chromium.sh)
export CHROME_PATH

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "typecheck"
npx tsc --noEmit -p tsconfig.json
step "lint"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
step "build"
npm run -s build
step "tests (unit, browser, stories)"
report=$(mktemp)
e2e_report=$(mktemp)
status=0
npx vitest run --project unit --project browser --project storybook \
  --reporter=default --reporter=json --outputFile.json="$report" || status=$?
# The end-to-end pages run on their own: they time real page loads and read the heap, and three projects of
# Chromium instances competing for two cores made a local feed request miss its timeout.
step "end-to-end pages (strict CSP, host CSS, heap, double load, demo)"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$e2e_report" || status=$?
step "size budgets"
npx size-limit || status=$?
# One plain closing line with the totals of both runs, whatever the runner printed above it.
node -e '
  const fs = require("fs");
  const sum = { passed: 0, failed: 0, skipped: 0 };
  for (const file of process.argv.slice(1)) {
    let r;
    try { r = JSON.parse(fs.readFileSync(file, "utf8")); } catch { sum.failed++; continue; }
    sum.passed += r.numPassedTests;
    sum.failed += r.numFailedTests;
    sum.skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`\ntests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
' "$report" "$e2e_report" || true
rm -f "$report" "$e2e_report"
exit "$status"
