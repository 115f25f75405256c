import type { Congress, Measure, TargetDef, TargetInput, UnitRef } from '@contract/targets';
import type { UnitLevel } from '@contract/units';
import type { Db } from '../../db/db';

/** A unit as judged in a year: `ref` is the day its tree and congress are read on (its last day in the year). */
export type YearUnit = UnitRef & { ref: string | null };

/** The units with their name and reference day in the year; ref is null for a unit that did not exist then. */
export async function unitsInYear(db: Db, ids: number[], year: number): Promise<Map<number, YearUnit>> {
  const rows = await db.query<{ id: number; code: string; level: UnitLevel; name: string; ref: string | null }>(
    `with u as (
       select u.id, u.code, u.level,
              case when u.valid_from <= $3::date and $2::date < u.valid_to
                   then least($3::date, u.valid_to - 1) end as ref
         from units u where u.id = any($1::bigint[]))
     select u.id, u.code, u.level, u.ref::text as ref,
            (select v.name from unit_versions v where v.unit_id = u.id
              order by (u.ref is not null and v.valid_from <= u.ref and u.ref < v.valid_to) desc, v.valid_from desc limit 1) as name
       from u`,
    [ids, `${year}-01-01`, `${year}-12-31`],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

type CongressRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  unit_level: UnitLevel;
  term_label: string;
  name: string;
  valid_from: string;
  valid_to: string;
  decision_no: string | null;
  target_count: number;
};

const CONGRESS_SELECT = `
  select k.id, k.unit_id, k.term_label, k.name, k.valid_from::text, k.valid_to::text, k.decision_no, u.level as unit_level,
         (select v.name from unit_versions v where v.unit_id = k.unit_id order by (v.valid_from <= k.valid_from and k.valid_from < v.valid_to) desc, v.valid_from desc limit 1) as unit_name,
         (select count(*)::int from target_defs d where d.congress_id = k.id) as target_count
    from target_congresses k join units u on u.id = k.unit_id`;

const toCongress = (r: CongressRow): Congress => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitLevel: r.unit_level,
  termLabel: r.term_label,
  name: r.name,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  decisionNo: r.decision_no,
  targetCount: r.target_count,
});

/** For each (unit, day): the congress in force over it on that day, the nearest one up the tree. */
export async function congressesFor(db: Db, units: Array<{ id: number; ref: string }>): Promise<Map<number, Congress>> {
  if (units.length === 0) return new Map();
  const pairs = await db.query<{ unit_id: number; congress_id: number }>(
    `select distinct on (t.id) t.id as unit_id, k.id as congress_id
       from unnest($1::bigint[], $2::date[]) as t(id, ref)
       join unit_closure c on c.descendant_id = t.id and c.valid_from <= t.ref and t.ref < c.valid_to
       join target_congresses k on k.unit_id = c.ancestor_id and k.valid_from <= t.ref and t.ref < k.valid_to
      order by t.id, c.depth, k.valid_from desc`,
    [units.map((u) => u.id), units.map((u) => u.ref)],
  );
  const ids = [...new Set(pairs.map((p) => p.congress_id))];
  const congresses = new Map((await listCongressesById(db, ids)).map((k) => [k.id, k]));
  return new Map(pairs.map((p) => [p.unit_id, congresses.get(p.congress_id)!]));
}

export async function listCongressesById(db: Db, ids: number[]): Promise<Congress[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<CongressRow>(`${CONGRESS_SELECT} where k.id = any($1::bigint[]) order by k.valid_from, k.id`, [ids]);
  return rows.map(toCongress);
}

/**
 * Congresses held by the unit or its ancestors, by those of the units whose history rolls into it, and
 * by the units below it (a new congress may copy any of them).
 */
export async function congressesAround(db: Db, unitId: number): Promise<Congress[]> {
  const rows = await db.query<CongressRow>(
    `${CONGRESS_SELECT}
      where k.unit_id in (select c.ancestor_id from unit_lineage_closure l join unit_closure c on c.descendant_id = l.predecessor_id
                           where l.successor_id = $1
                          union select descendant_id from unit_closure where ancestor_id = $1)
      order by k.valid_from desc, k.id`,
    [unitId],
  );
  return rows.map(toCongress);
}

export async function congressById(db: Db, id: number): Promise<Congress | undefined> {
  return (await listCongressesById(db, [id]))[0];
}

type DefRow = { id: number; congress_id: number; number: number; title_vi: string; title_en: string; measures: Measure[] };
const toDef = (r: DefRow): TargetDef => ({
  id: r.id,
  congressId: r.congress_id,
  number: r.number,
  title: { vi: r.title_vi, en: r.title_en },
  measures: r.measures,
});

