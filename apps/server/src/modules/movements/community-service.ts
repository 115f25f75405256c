import type { CultureOverview, Festival, RecordConvention, RecordFestival, RecordTitle, RecordVillageYear, SolidarityOverview } from '@contract/movements';
import {
  RecordFestival as RecordFestivalSchema,
  RecordVillageYear as RecordVillageYearSchema,
  RecordTitle as RecordTitleSchema,
  RecordConvention as RecordConventionSchema,
  UNIT_TITLE_LEVEL,
} from '@contract/movements';
import type { Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertFact, unitNameAt } from './rules';
import { referenceDay, villagesNotHeld } from './queries';
import { replayed } from '../../platform/replay';

const FESTIVAL_COLS = `f.id, f.unit_id as "unitId", ${unitNameAt('f.unit_id', 'f.held_on')} as "unitName", f.year, f.held_on as "heldOn",
  f.attendance, f.meal, f.leaders_central as "leadersCentral", f.leaders_province as "leadersProvince", f.leaders_city as "leadersCity",
  f.leaders_local as "leadersLocal", f.golden_hearts as "goldenHearts", f.gifts, f.gifts_value_vnd as "giftsValueVnd",
  f.collectives_commended as "collectivesCommended", f.individuals_commended as "individualsCommended", f.civil_works as "civilWorks",
  f.civil_works_value_vnd as "civilWorksValueVnd", f.note`;

// ---- the Great Solidarity Day ----

/** The year's festivals in the unit's subtree and the villages that have not held it (target 7). */
export async function solidarityOverview({ db }: Ctx, unitId: number, year: number): Promise<SolidarityOverview> {
  const on = referenceDay(year);
  const { villages, notHeld } = await villagesNotHeld(db, unitId, year, on);
  const festivals = await db.query<Festival>(
    `select ${FESTIVAL_COLS} from solidarity_festivals f
      where f.year = $2 and f.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= f.held_on and f.held_on < c.valid_to)
      order by "unitName", f.id limit 2000`,
    [unitId, year],
  );
  return { year, villages, held: villages - notHeld.length, notHeld, festivals };
}

/** A village records its Solidarity Day once a year (a second record of the same year is refused). */
export async function recordFestival({ db, user }: Ctx, raw: RecordFestival): Promise<Festival> {
  const input = RecordFestivalSchema.parse(raw);
  await assertFact(db, input.unitId, input.heldOn, ['village']);
  const year = Number(input.heldOn.slice(0, 4));
  return db.tx(async (tx) => {
    // A replay from the board head's phone (offline queue) answers the day first recorded, not "already held".
    const seen = input.clientKey ? await replayed(tx, 'solidarity_festivals', user.id, input.clientKey) : null;
    if (seen) return (await tx.query<Festival>(`select ${FESTIVAL_COLS} from solidarity_festivals f where f.id = $1`, [seen]))[0];
    const [row] = await tx.query<{ id: number }>(
      `insert into solidarity_festivals (unit_id, year, held_on, attendance, meal, leaders_central, leaders_province, leaders_city, leaders_local,
         golden_hearts, gifts, gifts_value_vnd, collectives_commended, individuals_commended, civil_works, civil_works_value_vnd, note, created_by, client_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       on conflict (unit_id, year) do nothing returning id`,
      [
        input.unitId,
        year,
        input.heldOn,
        input.attendance,
        input.meal,
        input.leadersCentral,
        input.leadersProvince,
        input.leadersCity,
        input.leadersLocal,
        input.goldenHearts,
        input.gifts,
        input.giftsValueVnd,
        input.collectivesCommended,
        input.individualsCommended,
        input.civilWorks,
        input.civilWorksValueVnd,
        input.note,
        user.id,
        input.clientKey ?? null,
      ],
    );
    if (!row) throw new AppError('SOLIDARITY_EXISTS', { year });
    await audit(tx, user, { action: 'movements.solidarity.record', entity: 'solidarity_festival', entityId: row.id, unitId: input.unitId, after: input });
    const [f] = await tx.query<Festival>(`select ${FESTIVAL_COLS} from solidarity_festivals f where f.id = $1`, [row.id]);
    return f;
  });
}

// ---- cultural titles and conventions ----

