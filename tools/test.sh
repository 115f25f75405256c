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
if [ -n "$server" ]; then
  phase 'Unit and API tests on the PostgreSQL server'
  DATABASE_URL="$server" npx vitest run
  # The browser tests of both databases in one Playwright run, one project after the other: side by side
  # they took as long (the two cores are busy either way) and a slow page could hit a timeout.
  phase 'Browser tests on the embedded database, then on the PostgreSQL server'
  DATABASE_URL="$server" npm run test:e2e
else
  phase 'Browser tests on the embedded database (PGlite)'
  npm run test:e2e
  phase 'PostgreSQL server: not run — DATABASE_URL=postgres://… npm test runs the suite there as well'
fi

phase 'Bundle size'
npm run check:bundle
phase 'All tests passed'