export async function targetsOf(db: Db, congressIds: number[]): Promise<TargetDef[]> {
  if (congressIds.length === 0) return [];
  const rows = await db.query<DefRow>(
    'select id, congress_id, number, title_vi, title_en, measures from target_defs where congress_id = any($1::bigint[]) order by congress_id, number',
    [congressIds],
  );
  return rows.map(toDef);
}

export async function targetById(db: Db, id: number): Promise<TargetDef | undefined> {
  const rows = await db.query<DefRow>('select id, congress_id, number, title_vi, title_en, measures from target_defs where id = $1', [id]);
  return rows[0] && toDef(rows[0]);
}

/** For each (unit, day): the units of `level` below it on that day, with their names then. */
export async function unitsBelow(db: Db, units: Array<{ id: number; ref: string }>, level: UnitLevel): Promise<Map<number, Array<{ id: number; name: string }>>> {
  const out = new Map<number, Array<{ id: number; name: string }>>(units.map((u) => [u.id, []]));
  if (units.length === 0) return out;
  const rows = await db.query<{ parent_id: number; id: number; name: string }>(
    `select t.id as parent_id, c.descendant_id as id, v.name
       from unnest($1::bigint[], $2::date[]) as t(id, ref)
       join unit_closure c on c.ancestor_id = t.id and c.valid_from <= t.ref and t.ref < c.valid_to and c.depth > 0
       join units d on d.id = c.descendant_id and d.level = $3
       join unit_versions v on v.unit_id = d.id and v.valid_from <= t.ref and t.ref < v.valid_to
      order by v.name`,
    [units.map((u) => u.id), units.map((u) => u.ref), level],
  );
  for (const r of rows) out.get(r.parent_id)!.push({ id: r.id, name: r.name });
  return out;
}

/** Direct children on a day, or every descendant (of the given levels), in one query. */
export async function descendants(db: Db, unitId: number, ref: string, scope: 'children' | 'all'): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `select c.descendant_id as id from unit_closure c
      where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to
        and ${scope === 'children' ? 'c.depth = 1' : 'c.depth > 0'}`,
    [unitId, ref],
  );
  return rows.map((r) => r.id);
}

/** The communes/wards existing today that each given commune became (itself if it still exists). */
export async function currentSuccessors(db: Db, communeIds: number[]): Promise<Array<{ predecessor_id: number; successor_id: number }>> {
  if (communeIds.length === 0) return [];
  return db.query(
    `select l.predecessor_id, l.successor_id from unit_lineage_closure l join units s on s.id = l.successor_id
      where l.predecessor_id = any($1::bigint[]) and s.level = 'commune' and s.valid_to = 'infinity'
      order by l.successor_id, l.predecessor_id`,
    [communeIds],
  );
}

// ---- congresses and their targets (writes) ----

export async function findUnitValidity(db: Db, unitId: number): Promise<{ valid_from: string; valid_to: string }> {
  const [unit] = await db.query<{ valid_from: string; valid_to: string }>('select valid_from::text, valid_to::text from units where id = $1', [unitId]);
  return unit;
}

/** Whether a congress of the unit overlaps [validFrom, validTo). */
export async function hasOverlappingCongress(db: Db, unitId: number, validFrom: string, validTo: string): Promise<boolean> {
  const overlap = await db.query('select 1 from target_congresses where unit_id = $1 and valid_from < $3::date and $2::date < valid_to', [unitId, validFrom, validTo]);
  return overlap.length > 0;
}

export async function insertCongress(
  db: Db,
  v: { unitId: number; termLabel: string; name: string; validFrom: string; validTo: string; decisionNo: string | null },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into target_congresses (unit_id, term_label, name, valid_from, valid_to, decision_no) values ($1, $2, $3, $4, $5, $6) returning id`,
    [v.unitId, v.termLabel, v.name, v.validFrom, v.validTo, v.decisionNo],
  );
  return id;
}

/** A target of a congress; undefined when the congress has one of that number already. */
export async function insertTargetDef(db: Db, congressId: number, t: TargetInput): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    `insert into target_defs (congress_id, number, title_vi, title_en, measures) values ($1, $2, $3, $4, $5::jsonb)
     on conflict (congress_id, number) do nothing returning id`,
    [congressId, t.number, t.title.vi, t.title.en, JSON.stringify(t.measures)],
  );
  return rows[0]?.id;
}

export async function updateTargetDef(db: Db, id: number, t: Pick<TargetInput, 'title' | 'measures'>): Promise<void> {
  await db.query('update target_defs set title_vi = $2, title_en = $3, measures = $4::jsonb, updated_at = now() where id = $1', [
    id,
    t.title.vi,
    t.title.en,
    JSON.stringify(t.measures),
  ]);
}
