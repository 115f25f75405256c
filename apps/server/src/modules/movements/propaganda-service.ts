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
import { assertFact, unitNameAt } from './rules';

const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const SUBTREE = `select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= $3::date and $2::date < c.valid_to`;

// ---- propaganda ----

/** A unit's channels and its subtree's output in a year, with target 1's count of committees working digitally. */
export async function propagandaOverview({ db }: Ctx, unitId: number, year: number): Promise<PropagandaOverview> {
  const { from, to } = yearBounds(year);
  const channels = await db.query<Channel>(
    `select ch.id, ch.unit_id as "unitId", ${unitNameAt('ch.unit_id', '$3::date')} as "unitName", ch.kind, ch.name, ch.url,
            ch.valid_from as "validFrom", ch.valid_to::text as "validTo"
       from propaganda_channels ch where ch.unit_id in (${SUBTREE}) and ch.valid_from <= $3::date and $2::date < ch.valid_to
      order by ch.unit_id, ch.kind, ch.id`,
    [unitId, from, to],
  );
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
    const [row] = await tx.query<{ id: number }>(
      `insert into propaganda_channels (unit_id, kind, name, url, valid_from, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.unitId, input.kind, input.name, input.url ?? null, input.validFrom, user.id],
    );
    await audit(tx, user, { action: 'movements.channel.create', entity: 'propaganda_channel', entityId: row.id, unitId: input.unitId, after: input });
    return { id: row.id, unitId: input.unitId, unitName: '', kind: input.kind, name: input.name, url: input.url ?? null, validFrom: input.validFrom, validTo: 'infinity' };
  });
}

export async function recordOutput({ db, user }: Ctx, input: RecordOutput): Promise<{ id: number }> {
  if (input.periodFrom > input.periodTo) throw new AppError('MOVEMENT_DATE_INVALID', { periodFrom: input.periodFrom });
  await assertFact(db, input.unitId, input.periodTo);
  if (input.channelId) {
    const [c] = await db.query('select 1 from propaganda_channels where id = $1 and unit_id = $2', [input.channelId, input.unitId]);
    if (!c) throw new AppError('MOVEMENT_RECORD_INVALID', { channelId: input.channelId });
  }
  return db.tx(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into propaganda_outputs (unit_id, channel_id, kind, period_from, period_to, quantity, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [input.unitId, input.channelId ?? null, input.kind, input.periodFrom, input.periodTo, input.quantity, input.note ?? '', user.id],
    );
    await audit(tx, user, { action: 'movements.output.record', entity: 'propaganda_output', entityId: row.id, unitId: input.unitId, after: input });
    return row;
  });
}

// ---- religion ----

export async function listEstablishments({ db }: Ctx, unitId: number, year: number): Promise<Establishment[]> {
  const { from, to } = yearBounds(year);
  return db.query<Establishment>(
    `select e.id, e.unit_id as "unitId", ${unitNameAt('e.unit_id', '$3::date')} as "unitName", e.name, e.religion, e.has_camera as "hasCamera"
       from religious_establishments e where e.unit_id in (${SUBTREE}) and e.valid_from <= $3::date and $2::date < e.valid_to
      order by e.unit_id, e.name`,
    [unitId, from, to],
  );
}

export async function createEstablishment({ db, user }: Ctx, input: CreateEstablishment): Promise<Establishment> {
  await assertFact(db, input.unitId, input.validFrom, ['commune', 'village']);
  return db.tx(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into religious_establishments (unit_id, name, religion, has_camera, valid_from) values ($1, $2, $3, $4, $5) returning id`,
      [input.unitId, input.name, input.religion, input.hasCamera, input.validFrom],
    );
    await audit(tx, user, { action: 'movements.establishment.create', entity: 'religious_establishment', entityId: row.id, unitId: input.unitId, after: input });
    return { id: row.id, unitId: input.unitId, unitName: '', name: input.name, religion: input.religion, hasCamera: input.hasCamera };
  });
}

export async function createReligionActivity({ db, user }: Ctx, input: CreateReligionActivity): Promise<ReligionActivity> {
  await assertFact(db, input.unitId, input.heldOn);
  if (input.establishmentId) await assertEstablishmentsIn(db, input.unitId, [input.establishmentId], input.heldOn);
  return db.tx(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into religion_activities (unit_id, kind, held_on, occasion, establishment_id, gifts_upper, gifts_local, gift_value_vnd, delegates, commended, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        input.unitId,
        input.kind,
        input.heldOn,
        input.occasion,
        input.establishmentId ?? null,
        input.giftsUpper,
        input.giftsLocal,
        input.giftValueVnd,
        input.delegates,
        input.commended,
        user.id,
      ],
    );
    await audit(tx, user, { action: 'movements.religion.activity', entity: 'religion_activity', entityId: row.id, unitId: input.unitId, after: input });
    return { id: row.id, ...input };
  });
}

export async function listHolidays({ db }: Ctx, year: number): Promise<Holiday[]> {
  const { from, to } = yearBounds(year);
  return db.query<Holiday>(`select id, name, held_on as "heldOn" from flag_holidays where held_on between $1 and $2 order by held_on`, [from, to]);
}

/** Each establishment of the unit's subtree standing on the holiday, with its check (null: not checked, counted as not flying it). */
export async function flagSheet({ db }: Ctx, unitId: number, holidayId: number): Promise<FlagSheet> {
  const [h] = await db.query<Holiday>(`select id, name, held_on as "heldOn" from flag_holidays where id = $1`, [holidayId]);
  if (!h) throw new AppError('NOT_FOUND', { holiday: holidayId });
  const rows = await db.query<FlagSheet['rows'][number]>(
    `select e.id as "establishmentId", e.name, ${unitNameAt('e.unit_id', '$2::date')} as "unitName", k.compliant
       from religious_establishments e left join religion_flag_checks k on k.establishment_id = e.id and k.holiday_id = $3
      where e.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to)
        and e.valid_from <= $2::date and $2::date < e.valid_to
      order by 3, e.name`,
    [unitId, h.heldOn, holidayId],
  );
  return { holiday: h, rows, due: rows.length, compliant: rows.filter((r) => r.compliant).length };
}

async function assertEstablishmentsIn(db: Db, unitId: number, ids: number[], date: string) {
  const [r] = await db.query<{ n: number }>(
    `select count(*)::int as n from religious_establishments e
      where e.id = any($1::bigint[]) and e.valid_from <= $3::date and $3::date < e.valid_to
        and e.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $2 and c.valid_from <= $3::date and $3::date < c.valid_to)`,
    [ids, unitId, date],
  );
  if (r.n !== new Set(ids).size) throw new AppError('MOVEMENT_RECORD_INVALID', { establishments: ids });
}

/** Records who flew the flag on a holiday (a later check replaces an earlier one). */
export async function recordFlags(ctx: Ctx, input: RecordFlags): Promise<FlagSheet> {
  const { db, user } = ctx;
  const [h] = await db.query<{ held_on: string }>('select held_on from flag_holidays where id = $1', [input.holidayId]);
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
      await tx.query(
        `insert into religion_flag_checks (establishment_id, holiday_id, compliant, checked_by) values ($1, $2, $3, $4)
         on conflict (establishment_id, holiday_id) do update set compliant = excluded.compliant, checked_by = excluded.checked_by`,
        [c.establishmentId, input.holidayId, c.compliant, user.id],
      );
    }
    await audit(tx, user, { action: 'movements.flags.record', entity: 'flag_holiday', entityId: input.holidayId, unitId: input.unitId, after: input.checks });
  });
  return flagSheet(ctx, input.unitId, input.holidayId);
}
