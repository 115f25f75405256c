// The SQL of the unit facts the rules check (rules.ts) and of member organisation and front person
// writes (registry-service.ts). name_search is always derived here from the name it indexes.
import type { FrontPersonRole, Gender, MemberOrgKind } from '@contract/org';
import type { Db } from '../../db/db';
import { normalizeVn } from '../../platform/vn-text';

export type UnitFacts = { id: number; level: 'province' | 'district' | 'commune' | 'village'; valid_from: string; valid_to: string };

export async function findUnitFacts(db: Db, unitId: number): Promise<UnitFacts | undefined> {
  const [u] = await db.query<UnitFacts>('select id, level, valid_from::text, valid_to::text from units where id = $1', [unitId]);
  return u;
}

/** The unit's name on a date, if it had a version then. */
export async function findUnitName(db: Db, unitId: number, on: string): Promise<string | undefined> {
  const [r] = await db.query<{ name: string }>(`select name from unit_versions where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to`, [unitId, on]);
  return r?.name;
}

export async function isMemberOrgOf(db: Db, memberOrgId: number, unitId: number): Promise<boolean> {
  const rows = await db.query('select 1 from org_member_orgs where id = $1 and unit_id = $2', [memberOrgId, unitId]);
  return rows.length > 0;
}

// ---------- member organisations ----------

export type MemberOrgValues = { kind: MemberOrgKind; name: string; validFrom: string; validTo: string; note: string | null };

export async function insertMemberOrgRow(db: Db, unitId: number, v: MemberOrgValues): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_member_orgs (unit_id, kind, name, name_search, valid_from, valid_to, note) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [unitId, v.kind, v.name, normalizeVn(v.name), v.validFrom, v.validTo, v.note],
  );
  return id;
}

export async function updateMemberOrgRow(db: Db, id: number, v: MemberOrgValues): Promise<void> {
  await db.query(`update org_member_orgs set kind = $2, name = $3, name_search = $4, valid_from = $5, valid_to = $6, note = $7 where id = $1`, [
    id,
    v.kind,
    v.name,
    normalizeVn(v.name),
    v.validFrom,
    v.validTo,
    v.note,
  ]);
}

// ---------- reporters and propagandists ----------

export type FrontPersonValues = { personName: string; gender: Gender | null; birthYear: number | null; validFrom: string; validTo: string; note: string | null };

export async function insertPersonRow(db: Db, unitId: number, role: FrontPersonRole, v: FrontPersonValues): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_people (unit_id, role, person_name, name_search, gender, birth_year, valid_from, valid_to, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [unitId, role, v.personName, normalizeVn(v.personName), v.gender, v.birthYear, v.validFrom, v.validTo, v.note],
  );
  return id;
}

export async function updatePersonRow(db: Db, id: number, v: FrontPersonValues): Promise<void> {
  await db.query(
    `update org_people set person_name = $2, name_search = $3, gender = $4, birth_year = $5, valid_from = $6, valid_to = $7, note = $8
        where id = $1`,
    [id, v.personName, normalizeVn(v.personName), v.gender, v.birthYear, v.validFrom, v.validTo, v.note],
  );
}
