// Planner statistics after bulk writes. PGlite runs no autovacuum, so a table loaded in bulk keeps no
// statistics at all until someone runs ANALYZE: the planner then guesses (0.5% of rows per campaign)
// and sorts 99k donations for a page of 20 (~150 ms instead of ~2 ms). On the server, autovacuum
// analyzes eventually, but not within the minute after an import. So every bulk load ends with ANALYZE
// of what it wrote, and the start analyzes any table that has none.
import type { Db } from '../db/db';

let version = 0;

/** Bumped by every refresh: caches derived from the statistics (e.g. search token frequencies) reload. */
export const statisticsVersion = () => version;

/** Another process refreshed the statistics (its notification on the public statement's channel). */
export const statisticsChanged = () => void version++;

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * ANALYZE the given tables (names from the code, checked), or the whole database when none are given.
 * Run it after the bulk write has committed (ANALYZE inside the writing transaction would not see a
 * rolled-back write, but would hold its locks longer).
 */
export async function refreshStatistics(db: Db, tables?: string[]): Promise<void> {
  if (tables) {
    for (const t of tables) if (!IDENT.test(t)) throw new Error(`refreshStatistics: not a table name: ${t}`);
    if (tables.length) await db.exec(tables.map((t) => `analyze ${t};`).join('\n'));
  } else {
    await db.exec('analyze');
  }
  version++;
  // Every other server process reloads what it derived from them (modules/fund/public/cache.ts listens).
  await db.query(`select pg_notify('doanket_public_statement', 'statistics')`);
}

type Queue = { tables: Set<string>; running: Promise<void> };
const queues = new WeakMap<Db, Queue>();

/**
 * The same refresh, after the caller has answered: a bulk write is done when its rows are committed, and
 * ANALYZE of the table it wrote (0.4 s after the real statements' 99k lines) need not delay it. Tables
 * asked for while a refresh runs are analyzed once after it. Only for a connection, not a transaction
 * handle (the transaction would be over when the refresh runs).
 */
export function refreshStatisticsSoon(db: Db, tables: string[]): void {
  const q = queues.get(db) ?? { tables: new Set<string>(), running: Promise.resolve() };
  queues.set(db, q);
  const idle = q.tables.size === 0;
  for (const t of tables) q.tables.add(t);
  if (!idle) return;
  q.running = q.running.then(async () => {
    const next = [...q.tables];
    q.tables.clear();
    // A closed database (a test ending, a stopping server) has nothing left to plan for.
    await refreshStatistics(db, next).catch(() => {});
  });
}

/** Resolves when the refreshes asked for so far on this connection have run (tests, benchmarks). */
export const statisticsSettled = (db: Db): Promise<void> => queues.get(db)?.running ?? Promise.resolve();

/** Tables of the schema that have no statistics yet (never analyzed, or analyzed while empty). */
export async function tablesWithoutStatistics(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'
        and not exists (select 1 from pg_stats s where s.schemaname = n.nspname and s.tablename = c.relname)
      order by 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * At start: analyze the tables that hold rows but have no statistics (a data directory loaded before
 * this existed, or written by a tool that did not analyze). Empty tables are cheap to skip.
 */
export async function ensureStatistics(db: Db): Promise<string[]> {
  const missing: string[] = [];
  for (const t of await tablesWithoutStatistics(db)) {
    if (!IDENT.test(t)) continue;
    const [r] = await db.query(`select 1 from ${t} limit 1`);
    if (r) missing.push(t);
  }
  if (missing.length) await refreshStatistics(db, missing);
  return missing;
}
