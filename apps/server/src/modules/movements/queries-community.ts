import type { CultureOverview, Festival, RecordFestival, RecordVillageYear } from '@contract/movements';
import type { z } from 'zod';
import type { Db } from '../../db/db';
import { unitNameAt } from './queries';

// The Great Solidarity Day, cultural titles and village conventions.

const FESTIVAL_COLS = `f.id, f.unit_id as "unitId", ${unitNameAt('f.unit_id', 'f.held_on')} as "unitName", f.year, f.held_on as "heldOn",
  f.attendance, f.meal, f.leaders_central as "leadersCentral", f.leaders_province as "leadersProvince", f.leaders_city as "leadersCity",
  f.leaders_local as "leadersLocal", f.golden_hearts as "goldenHearts", f.gifts, f.gifts_value_vnd as "giftsValueVnd",
  f.collectives_commended as "collectivesCommended", f.individuals_commended as "individualsCommended", f.civil_works as "civilWorks",
  f.civil_works_value_vnd as "civilWorksValueVnd", f.note`;

/** The year's festivals in the unit's subtree. */
export async function listFestivals(db: Db, unitId: number, year: number): Promise<Festival[]> {
  return db.query<Festival>(
    `select ${FESTIVAL_COLS} from solidarity_festivals f
      where f.year = $2 and f.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= f.held_on and f.held_on < c.valid_to)
      order by "unitName", f.id limit 2000`,
    [unitId, year],
  );
}

export async function findFestival(db: Db, id: number): Promise<Festival> {
  return (await db.query<Festival>(`select ${FESTIVAL_COLS} from solidarity_festivals f where f.id = $1`, [id]))[0];
}

/** Inserts the village's festival of the year; undefined when the year already has one. */
export async function insertFestival(db: Db, v: z.output<typeof RecordFestival> & { year: number; createdBy: number }): Promise<{ id: number } | undefined> {
  const [row] = await db.query<{ id: number }>(
    `insert into solidarity_festivals (unit_id, year, held_on, attendance, meal, leaders_central, leaders_province, leaders_city, leaders_local,
         golden_hearts, gifts, gifts_value_vnd, collectives_commended, individuals_commended, civil_works, civil_works_value_vnd, note, created_by, client_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       on conflict (unit_id, year) do nothing returning id`,
    [
      v.unitId,
      v.year,
      v.heldOn,
      v.attendance,
      v.meal,
      v.leadersCentral,
      v.leadersProvince,
      v.leadersCity,
      v.leadersLocal,
      v.goldenHearts,
      v.gifts,
      v.giftsValueVnd,
      v.collectivesCommended,
      v.individualsCommended,
      v.civilWorks,
      v.civilWorksValueVnd,
      v.note,
      v.createdBy,
      v.clientKey ?? null,
    ],
  );
  return row;
}

/** Each village of the subtree on the day: its cultural-family figures of the year, its titles and whether it has a convention. */
export async function listCultureVillages(db: Db, unitId: number, on: string, year: number): Promise<CultureOverview['villages']> {
  return db.query<CultureOverview['villages'][number]>(
    `select c.descendant_id as "unitId", ${unitNameAt('c.descendant_id', '$2::date')} as name,
            coalesce(y.households, 0) as households, coalesce(y.registered, 0) as registered, coalesce(y.recognised, 0) as recognised,
            coalesce((select array_agg(t.title order by t.title) from unit_titles t where t.unit_id = c.descendant_id and t.recognised_on <= $2::date and $2::date < t.valid_to), '{}') as titles,
            exists (select 1 from village_conventions k where k.unit_id = c.descendant_id and k.approved_on <= $2::date and $2::date < k.valid_to) as convention
       from unit_closure c join units u on u.id = c.descendant_id and u.level = 'village'
       left join village_culture_years y on y.unit_id = c.descendant_id and y.year = $3
      where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to
      order by 2 limit 3000`,
    [unitId, on, year],
  );
}

/** The titles standing on the day in the subtree, counted by title. */
export async function countTitles(db: Db, unitId: number, on: string): Promise<CultureOverview['titles']> {
  return db.query<{ title: CultureOverview['titles'][number]['title']; count: number }>(
    `select t.title, count(*)::int as count from unit_titles t
      where t.recognised_on <= $2::date and $2::date < t.valid_to
        and t.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to)
      group by t.title order by t.title`,
    [unitId, on],
  );
}

/** The stored figures of a village's year (for the audit's before). */
export async function findVillageYear(db: Db, unitId: number, year: number): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.query('select * from village_culture_years where unit_id = $1 and year = $2', [unitId, year]);
  return row;
}

export async function upsertVillageYear(db: Db, v: z.output<typeof RecordVillageYear>): Promise<void> {
  await db.query(
    `insert into village_culture_years (unit_id, year, assessed_on, households, registered, recognised, civilised_rites, env_pledged, green_sunday)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (unit_id, year) do update set assessed_on = excluded.assessed_on, households = excluded.households, registered = excluded.registered,
         recognised = excluded.recognised, civilised_rites = excluded.civilised_rites, env_pledged = excluded.env_pledged, green_sunday = excluded.green_sunday`,
    [v.unitId, v.year, v.assessedOn, v.households, v.registered, v.recognised, v.civilisedRites, v.envPledged, v.greenSunday],
  );
}

export async function insertTitle(db: Db, v: { unitId: number; title: string; recognisedOn: string; validTo: string; decision: string }): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(`insert into unit_titles (unit_id, title, recognised_on, valid_to, decision) values ($1, $2, $3, $4, $5) returning id`, [
    v.unitId,
    v.title,
    v.recognisedOn,
    v.validTo,
    v.decision,
  ]);
  return row;
}

/** Ends the village's standing convention approved before `approvedOn` on that day. */
export async function endConventionsBefore(db: Db, unitId: number, approvedOn: string): Promise<void> {
  await db.query(`update village_conventions set valid_to = $2 where unit_id = $1 and valid_to = 'infinity' and approved_on < $2`, [unitId, approvedOn]);
}

export async function insertConvention(db: Db, v: { unitId: number; approvedOn: string; decision: string }): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(`insert into village_conventions (unit_id, approved_on, decision) values ($1, $2, $3) returning id`, [
    v.unitId,
    v.approvedOn,
    v.decision,
  ]);
  return row;
}
