import type {
  Channel,
  CreateChannel,
  CreateEstablishment,
  CreateReligionActivity,
  Establishment,
  FlagSheet,
  Holiday,
  PropagandaOverview,
  RecordFlags,
  RecordOutput,
  ReligionActivity,
} from '@contract/movements';
import type { Db } from '../../db/db';
import type { Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { computeMetric, getMetric } from '../../platform/metrics';
import { assertFact } from './rules';
import {
  countEstablishmentsIn,
  findHoliday,
  findHolidayDate,
  insertChannel,
  insertEstablishment,
  insertOutput,
  insertReligionActivity,
  isUnitChannel,
  listChannels,
  listFlagRows,
  listHolidaysBetween,
  listSubtreeEstablishments,
  upsertFlagCheck,
} from './queries-propaganda';

const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

// ---- propaganda ----

/** A unit's channels and its subtree's output in a year, with target 1's count of committees working digitally. */
export async function propagandaOverview({ db }: Ctx, unitId: number, year: number): Promise<PropagandaOverview> {
  const { from, to } = yearBounds(year);
  const channels = await listChannels(db, unitId, from, to);
  const outputs = await computeMetric(db, getMetric('propaganda.outputs'), { unitIds: [unitId], from, to, view: 'now' });
  const digital = await computeMetric(db, getMetric('propaganda.units_digital'), { unitIds: [unitId], from, to, view: 'now' });
  const units = await computeMetric(db, getMetric('org.units_by_level'), { unitIds: [unitId], from, to, view: 'now' });
  const front = (m: Map<number, { byDim: Record<string, number> }>) => (m.get(unitId)!.byDim.district ?? 0) + (m.get(unitId)!.byDim.commune ?? 0);
  return {
    channels,
    outputs: Object.entries(outputs.get(unitId)!.byDim).map(([kind, quantity]) => ({ kind: kind as RecordOutput['kind'], quantity })),
    digitalUnits: front(digital),
    frontUnits: front(units),
  };
}

export async function createChannel({ db, user }: Ctx, input: CreateChannel): Promise<Channel> {
  await assertFact(db, input.unitId, input.validFrom, ['province', 'district', 'commune', 'village']);
  return db.tx(async (tx) => {
    const row = await insertChannel(tx, { ...input, createdBy: user.id });
    await audit(tx, user, { action: 'movements.channel.create', entity: 'propaganda_channel', entityId: row.id, unitId: input.unitId, after: input });
    return { id: row.id, unitId: input.unitId, unitName: '', kind: input.kind, name: input.name, url: input.url ?? null, validFrom: input.validFrom, validTo: 'infinity' };
  });
}

export async function recordOutput({ db, user }: Ctx, input: RecordOutput): Promise<{ id: number }> {
  if (input.periodFrom > input.periodTo) throw new AppError('MOVEMENT_DATE_INVALID', { periodFrom: input.periodFrom });
  await assertFact(db, input.unitId, input.periodTo);
  if (input.channelId && !(await isUnitChannel(db, input.channelId, input.unitId))) throw new AppError('MOVEMENT_RECORD_INVALID', { channelId: input.channelId });
  return db.tx(async (tx) => {
    const row = await insertOutput(tx, { ...input, createdBy: user.id });
    await audit(tx, user, { action: 'movements.output.record', entity: 'propaganda_output', entityId: row.id, unitId: input.unitId, after: input });
    return row;
  });
}

// ---- religion ----

export async function listEstablishments({ db }: Ctx, unitId: number, year: number): Promise<Establishment[]> {
  const { from, to } = yearBounds(year);
  return listSubtreeEstablishments(db, unitId, from, to);
}

export async function createEstablishment({ db, user }: Ctx, input: CreateEstablishment): Promise<Establishment> {
  await assertFact(db, input.unitId, input.validFrom, ['commune', 'village']);
  return db.tx(async (tx) => {
    const row = await insertEstablishment(tx, input);
    await audit(tx, user, { action: 'movements.establishment.create', entity: 'religious_establishment', entityId: row.id, unitId: input.unitId, after: input });
    return { id: row.id, unitId: input.unitId, unitName: '', name: input.name, religion: input.religion, hasCamera: input.hasCamera };
  });
}

export async function createReligionActivity({ db, user }: Ctx, input: CreateReligionActivity): Promise<ReligionActivity> {
  await assertFact(db, input.unitId, input.heldOn);
  if (input.establishmentId) await assertEstablishmentsIn(db, input.unitId, [input.establishmentId], input.heldOn);
  return db.tx(async (tx) => {
    const row = await insertReligionActivity(tx, { ...input, createdBy: user.id });
    await audit(tx, user, { action: 'movements.religion.activity', entity: 'religion_activity', entityId: row.id, unitId: input.unitId, after: input });
    return { id: row.id, ...input };
  });
}

export async function listHolidays({ db }: Ctx, year: number): Promise<Holiday[]> {
  const { from, to } = yearBounds(year);
  return listHolidaysBetween(db, from, to);
}

/** Each establishment of the unit's subtree standing on the holiday, with its check (null: not checked, counted as not flying it). */
export async function flagSheet({ db }: Ctx, unitId: number, holidayId: number): Promise<FlagSheet> {
  const h = await findHoliday(db, holidayId);
  if (!h) throw new AppError('NOT_FOUND', { holiday: holidayId });
  const rows = await listFlagRows(db, unitId, h.heldOn, holidayId);
  return { holiday: h, rows, due: rows.length, compliant: rows.filter((r) => r.compliant).length };
}

async function assertEstablishmentsIn(db: Db, unitId: number, ids: number[], date: string) {
  const n = await countEstablishmentsIn(db, ids, unitId, date);
  if (n !== new Set(ids).size) throw new AppError('MOVEMENT_RECORD_INVALID', { establishments: ids });
}

/** Records who flew the flag on a holiday (a later check replaces an earlier one). */
export async function recordFlags(ctx: Ctx, input: RecordFlags): Promise<FlagSheet> {
  const { db, user } = ctx;
  const h = await findHolidayDate(db, input.holidayId);
  if (!h) throw new AppError('MOVEMENT_RECORD_INVALID', { holidayId: input.holidayId });
  await assertFact(db, input.unitId, h.held_on);
  await assertEstablishmentsIn(
    db,
    input.unitId,
    input.checks.map((c) => c.establishmentId),
    h.held_on,
  );
  await db.tx(async (tx) => {
    for (const c of input.checks) {
      await upsertFlagCheck(tx, c.establishmentId, input.holidayId, c.compliant, user.id);
    }
    await audit(tx, user, { action: 'movements.flags.record', entity: 'flag_holiday', entityId: input.holidayId, unitId: input.unitId, after: input.checks });
  });
  return flagSheet(ctx, input.unitId, input.holidayId);
}
