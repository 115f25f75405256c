// The SQL of committee and member writes (service.ts). Values arrive resolved (defaults and clears
// applied by the service); name_search is always derived here from the name it indexes.
import type { CommitteeKind, Gender, Position } from '@contract/org';
import type { Db } from '../../db/db';
import { normalizeVn } from '../../platform/vn-text';

/** A committee of the same kind at the unit whose period meets [from, to), other than exceptId. */
export async function findOverlappingCommittee(db: Db, unitId: number, kind: string, from: string, to: string, exceptId: number | null): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    `select id from org_committees where unit_id = $1 and kind = $2 and valid_from < $4::date and $3::date < valid_to
        and ($5::bigint is null or id <> $5::bigint) limit 1`,
    [unitId, kind, from, to, exceptId],
  );
  return rows[0]?.id;
}

export type CommitteeValues = { termLabel: string; name: string | null; validFrom: string; validTo: string; decisionNo: string | null; note: string | null };

export async function insertCommitteeRow(db: Db, unitId: number, kind: CommitteeKind, v: CommitteeValues): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_committees (unit_id, kind, name, term_label, valid_from, valid_to, decision_no, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [unitId, kind, v.name, v.termLabel, v.validFrom, v.validTo, v.decisionNo, v.note],
  );
  return id;
}

/**
 * How many members and changes of the committee would fall outside [from, to); members ending with the
 * old term (`oldEnd`) are not counted, as they follow the moved end.
 */
export async function countOutsideTerm(db: Db, committeeId: number, from: string, to: string, oldEnd: string): Promise<number> {
  const [outside] = await db.query<{ n: number }>(
    `select ((select count(*) from org_members where committee_id = $1
                  and (valid_from < $2::date or valid_from >= $3::date or (valid_to <> $4::date and valid_to > $3::date)))
             + (select count(*) from org_membership_changes where committee_id = $1 and (change_date < $2::date or change_date >= $3::date)))::int as n`,
    [committeeId, from, to, oldEnd],
  );
  return outside.n;
}

/** Members serving until the old end of the term now serve until the new one. */
export async function moveMembersEnd(db: Db, committeeId: number, oldEnd: string, newEnd: string): Promise<void> {
  await db.query('update org_members set valid_to = $3 where committee_id = $1 and valid_to = $2', [committeeId, oldEnd, newEnd]);
}

export async function updateCommitteeRow(db: Db, id: number, v: CommitteeValues): Promise<void> {
  await db.query(`update org_committees set term_label = $2, name = $3, valid_from = $4, valid_to = $5, decision_no = $6, note = $7 where id = $1`, [
    id,
    v.termLabel,
    v.name,
    v.validFrom,
    v.validTo,
    v.decisionNo,
    v.note,
  ]);
}

/** Who holds the position in the committee at some time within [from, to). */
export async function findSeatHolder(db: Db, committeeId: number, position: Position, from: string, to: string): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(`select id from org_members where committee_id = $1 and position = $2 and valid_from < $4::date and $3::date < valid_to limit 1`, [
    committeeId,
    position,
    from,
    to,
  ]);
  return rows[0]?.id;
}

export type PersonValues = { personName: string; gender: Gender | null; birthYear: number | null; representing: string | null; memberOrgId: number | null };

export async function insertMemberRow(db: Db, committeeId: number, p: PersonValues, position: Position, from: string, to: string): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_members (committee_id, person_name, name_search, gender, birth_year, position, representing, member_org_id, valid_from, valid_to)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [committeeId, p.personName, normalizeVn(p.personName), p.gender, p.birthYear, position, p.representing, p.memberOrgId, from, to],
  );
  return id;
}

export type MemberFacts = { id: number; committee_id: number; position: Position; valid_from: string; valid_to: string };

export async function findMemberFacts(db: Db, id: number): Promise<MemberFacts | undefined> {
  const [m] = await db.query<MemberFacts>('select id, committee_id, position, valid_from::text, valid_to::text from org_members where id = $1', [id]);
  return m;
}

export async function updateMemberRow(db: Db, id: number, p: PersonValues): Promise<void> {
  await db.query(`update org_members set person_name = $2, name_search = $3, gender = $4, birth_year = $5, representing = $6, member_org_id = $7 where id = $1`, [
    id,
    p.personName,
    normalizeVn(p.personName),
    p.gender,
    p.birthYear,
    p.representing,
    p.memberOrgId,
  ]);
}

/** The membership ends on `date` (its first day without the seat). */
export async function setMemberEnd(db: Db, id: number, date: string, reason: string | null): Promise<void> {
  await db.query('update org_members set valid_to = $2, end_reason = $3 where id = $1', [id, date, reason]);
}

export async function insertChangeRow(
  db: Db,
  v: { committeeId: number; date: string; position: Position; outgoingMemberId: number | null; incomingMemberId: number | null; reason: string | null; decisionNo: string | null },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into org_membership_changes (committee_id, change_date, position, outgoing_member_id, incoming_member_id, reason, decision_no)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [v.committeeId, v.date, v.position, v.outgoingMemberId, v.incomingMemberId, v.reason, v.decisionNo],
  );
  return id;
}
