// Test fixtures for the org module: rows inserted directly (the services are what the tests exercise).
import type { CommitteeKind, FrontPersonRole, MemberOrgKind, Position } from '@contract/org';
import type { Db } from '../../db/db';
import { normalizeVn } from '../../platform/vn-text';

export async function insertCommittee(db: Db, unitId: number, kind: CommitteeKind, from: string, to = 'infinity', term = '2019–2024'): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(`insert into org_committees (unit_id, kind, term_label, valid_from, valid_to) values ($1, $2, $3, $4, $5) returning id`, [
    unitId,
    kind,
    term,
    from,
    to,
  ]);
  return id;
}

export async function insertMember(db: Db, committeeId: number, name: string, position: Position, from: string, to = 'infinity'): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_members (committee_id, person_name, name_search, position, valid_from, valid_to)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [committeeId, name, normalizeVn(name), position, from, to],
  );
  return id;
}

export async function insertChange(db: Db, committeeId: number, date: string, position: Position, outgoing: number | null, incoming: number | null): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_membership_changes (committee_id, change_date, position, outgoing_member_id, incoming_member_id)
     values ($1, $2, $3, $4, $5) returning id`,
    [committeeId, date, position, outgoing, incoming],
  );
  return id;
}

export async function insertMemberOrg(db: Db, unitId: number, kind: MemberOrgKind, name: string, from: string, to = 'infinity'): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_member_orgs (unit_id, kind, name, name_search, valid_from, valid_to) values ($1, $2, $3, $4, $5, $6) returning id`,
    [unitId, kind, name, normalizeVn(name), from, to],
  );
  return id;
}

export async function insertPerson(db: Db, unitId: number, role: FrontPersonRole, name: string, from: string, to = 'infinity'): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_people (unit_id, role, person_name, name_search, valid_from, valid_to) values ($1, $2, $3, $4, $5, $6) returning id`,
    [unitId, role, name, normalizeVn(name), from, to],
  );
  return id;
}

/** A digest of every org row and audit row at the given units: refused input must leave it unchanged. */
export async function orgFootprint(db: Db, unitIds: number[]): Promise<Record<string, string>> {
  const digest = (from: string, alias: string) => `(select count(*) || ':' || md5(coalesce(string_agg(${alias}::text, '|' order by ${alias}.id), '')) ${from})`;
  const [r] = await db.query<Record<string, string>>(
    `select ${digest('from org_committees k where k.unit_id = any($1::bigint[])', 'k')} as committees,
            ${digest('from org_members m join org_committees k on k.id = m.committee_id where k.unit_id = any($1::bigint[])', 'm')} as members,
            ${digest('from org_membership_changes c join org_committees k on k.id = c.committee_id where k.unit_id = any($1::bigint[])', 'c')} as changes,
            ${digest('from org_member_orgs o where o.unit_id = any($1::bigint[])', 'o')} as member_orgs,
            ${digest('from org_people p where p.unit_id = any($1::bigint[])', 'p')} as people,
            ${digest('from audit_log a where a.unit_id = any($1::bigint[])', 'a')} as audit`,
    [unitIds],
  );
  return r;
}