export async function cultureOverview({ db }: Ctx, unitId: number, year: number): Promise<CultureOverview> {
  const on = referenceDay(year);
  const villages = await db.query<CultureOverview['villages'][number]>(
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
  const titles = await db.query<{ title: CultureOverview['titles'][number]['title']; count: number }>(
    `select t.title, count(*)::int as count from unit_titles t
      where t.recognised_on <= $2::date and $2::date < t.valid_to
        and t.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to)
      group by t.title order by t.title`,
    [unitId, on],
  );
  const sum = (k: 'households' | 'registered' | 'recognised') => villages.reduce((n, v) => n + v[k], 0);
  return { year, households: sum('households'), registered: sum('registered'), recognised: sum('recognised'), villages, titles };
}

/** A village's cultural-family figures for a year; recording the same year again replaces them (audited before → after). */
export async function recordVillageYear({ db, user }: Ctx, raw: RecordVillageYear): Promise<{ id: number }> {
  const input = RecordVillageYearSchema.parse(raw);
  if (Number(input.assessedOn.slice(0, 4)) !== input.year) throw new AppError('MOVEMENT_DATE_INVALID', { assessedOn: input.assessedOn });
  const over = [input.registered, input.civilisedRites, input.envPledged, input.greenSunday].some((n) => n > input.households);
  if (over || input.recognised > input.registered) throw new AppError('MOVEMENT_FIGURES_INVALID');
  await assertFact(db, input.unitId, input.assessedOn, ['village']);
  return db.tx(async (tx) => {
    const [before] = await tx.query('select * from village_culture_years where unit_id = $1 and year = $2', [input.unitId, input.year]);
    await tx.query(
      `insert into village_culture_years (unit_id, year, assessed_on, households, registered, recognised, civilised_rites, env_pledged, green_sunday)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (unit_id, year) do update set assessed_on = excluded.assessed_on, households = excluded.households, registered = excluded.registered,
         recognised = excluded.recognised, civilised_rites = excluded.civilised_rites, env_pledged = excluded.env_pledged, green_sunday = excluded.green_sunday`,
      [input.unitId, input.year, input.assessedOn, input.households, input.registered, input.recognised, input.civilisedRites, input.envPledged, input.greenSunday],
    );
    await audit(tx, user, {
      action: 'movements.culture.year',
      entity: 'village_culture_year',
      entityId: `${input.unitId}:${input.year}`,
      unitId: input.unitId,
      before,
      after: input,
    });
    return { id: input.unitId };
  });
}

/** A title or standard: a cultural village title lasts the year it was given for; standards last until withdrawn. */
export async function recordTitle({ db, user }: Ctx, raw: RecordTitle): Promise<{ id: number }> {
  const input = RecordTitleSchema.parse(raw);
  await assertFact(db, input.unitId, input.recognisedOn, [UNIT_TITLE_LEVEL[input.title]]);
  const validTo = input.title === 'cultural_village' ? `${Number(input.recognisedOn.slice(0, 4)) + 1}-12-31` : 'infinity';
  return db.tx(async (tx) => {
    const [row] = await tx.query<{ id: number }>(`insert into unit_titles (unit_id, title, recognised_on, valid_to, decision) values ($1, $2, $3, $4, $5) returning id`, [
      input.unitId,
      input.title,
      input.recognisedOn,
      validTo,
      input.decision,
    ]);
    await audit(tx, user, { action: 'movements.culture.title', entity: 'unit_title', entityId: row.id, unitId: input.unitId, after: input });
    return row;
  });
}

/** A village's convention approved; an earlier one of the village ends that day. */
export async function recordConvention({ db, user }: Ctx, raw: RecordConvention): Promise<{ id: number }> {
  const input = RecordConventionSchema.parse(raw);
  await assertFact(db, input.unitId, input.approvedOn, ['village']);
  return db.tx(async (tx) => {
    await tx.query(`update village_conventions set valid_to = $2 where unit_id = $1 and valid_to = 'infinity' and approved_on < $2`, [input.unitId, input.approvedOn]);
    const [row] = await tx.query<{ id: number }>(`insert into village_conventions (unit_id, approved_on, decision) values ($1, $2, $3) returning id`, [
      input.unitId,
      input.approvedOn,
      input.decision,
    ]);
    await audit(tx, user, { action: 'movements.culture.convention', entity: 'village_convention', entityId: row.id, unitId: input.unitId, after: input });
    return row;
  });
}
