import fs from 'node:fs';
import { inject } from 'vitest';
import { openPglite, openPostgres, type RootDb } from '../db/db';
import { migrate } from '../db/migrate';

let sharedPglite: Promise<RootDb> | undefined;

function freshPglite(): Promise<RootDb> {
  return openPglite(undefined, new Blob([fs.readFileSync(inject('pgliteTemplate'))]));
}

/**
 * The run's migrated database, shared by the test files like a server database is: on PostgreSQL
 * the run's own database; on PGlite one clone per worker process (opening one costs seconds), kept
 * open across files. Tests build their own world and assert on their own rows.
 */
export async function testDb(): Promise<RootDb> {
  const url = inject('testDatabaseUrl');
  if (url) return openPostgres(url);
  sharedPglite ??= freshPglite();
  const db = await sharedPglite;
  return { ...db, close: async () => {} };
}

/** Row count of a table: tests assert that refused input wrote nothing. */
export async function countRows(db: RootDb, table: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return r.n;
}

/**
 * A database of its own, for tests that load whole data sets (the demo) which would collide with
 * other files on the run's shared server database. Dropped on close.
 */
export async function isolatedDb(): Promise<RootDb> {
  const url = inject('testDatabaseUrl');
  if (!url) return freshPglite();
  const name = `${new URL(url).pathname.slice(1)}_iso_${process.pid}_${Date.now()}`;
  const admin = await openPostgres(url);
  await admin.query(`create database ${name}`);
  await admin.close();
  const u = new URL(url);
  u.pathname = '/' + name;
  const db = await openPostgres(u.toString());
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      const a = await openPostgres(url);
      await a.query(`drop database if exists ${name} with (force)`);
      await a.close();
    },
  };
}
