import type { Db } from '../../db/db';

/** A unit's life, for the default date of a metric's tree. */
export async function unitPeriod(db: Db, unitId: number): Promise<{ valid_from: string; valid_to: string }> {
  const [unit] = await db.query<{ valid_from: string; valid_to: string }>('select valid_from::text, valid_to::text from units where id = $1', [unitId]);
  return unit;
}

/** Each unit's name on a date, or its nearest earlier name. */
export async function unitNames(db: Db, ids: number[], asOf: string): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; name: string }>(
    `select distinct on (unit_id) unit_id as id, name from unit_versions where unit_id = any($1::bigint[])
      order by unit_id, (valid_from <= $2::date and $2::date < valid_to) desc, valid_from desc`,
    [ids, asOf],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
