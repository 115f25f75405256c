// The simpler baselines each product query is compared against, in the same run on the same data.
import type { Db } from '../../apps/server/src/db/db';
import { assertPermission, type CurrentUser } from '../../apps/server/src/platform/access';

export type AccessOutcome = 'ok' | 'UNIT_NOT_FOUND' | 'OUT_OF_SCOPE' | 'FORBIDDEN' | 'UNIT_ENDED';

/** Subtree of unitId on date by walking unit_versions level by level (no closure table). */
export async function naiveSubtree(db: Db, unitId: number, date: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `with recursive t (id) as (
       select unit_id from unit_versions where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to
       union all
       select v.unit_id from unit_versions v join t on v.parent_id = t.id
        where v.valid_from <= $2::date and $2::date < v.valid_to
     ) select id from t`,
    [unitId, date],
  );
  return rows.map((r) => r.id);
}

/** Every unit whose history rolls into unitId (itself included): one query per lineage level. */
async function lineageOf(db: Db, unitId: number): Promise<Set<number>> {
  const seen = new Set([unitId]);
  let frontier = [unitId];
  while (frontier.length) {
    const rows = await db.query<{ id: number }>('select predecessor_id as id from unit_lineage where successor_id = any($1::bigint[])', [frontier]);
    frontier = rows.map((r) => r.id).filter((id) => !seen.has(id));
    for (const id of frontier) seen.add(id);
  }
  return seen;
}

/**
 * The access rule checked without the derived tables: walk the unit's ancestors on `date` one query
 * per level, then the user's lineage, and intersect in JS.
 */
export async function naiveAccessDated(db: Db, user: CurrentUser, unitId: number, date: string): Promise<AccessOutcome> {
  assertPermission(user, 'unit.read');
  const exists = await db.query('select 1 from units where id = $1', [unitId]);
  if (!exists.length) return 'UNIT_NOT_FOUND';
  const ancestors = new Set<number>();
  let current: number | null = unitId;
  for (let depth = 0; current !== null && depth < 10; depth++) {
    const rows: Array<{ parent_id: number | null }> = await db.query<{ parent_id: number | null }>(
      'select parent_id from unit_versions where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to',
      [current, date],
    );
    if (!rows.length) break;
    ancestors.add(current);
    current = rows[0].parent_id;
  }
  const roots = await lineageOf(db, user.unitId!);
  return [...ancestors].some((a) => roots.has(a)) ? 'ok' : 'OUT_OF_SCOPE';
}

type Span = { id: number; from: string; to: string };
const later = (a: string, b: string) => (a > b ? a : b); // 'infinity' sorts after every ISO date
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Undated form (the unit over its whole life): walk every version's parent, keeping the periods
 * that overlap, one query per level; then the user's lineage.
 */
export async function naiveAccessUndated(db: Db, user: CurrentUser, unitId: number): Promise<AccessOutcome> {
  assertPermission(user, 'unit.read');
  const exists = await db.query('select 1 from units where id = $1', [unitId]);
  if (!exists.length) return 'UNIT_NOT_FOUND';
  const ancestors = new Set<number>([unitId]);
  let frontier: Span[] = [{ id: unitId, from: '0001-01-01', to: 'infinity' }];
  for (let depth = 0; frontier.length && depth < 10; depth++) {
    const rows = await db.query<{ unit_id: number; parent_id: number; valid_from: string; valid_to: string }>(
      `select unit_id, parent_id, valid_from::text, valid_to::text from unit_versions
        where unit_id = any($1::bigint[]) and parent_id is not null`,
      [[...new Set(frontier.map((f) => f.id))]],
    );
    const next: Span[] = [];
    for (const f of frontier) {
      for (const r of rows) {
        if (r.unit_id !== f.id) continue;
        const from = later(f.from, r.valid_from);
        const to = earlier(f.to, r.valid_to);
        if (from < to) next.push({ id: r.parent_id, from, to });
      }
    }
    for (const n of next) ancestors.add(n.id);
    frontier = next;
  }
  const roots = await lineageOf(db, user.unitId!);
  return [...ancestors].some((a) => roots.has(a)) ? 'ok' : 'OUT_OF_SCOPE';
}
