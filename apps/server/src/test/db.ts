import fs from 'node:fs';
import { inject } from 'vitest';
import { openPglite, openPostgres, type RootDb } from '../db/db';

/** A migrated database for one test file: the run's server database, or a fresh PGlite clone. */
export async function testDb(): Promise<RootDb> {
  const url = inject('testDatabaseUrl');
  if (url) return openPostgres(url);
  const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  return openPglite(undefined, template);
}

/** Row count of a table: tests assert that refused input wrote nothing. */
export async function countRows(db: RootDb, table: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return r.n;
}
