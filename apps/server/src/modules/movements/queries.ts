import type { Db } from '../../db/db';
import { today } from '../../platform/access';

/** The day a year's village list is taken on: the year's last day, or today while the year runs. */
export const referenceDay = (year: number) => [`${year}-12-31`, today()].sort()[0];

export type NotHeld = { unitId: number; name: string; parentName: string };

/**
 * Target 7's list: the villages in the unit's subtree on the reference day with no Solidarity Day
 * recorded for the year. One closure range scan and one index probe per village
 * (solidarity_festivals (unit_id, year) is unique), so a province of 5,000 villages answers in one query.
 */
export async function villagesNotHeld(db: Db, unitId: number, year: number, on = referenceDay(year)): Promise<{ villages: number; notHeld: NotHeld[] }> {
  // Names are looked up only for the villages not held (a few percent), the total counted in the same statement.
  const rows = await db.query<{ villages: number; unit_id: number | null; name: string | null; parent_name: string | null }>(
    `with vs as (
       select c.descendant_id as id from unit_closure c join units u on u.id = c.descendant_id and u.level = 'village'
        where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to
     ), missing as (
       select vs.id from vs where not exists (select 1 from solidarity_festivals f where f.unit_id = vs.id and f.year = $3)
     )
     select (select count(*) from vs)::int as villages, m.id as unit_id, v.name, coalesce(pv.name, '') as parent_name
       from (select 1) one
       left join missing m on true
       left join unit_versions v on v.unit_id = m.id and v.valid_from <= $2::date and $2::date < v.valid_to
       left join unit_versions pv on pv.unit_id = v.parent_id and pv.valid_from <= $2::date and $2::date < pv.valid_to`,
    [unitId, on, year],
  );
  const notHeld = rows
    .filter((r) => r.unit_id !== null)
    .map((r) => ({ unitId: r.unit_id!, name: r.name ?? '', parentName: r.parent_name ?? '' }))
    .sort((a, b) => a.parentName.localeCompare(b.parentName, 'vi') || a.name.localeCompare(b.name, 'vi', { numeric: true }));
  return { villages: rows[0]?.villages ?? 0, notHeld };
}

/**
 * The naive way, kept for the bench's baseline: walk the tree down level by level through the unit
 * versions (no closure), then test each village with the festival's year computed from its date.
 */
export async function villagesNotHeldNaive(db: Db, unitId: number, year: number, on = referenceDay(year)): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `with recursive tree as (
       select $1::bigint as id
       union all
       select v.unit_id from unit_versions v join tree t on v.parent_id = t.id where v.valid_from <= $2::date and $2::date < v.valid_to
     )
     select count(*)::int as n from tree t join units u on u.id = t.id and u.level = 'village'
      where t.id not in (select f.unit_id from solidarity_festivals f where extract(year from f.held_on) = $3)`,
    [unitId, on, year],
  );
  return r.n;
}
