// Opens the two databases the benchmark runs on: embedded PGlite and a fresh database on the server.
import pg from 'pg';
import { openPglite, openPostgres, type RootDb } from '../../apps/server/src/db/db';
import { migrate } from '../../apps/server/src/db/migrate';

export type BenchDb = { kind: 'pglite' | 'postgres'; db: RootDb; version: string; migration: string; cleanup: () => Promise<void> };

export const serverUrl = () => process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Hides the password when a URL is printed. */
export const redact = (url: string) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
};

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

async function describe(db: RootDb, migration: string) {
  const [v] = await db.query<{ v: string }>(`select split_part(version(), ' on ', 1) as v`);
  return { version: v.v, migration };
}

/** In-memory PGlite (the data directory would only add file I/O that the server database also has). */
export async function openBenchPglite(): Promise<BenchDb> {
  const db = await openPglite(undefined);
  const migration = await migrate(db);
  return { kind: 'pglite', db, ...(await describe(db, migration)), cleanup: () => db.close() };
}

/**
 * A fresh database `doanket_bench_<timestamp>` on the server, dropped by cleanup(). Returns
 * { error } when the server cannot be reached.
 */
export async function openBenchPostgres(url = serverUrl()): Promise<BenchDb | { error: string }> {
  const name = `doanket_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (err) {
    return { error: `${redact(url)}: ${(err as Error).message || String(err)}` };
  } finally {
    await admin.end().catch(() => {});
  }
  const db = await openPostgres(withDatabase(url, name));
  const drop = async () => {
    await db.close().catch(() => {});
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  try {
    const migration = await migrate(db);
    return { kind: 'postgres', db, ...(await describe(db, migration)), cleanup: drop };
  } catch (err) {
    await drop().catch(() => {});
    throw err;
  }
}
