import type { HouseholdClass, HousingNeed } from '@contract/households';
import type { Db } from '../../db/db';
import { normalizeVn } from '../../platform/vn-text';
import type { SealedId } from './crypto';
import { inHistorySubtree } from './queries';

// The statements of a household list import (its households go in through insertHousehold of queries.ts).

/** The villages of the unit's subtree (through its history) on the date, with their names then. */
export async function listVillagesOn(db: Db, unitId: number, date: string): Promise<Array<{ id: number; name: string }>> {
  return db.query<{ id: number; name: string }>(
    `select u.id, v.name from units u join unit_versions v on v.unit_id = u.id and v.valid_from <= $2::date and $2::date < v.valid_to
      where u.level = 'village' and ${inHistorySubtree('$1::bigint', 'u.id', '$2::date')}`,
    [unitId, date],
  );
}

/** An imported household's head, its only member. */
export async function insertImportedHead(tx: Db, householdId: number, m: { name: string; birthYear: number | null; sealed: SealedId | null }): Promise<void> {
  await tx.query(
    `insert into household_members (household_id, full_name, name_search, birth_year, relation, national_id_enc, national_id_last, national_id_digest)
         values ($1, $2, $3, $4, 'head', $5, $6, $7)`,
    [householdId, m.name, normalizeVn(m.name), m.birthYear, m.sealed?.enc ?? null, m.sealed?.last ?? null, m.sealed?.digest ?? null],
  );
}

export async function insertImportedClassification(
  tx: Db,
  householdId: number,
  c: { villageId: number; year: number; classes: HouseholdClass[]; housing: HousingNeed; factDate: string },
): Promise<void> {
  await tx.query(`insert into household_classifications (household_id, unit_id, year, classes, housing_need, fact_date) values ($1, $2, $3, $4, $5, $6)`, [
    householdId,
    c.villageId,
    c.year,
    c.classes,
    c.housing,
    c.factDate,
  ]);
}
