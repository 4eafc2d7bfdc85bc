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
npx vitest run
step "size budgets"
npx size-limit
