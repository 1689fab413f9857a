#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the tests need, then typecheck, lint, unit, integration,
# production build, end-to-end in Debian's Chromium. Prints one closing line "total: N passed, M failed".
set -uo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh || exit 1
npm ci --no-audit --no-fund || exit 1
mkdir -p test-results

status=0
step() {
  echo
  echo "==> $1"
}

step "typecheck"
npx tsc --noEmit -p . || status=1

step "lint (ESLint, no warnings allowed; Prettier)"
npm run --silent lint || status=1

step "unit and integration tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest-results.json || status=1

step "production build"
if npm run build; then
  step "end-to-end tests (Playwright + Chromium)"
  npx playwright test || status=1
else
  status=1
fi

node scripts/test-summary.mjs test-results/vitest-results.json test-results/e2e-results.json || status=1
exit $status
