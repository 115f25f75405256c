// Bulk-loads the benchmark world with multi-row VALUES (COPY is not available on PGlite).
import type { Db } from '../../apps/server/src/db/db';
import { timeOnce } from './stats';
import type { World } from './hierarchy';

/** Stays well under PostgreSQL's 65,535 bind parameters per statement. */
const MAX_PARAMS = 30_000;

async function insertRows(db: Db, head: string, casts: string[], rows: unknown[][]): Promise<void> {
  const batch = Math.max(1, Math.min(5_000, Math.floor(MAX_PARAMS / casts.length)));
  for (let from = 0; from < rows.length; from += batch) {
    const chunk = rows.slice(from, from + batch);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const t = row.map((v, i) => {
        params.push(v);
        return `$${params.length}${casts[i]}`;
      });
      return `(${t.join(',')})`;
    });
    await db.query(`${head} values ${tuples.join(',')}`, params);
  }
}

export type LoadTimes = { insertMs: number; closureMs: number; analyzeMs: number; closureRows: number; lineageClosureRows: number };

/**
 * Inserts the world with explicit ids (so the benchmark knows them without reading back), moves
 * the identity sequences past them, rebuilds the closure tables, then vacuums and analyzes.
 */
export async function loadWorld(db: Db, w: World): Promise<LoadTimes> {
  const insert = await timeOnce(() =>
    db.tx(async (tx) => {
      await insertRows(
        tx,
        'insert into units (id, code, level, kind, province_code, valid_from, valid_to) overriding system value',
        ['::bigint', '', '', '', '', '::date', '::date'],
        w.units.map((u) => [u[0], u[1], u[2], u[3], u[4] || null, u[5], u[6]]),
      );
      await insertRows(
        tx,
        'insert into unit_versions (unit_id, name, name_search, parent_id, valid_from, valid_to)',
        ['::bigint', '', '', '::bigint', '::date', '::date'],
        w.versions,
      );
      await insertRows(tx, 'insert into unit_events (id, kind, effective_date, legal_basis, note) overriding system value', ['::bigint', '', '::date', '', ''], w.events);
      await insertRows(tx, 'insert into unit_event_units (event_id, unit_id, role, part)', ['::bigint', '::bigint', '', ''], w.eventUnits);
      await insertRows(
        tx,
        'insert into unit_lineage (predecessor_id, successor_id, effective_date, part, event_id)',
        ['::bigint', '::bigint', '::date', '', '::bigint'],
        w.lineage,
      );
      await tx.query(`select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units))`);
      await tx.query(`select setval(pg_get_serial_sequence('unit_events', 'id'), (select max(id) from unit_events))`);
    }),
  );
  // Statistics before the refresh too: its recursive join is planned from them.
  await db.exec('analyze units; analyze unit_versions; analyze unit_lineage');
  const closure = await timeOnce(() => db.query('select refresh_unit_closure()'));
  // VACUUM sets the visibility map, as autovacuum would soon after a bulk load: index-only scans
  // on the closure then skip the heap, which is the steady state a server runs in.
  const analyze = await timeOnce(() => db.exec('vacuum analyze'));
  const [counts] = await db.query<{ c: number; l: number }>('select (select count(*)::int from unit_closure) as c, (select count(*)::int from unit_lineage_closure) as l');
  return { insertMs: insert.ms, closureMs: closure.ms, analyzeMs: analyze.ms, closureRows: counts.c, lineageClosureRows: counts.l };
}
