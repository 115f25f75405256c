#!/usr/bin/env bash
# `npm test`: the static checks once, then the unit and browser tests on the embedded database (PGlite)
# and, when DATABASE_URL names a PostgreSQL server, on that server as well.
set -euo pipefail
cd "$(dirname "$0")/.."
server="${DATABASE_URL:-}"
unset DATABASE_URL

phase() { printf '\n=== %s (%s) ===\n' "$1" "$(date -u +%H:%M:%S)"; }

phase 'Lint, format and types'
# ESLint and tsc are each one thread: side by side they take the time of the slower one.
npm run lint &
lint=$!
npm run typecheck &
types=$!
wait "$lint"
wait "$types"
npm run report:coverage

phase 'Unit and API tests on the embedded database (PGlite)'
npx vitest run
phase 'Browser tests on the embedded database (PGlite)'
npm run test:e2e

if [ -n "$server" ]; then
  export DATABASE_URL="$server"
  phase 'Unit and API tests on the PostgreSQL server'
  npx vitest run
  phase 'Browser tests on the PostgreSQL server'
  npm run test:e2e
else
  phase 'PostgreSQL server: not run — DATABASE_URL=postgres://… npm test runs the suite there as well'
fi

phase 'Bundle size'
npm run check:bundle
phase 'All tests passed'
