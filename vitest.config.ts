import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/*
 * `npm test` runs vitest twice: on PGlite, then (DATABASE_URL) on a PostgreSQL server. The second pass
 * runs only the files whose outcome can depend on the database: not the web app, the contract or the
 * tools (which use an embedded database whatever is set), nor a server file that opens no database
 * (pure rules and parsers: nothing in it names the test database, the app or a database to open).
 */
const OPENS_A_DATABASE = /test\/(db|app|factories|clusters)|\/testing'|fixtures'|inject\(|openPglite|openPostgres|openDatabase|buildApp|spawn/;
function embeddedOnly(): string[] {
  const server = path.join(root, 'apps/server/src');
  const pure = fs
    .readdirSync(server, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !OPENS_A_DATABASE.test(fs.readFileSync(path.join(server, f), 'utf8')))
    .map((f) => `apps/server/src/${f.split(path.sep).join('/')}`);
  // main.test.ts starts the product on a data directory (DATABASE_URL emptied): PGlite on both passes.
  return ['apps/web/**', 'packages/**', 'tools/**', 'apps/server/src/main.test.ts', ...pure];
}

export default defineConfig({
  resolve: { alias: { '@contract': path.resolve(root, 'packages/contract/src') } },
  test: {
    include: ['apps/**/*.test.ts', 'apps/**/*.test.tsx', 'packages/**/*.test.ts', 'tools/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(process.env.DATABASE_URL ? embeddedOnly() : [])],
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    pool: 'forks',
    // Files share a worker's database (see apps/server/src/test/db.ts), so modules stay loaded.
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
