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
step "tests (unit, browser, e2e, stories)"
report=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
step "size budgets"
npx size-limit || status=$?
# One plain closing line with the totals, whatever the runner printed above it.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$report" || true
rm -f "$report"
exit "$status"
