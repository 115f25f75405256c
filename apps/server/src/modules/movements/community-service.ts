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
import { assertFact } from './rules';
import { referenceDay, villagesNotHeld } from './queries';
import {
  countTitles,
  endConventionsBefore,
  findFestival,
  findVillageYear,
  insertConvention,
  insertFestival,
  insertTitle,
  listCultureVillages,
  listFestivals,
  upsertVillageYear,
} from './queries-community';
import { replayed } from '../../platform/replay';

// ---- the Great Solidarity Day ----

/** The year's festivals in the unit's subtree and the villages that have not held it (target 7). */
export async function solidarityOverview({ db }: Ctx, unitId: number, year: number): Promise<SolidarityOverview> {
  const on = referenceDay(year);
  const { villages, notHeld } = await villagesNotHeld(db, unitId, year, on);
  const festivals = await listFestivals(db, unitId, year);
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
    if (seen) return findFestival(tx, seen);
    const row = await insertFestival(tx, { ...input, year, createdBy: user.id });
    if (!row) throw new AppError('SOLIDARITY_EXISTS', { year });
    await audit(tx, user, { action: 'movements.solidarity.record', entity: 'solidarity_festival', entityId: row.id, unitId: input.unitId, after: input });
    return findFestival(tx, row.id);
  });
}

// ---- cultural titles and conventions ----

export async function cultureOverview({ db }: Ctx, unitId: number, year: number): Promise<CultureOverview> {
  const on = referenceDay(year);
  const villages = await listCultureVillages(db, unitId, on, year);
  const titles = await countTitles(db, unitId, on);
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
    const before = await findVillageYear(tx, input.unitId, input.year);
    await upsertVillageYear(tx, input);
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
    const row = await insertTitle(tx, { ...input, validTo });
    await audit(tx, user, { action: 'movements.culture.title', entity: 'unit_title', entityId: row.id, unitId: input.unitId, after: input });
    return row;
  });
}

/** A village's convention approved; an earlier one of the village ends that day. */
export async function recordConvention({ db, user }: Ctx, raw: RecordConvention): Promise<{ id: number }> {
  const input = RecordConventionSchema.parse(raw);
  await assertFact(db, input.unitId, input.approvedOn, ['village']);
  return db.tx(async (tx) => {
    await endConventionsBefore(tx, input.unitId, input.approvedOn);
    const row = await insertConvention(tx, input);
    await audit(tx, user, { action: 'movements.culture.convention', entity: 'village_convention', entityId: row.id, unitId: input.unitId, after: input });
    return row;
  });
}
