import type { Channel, CreateChannel, CreateEstablishment, CreateReligionActivity, Establishment, FlagSheet, Holiday, RecordOutput } from '@contract/movements';
import type { Db } from '../../db/db';
import { unitNameAt } from './queries';

// Propaganda channels and output; religious establishments, their activities and flag checks.

/** The unit's subtree over a period ($1 the unit, $2..$3 the period). */
const SUBTREE = `select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= $3::date and $2::date < c.valid_to`;

/** The channels of the unit's subtree standing some time in the period. */
export async function listChannels(db: Db, unitId: number, from: string, to: string): Promise<Channel[]> {
  return db.query<Channel>(
    `select ch.id, ch.unit_id as "unitId", ${unitNameAt('ch.unit_id', '$3::date')} as "unitName", ch.kind, ch.name, ch.url,
            ch.valid_from as "validFrom", ch.valid_to::text as "validTo"
       from propaganda_channels ch where ch.unit_id in (${SUBTREE}) and ch.valid_from <= $3::date and $2::date < ch.valid_to
      order by ch.unit_id, ch.kind, ch.id`,
    [unitId, from, to],
  );
}

export async function insertChannel(db: Db, v: CreateChannel & { createdBy: number }): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(`insert into propaganda_channels (unit_id, kind, name, url, valid_from, created_by) values ($1, $2, $3, $4, $5, $6) returning id`, [
    v.unitId,
    v.kind,
    v.name,
    v.url ?? null,
    v.validFrom,
    v.createdBy,
  ]);
  return row;
}

/** Whether the channel is the unit's own. */
export async function isUnitChannel(db: Db, channelId: number, unitId: number): Promise<boolean> {
  const [c] = await db.query('select 1 from propaganda_channels where id = $1 and unit_id = $2', [channelId, unitId]);
  return !!c;
}

export async function insertOutput(db: Db, v: RecordOutput & { createdBy: number }): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(
    `insert into propaganda_outputs (unit_id, channel_id, kind, period_from, period_to, quantity, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [v.unitId, v.channelId ?? null, v.kind, v.periodFrom, v.periodTo, v.quantity, v.note ?? '', v.createdBy],
  );
  return row;
}

/** The establishments of the unit's subtree standing some time in the period. */
export async function listSubtreeEstablishments(db: Db, unitId: number, from: string, to: string): Promise<Establishment[]> {
  return db.query<Establishment>(
    `select e.id, e.unit_id as "unitId", ${unitNameAt('e.unit_id', '$3::date')} as "unitName", e.name, e.religion, e.has_camera as "hasCamera"
       from religious_establishments e where e.unit_id in (${SUBTREE}) and e.valid_from <= $3::date and $2::date < e.valid_to
      order by e.unit_id, e.name`,
    [unitId, from, to],
  );
}

export async function insertEstablishment(db: Db, v: CreateEstablishment): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(`insert into religious_establishments (unit_id, name, religion, has_camera, valid_from) values ($1, $2, $3, $4, $5) returning id`, [
    v.unitId,
    v.name,
    v.religion,
    v.hasCamera,
    v.validFrom,
  ]);
  return row;
}

/** How many of `ids` are establishments standing on `date` in the unit's subtree. */
export async function countEstablishmentsIn(db: Db, ids: number[], unitId: number, date: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `select count(*)::int as n from religious_establishments e
      where e.id = any($1::bigint[]) and e.valid_from <= $3::date and $3::date < e.valid_to
        and e.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $2 and c.valid_from <= $3::date and $3::date < c.valid_to)`,
    [ids, unitId, date],
  );
  return r.n;
}

export async function insertReligionActivity(db: Db, v: CreateReligionActivity & { createdBy: number }): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(
    `insert into religion_activities (unit_id, kind, held_on, occasion, establishment_id, gifts_upper, gifts_local, gift_value_vnd, delegates, commended, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [v.unitId, v.kind, v.heldOn, v.occasion, v.establishmentId ?? null, v.giftsUpper, v.giftsLocal, v.giftValueVnd, v.delegates, v.commended, v.createdBy],
  );
  return row;
}

/** The flag holidays between two days. */
export async function listHolidaysBetween(db: Db, from: string, to: string): Promise<Holiday[]> {
  return db.query<Holiday>(`select id, name, held_on as "heldOn" from flag_holidays where held_on between $1 and $2 order by held_on`, [from, to]);
}

export async function findHoliday(db: Db, id: number): Promise<Holiday | undefined> {
  const [h] = await db.query<Holiday>(`select id, name, held_on as "heldOn" from flag_holidays where id = $1`, [id]);
  return h;
}

export async function findHolidayDate(db: Db, id: number): Promise<{ held_on: string } | undefined> {
  const [h] = await db.query<{ held_on: string }>('select held_on from flag_holidays where id = $1', [id]);
  return h;
}

/** Each establishment of the unit's subtree standing on the day, with its check of the holiday (null: not checked). */
export async function listFlagRows(db: Db, unitId: number, heldOn: string, holidayId: number): Promise<FlagSheet['rows']> {
  return db.query<FlagSheet['rows'][number]>(
    `select e.id as "establishmentId", e.name, ${unitNameAt('e.unit_id', '$2::date')} as "unitName", k.compliant
       from religious_establishments e left join religion_flag_checks k on k.establishment_id = e.id and k.holiday_id = $3
      where e.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to)
        and e.valid_from <= $2::date and $2::date < e.valid_to
      order by 3, e.name`,
    [unitId, heldOn, holidayId],
  );
}

/** A later check of the same establishment and holiday replaces the earlier one. */
export async function upsertFlagCheck(db: Db, establishmentId: number, holidayId: number, compliant: boolean, checkedBy: number): Promise<void> {
  await db.query(
    `insert into religion_flag_checks (establishment_id, holiday_id, compliant, checked_by) values ($1, $2, $3, $4)
         on conflict (establishment_id, holiday_id) do update set compliant = excluded.compliant, checked_by = excluded.checked_by`,
    [establishmentId, holidayId, compliant, checkedBy],
  );
}
