import type { Model } from '@contract/movements';
import type { UnitLevel } from '@contract/units';
import type { Db } from '../../db/db';
import { today } from '../../platform/access';
import type { Located } from '../../platform/endpoints';

/** The name a unit bore on a day (or its nearest version). */
export const unitNameAt = (unitExpr: string, dateExpr: string) => `(select v.name from unit_versions v where v.unit_id = ${unitExpr}
   order by (v.valid_from <= ${dateExpr} and ${dateExpr} < v.valid_to) desc, v.valid_from desc limit 1)`;

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

/** A unit's level and whether it existed on `date` (undefined: no such unit). */
export async function findUnitOn(db: Db, unitId: number, date: string): Promise<{ ok: boolean; level: UnitLevel } | undefined> {
  const [u] = await db.query<{ ok: boolean; level: UnitLevel }>('select valid_from <= $2::date and $2::date < valid_to as ok, level from units where id = $1', [unitId, date]);
  return u;
}

// ---- where records lie (the locators of the endpoint table) ----

/** A survey is judged at its unit on the day it opened (answers are entered while it runs). */
export async function locateSurvey(db: Db, id: number): Promise<Located | undefined> {
  const [r] = await db.query<{ unitId: number; date: string }>(`select unit_id as "unitId", opens_on::text as date from surveys where id = $1`, [id]);
  return r;
}

export async function locateModel(db: Db, id: number): Promise<Located | undefined> {
  const [r] = await db.query<{ unitId: number; date: string }>(`select unit_id as "unitId", started_on::text as date from movement_models where id = $1`, [id]);
  return r;
}

// ---- models and movement activities ----

const MODEL_COLS = `m.id, m.unit_id as "unitId", ${unitNameAt('m.unit_id', 'coalesce(m.ended_on - 1, $9::date)')} as "unitName", m.kind, m.name,
  m.started_on as "startedOn", m.ended_on as "endedOn", m.recognised_on as "recognisedOn", m.excellent, m.members`;
const cols = () => MODEL_COLS.replaceAll('$9::date', `'${today()}'::date`);

/** The models standing today in the unit's subtree, by kind (the one registry). */
export async function listSubtreeModels(db: Db, unitId: number, kind?: string): Promise<Model[]> {
  return db.query<Model>(
    `select ${cols()} from movement_models m
      where m.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= coalesce(m.ended_on - 1, $3::date) and coalesce(m.ended_on - 1, $3::date) < c.valid_to)
        and ($2::text is null or m.kind = $2)
      order by m.started_on desc, m.id desc limit 1000`,
    [unitId, kind ?? null, today()],
  );
}

export async function findModel(db: Db, id: number): Promise<Model> {
  const [m] = await db.query<Model>(`select ${cols()} from movement_models m where m.id = $1`, [id]);
  return m;
}

export async function insertModel(
  db: Db,
  v: Pick<Model, 'unitId' | 'kind' | 'name' | 'startedOn' | 'recognisedOn' | 'excellent' | 'members'> & { createdBy: number },
): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(
    `insert into movement_models (unit_id, kind, name, started_on, recognised_on, excellent, members, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [v.unitId, v.kind, v.name, v.startedOn, v.recognisedOn, v.excellent, v.members, v.createdBy],
  );
  return row;
}

export async function updateModelRecognition(db: Db, id: number, recognisedOn: string, excellent: boolean): Promise<void> {
  await db.query('update movement_models set recognised_on = $2, excellent = $3 where id = $1', [id, recognisedOn, excellent]);
}

export async function insertMovementActivity(
  db: Db,
  v: { unitId: number; kind: string; heldOn: string; title: string; quantity: number; participants: number; opinions: number; valueVnd: number; createdBy: number },
): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(
    `insert into movement_activities (unit_id, kind, held_on, title, quantity, participants, opinions, value_vnd, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [v.unitId, v.kind, v.heldOn, v.title, v.quantity, v.participants, v.opinions, v.valueVnd, v.createdBy],
  );
  return row;
}
