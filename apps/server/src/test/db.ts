import fs from 'node:fs';
import { inject } from 'vitest';
import { openPglite, openPostgres, type RootDb } from '../db/db';
import { migrate } from '../db/migrate';
import { createTestDatabase, withDatabase } from './global-setup';

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
  const db = await ownDatabase(url, `${new URL(url).pathname.slice(1)}_iso_${process.pid}_${Date.now()}`);
  await migrate(db);
  return db;
}

/** A new database on the run's server (a copy of `template` if given), dropped on close. */
async function ownDatabase(url: string, name: string, template?: string): Promise<RootDb> {
  await createTestDatabase(url, name, template);
  const db = await openPostgres(withDatabase(url, name));
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

/** The password of the demo accounts in demoDb(). */
const DEMO_TEST_PASSWORD = 'demo-password-1';

let demoBuilt: Promise<void> | undefined;

/**
 * A database of its own holding the demo (loadDemo), for tests that read or change the demo world.
 * Loading the demo (its 98,967 real statement lines) takes about 20 s on PGlite; so the run's first file
 * that asks builds it once (global-setup names where), under a lock the other worker waits on, and every
 * file gets a copy: a clone of the dumped data directory on PGlite, `create database … template` on a
 * server. Dropped on close.
 */
export async function demoDb(): Promise<RootDb> {
  const url = inject('testDatabaseUrl');
  const template = await demoTemplate();
  if (!url) return openPglite(undefined, new Blob([fs.readFileSync(template.file)]));
  return ownDatabase(url, `${template.database}_${process.pid}_${Date.now()}`, template.database);
}

/** The run's demo, built if no file has yet: the PGlite dump (`file`) or the server's template database. */
export async function demoTemplate(): Promise<{ file: string; database: string }> {
  const url = inject('testDatabaseUrl');
  const template = inject('demoTemplate');
  demoBuilt ??= buildOnce(template.marker, async () => {
    const { loadDemo } = await import('../demo/demo'); // only the files that need it load the demo's modules
    if (!url) {
      const db = await freshPglite();
      await loadDemo(db, DEMO_TEST_PASSWORD);
      const blob = await db.dump!();
      await db.close();
      fs.writeFileSync(template.file, Buffer.from(await blob.arrayBuffer()));
      return;
    }
    await createTestDatabase(url, template.database);
    const db = await openPostgres(withDatabase(url, template.database));
    await migrate(db);
    await loadDemo(db, DEMO_TEST_PASSWORD);
    await db.close(); // a template database takes no other session while it is copied
  });
  await demoBuilt;
  return template;
}

/** Runs build once per run across the worker processes: mkdir is the lock, a file the outcome. */
async function buildOnce(marker: string, build: () => Promise<void>): Promise<void> {
  const [ready, failed] = [`${marker}.ready`, `${marker}.failed`];
  let mine = false;
  try {
    fs.mkdirSync(`${marker}.lock`);
    mine = true;
  } catch {
    // another worker holds the lock: wait for its outcome below
  }
  if (mine) {
    try {
      await build();
      fs.writeFileSync(ready, '');
    } catch (error) {
      fs.writeFileSync(failed, String((error as Error).stack ?? error));
      throw error;
    }
    return;
  }
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    if (fs.existsSync(ready)) return;
    if (fs.existsSync(failed)) throw new Error(`the demo template failed in another worker:\n${fs.readFileSync(failed, 'utf8')}`);
  }
  throw new Error('the demo template was not built within 10 minutes');
}
