import type {
  Committee,
  CommitteeListQuery,
  CommitteeMember,
  FrontPerson,
  FrontPersonListQuery,
  MemberOrg,
  MemberOrgListQuery,
  MembershipChange,
  WorkBoardVillage,
} from '@contract/org';
import type { Db } from '../../db/db';
import { scopeCondition, today, type CurrentUser } from '../../platform/access';
import { normalizeVn } from '../../platform/vn-text';
import { Where } from '../../platform/sql';
import type { Located } from '../../platform/endpoints';

/** 'infinity' (open period) leaves the API as null. */
export const toDate = (d: string) => (d === 'infinity' ? null : d);

/** The day before d ('YYYY-MM-DD'). */
export function dayBefore(d: string): string {
  const t = new Date(d + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** A date inside [validFrom, validTo): `want`, else today, pulled into the period. */
export function clampToPeriod(validFrom: string, validTo: string, want?: string): string {
  const d = want ?? today();
  if (d < validFrom) return validFrom;
  if (validTo !== 'infinity' && d >= validTo) return dayBefore(validTo);
  return d;
}

/**
 * Facts at unitExpr on dateExpr that lie in the subtree of the given unit through its history — the
 * same rule as the access scope (a merged ward's facts belong to its successor's subtree).
 */
function historySubtree(unitId: number, unitExpr: string, dateExpr: string, nextParam: number) {
  return scopeCondition({ id: 0, username: '', displayName: '', role: 'unit_staff', unitId, unitValidTo: null }, unitExpr, dateExpr, nextParam);
}

const unitNameAt = (unitExpr: string, dateExpr: string) => `(select v.name from unit_versions v where v.unit_id = ${unitExpr}
   order by (v.valid_from <= ${dateExpr} and ${dateExpr} < v.valid_to) desc, v.valid_from desc limit 1)`;

// ---------- committees ----------

type CommitteeRow = {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_level: Committee['unitLevel'];
  kind: Committee['kind'];
  name: string | null;
  term_label: string;
  valid_from: string;
  valid_to: string;
  decision_no: string | null;
  note: string | null;
  ref_date: string;
  member_count: number;
  head_name: string | null;
};

// $1 is the wanted reference date; each committee's own reference date is it, pulled into its period.
const COMMITTEE_SELECT = `
  select k.id, k.unit_id, u.code as unit_code, u.level as unit_level, ${unitNameAt('k.unit_id', 'r.ref_date')} as unit_name,
         k.kind, k.name, k.term_label, k.valid_from::text, k.valid_to::text, k.decision_no, k.note, r.ref_date::text,
         (select count(*)::int from org_members m where m.committee_id = k.id
             and m.valid_from <= r.ref_date and r.ref_date < m.valid_to) as member_count,
         (select m.person_name from org_members m where m.committee_id = k.id and m.position in ('chair', 'head')
             and m.valid_from <= r.ref_date and r.ref_date < m.valid_to order by m.valid_from desc limit 1) as head_name
    from org_committees k
    join units u on u.id = k.unit_id
    cross join lateral (select greatest(k.valid_from, least($1::date, k.valid_to - 1)) as ref_date) r`;

export const toCommittee = (r: CommitteeRow): Committee => ({
  id: r.id,
  unitId: r.unit_id,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  unitLevel: r.unit_level,
  kind: r.kind,
  name: r.name,
  termLabel: r.term_label,
  validFrom: r.valid_from,
  validTo: toDate(r.valid_to),
  decisionNo: r.decision_no,
  note: r.note,
  memberCount: r.member_count,
  headName: r.head_name,
});

/** Committees in the user's scope (placed at their unit on their start date). */
export async function listCommittees(db: Db, user: CurrentUser, q: CommitteeListQuery): Promise<Committee[]> {
  const w = new Where([q.asOf ?? today()]);
  w.scoped((n) => scopeCondition(user, 'k.unit_id', 'k.valid_from', n));
  if (q.unit !== undefined) {
    if (q.scope === 'subtree') w.scoped((n) => historySubtree(q.unit!, 'k.unit_id', 'k.valid_from', n));
    else w.add((p) => `k.unit_id = ${p(q.unit)}`);
  }
  if (q.asOf) w.add((p) => `k.valid_from <= ${p(q.asOf)}::date and ${p(q.asOf)}::date < k.valid_to`);
  if (q.kind) w.add((p) => `k.kind = ${p(q.kind)}`);
  if (q.term) w.add((p) => `k.term_label = ${p(normalizeTerm(q.term!))}`);
  const rows = await db.query<CommitteeRow>(`${COMMITTEE_SELECT} where ${w.sql} order by k.valid_from desc, k.kind, u.code, k.id limit ${Number(q.limit)}`, w.params);
  return rows.map(toCommittee);
}

/** One committee with its reference date (asOf, else today, pulled into its period). */
export async function committeeById(db: Db, id: number, asOf?: string): Promise<(Committee & { refDate: string }) | undefined> {
  const [r] = await db.query<CommitteeRow>(`${COMMITTEE_SELECT} where k.id = $2`, [asOf ?? today(), id]);
  return r && { ...toCommittee(r), refDate: r.ref_date };
}

/** The raw period of a committee, for the service's rules. */
export type CommitteeFacts = { id: number; unit_id: number; kind: Committee['kind']; valid_from: string; valid_to: string; unit_level: string };

export async function committeeFacts(db: Db, id: number): Promise<CommitteeFacts | undefined> {
  const [r] = await db.query<CommitteeFacts>(
    `select k.id, k.unit_id, k.kind, k.valid_from::text, k.valid_to::text, u.level as unit_level
       from org_committees k join units u on u.id = k.unit_id where k.id = $1`,
    [id],
  );
  return r;
}

export const normalizeTerm = (t: string) => t.replace(/\s*[-–]\s*/, '–');

// ---------- members and changes ----------

type MemberRow = {
  id: number;
  committee_id: number;
  person_name: string;
  gender: CommitteeMember['gender'];
  birth_year: number | null;
  position: CommitteeMember['position'];
  representing: string | null;
  member_org_id: number | null;
  member_org_name: string | null;
  valid_from: string;
  valid_to: string;
  end_reason: string | null;
  active: boolean;
};

const POSITION_ORDER = `array_position(array['chair', 'vice_chair', 'standing_member', 'member', 'head', 'deputy_head', 'board_member'], m.position)`;

const MEMBER_SELECT = `
  select m.id, m.committee_id, m.person_name, m.gender, m.birth_year, m.position, m.representing, m.member_org_id,
         o.name as member_org_name, m.valid_from::text, m.valid_to::text, m.end_reason,
         (m.valid_from <= $1::date and $1::date < m.valid_to) as active
    from org_members m left join org_member_orgs o on o.id = m.member_org_id`;

const toMember = (r: MemberRow): CommitteeMember => ({
  id: r.id,
  committeeId: r.committee_id,
  personName: r.person_name,
  gender: r.gender,
  birthYear: r.birth_year,
  position: r.position,
  representing: r.representing,
  memberOrgId: r.member_org_id,
  memberOrgName: r.member_org_name,
  validFrom: r.valid_from,
  validTo: toDate(r.valid_to),
  endReason: r.end_reason,
  active: r.active,
});

/** Members of a committee, current ones first, by position then name; `active` refers to refDate. */
export async function membersOf(db: Db, committeeId: number, refDate: string): Promise<CommitteeMember[]> {
  const rows = await db.query<MemberRow>(`${MEMBER_SELECT} where m.committee_id = $2 order by active desc, ${POSITION_ORDER}, m.name_search, m.valid_from, m.id`, [
    refDate,
    committeeId,
  ]);
  return rows.map(toMember);
}

export async function memberById(db: Db, id: number, refDate = today()): Promise<CommitteeMember | undefined> {
  const [r] = await db.query<MemberRow>(`${MEMBER_SELECT} where m.id = $2`, [refDate, id]);
  return r && toMember(r);
}

type ChangeRow = {
  id: number;
  committee_id: number;
  change_date: string;
  position: MembershipChange['position'];
  outgoing_member_id: number | null;
  outgoing_name: string | null;
  incoming_member_id: number | null;
  incoming_name: string | null;
  reason: string | null;
  decision_no: string | null;
};

const CHANGE_SELECT = `
  select c.id, c.committee_id, c.change_date::text, c.position, c.outgoing_member_id, mo.person_name as outgoing_name,
         c.incoming_member_id, mi.person_name as incoming_name, c.reason, c.decision_no
    from org_membership_changes c
    left join org_members mo on mo.id = c.outgoing_member_id
    left join org_members mi on mi.id = c.incoming_member_id`;

const toChange = (r: ChangeRow): MembershipChange => ({
  id: r.id,
  committeeId: r.committee_id,
  changeDate: r.change_date,
  position: r.position,
  outgoingMemberId: r.outgoing_member_id,
  outgoingName: r.outgoing_name,
  incomingMemberId: r.incoming_member_id,
  incomingName: r.incoming_name,
  reason: r.reason,
  decisionNo: r.decision_no,
});

export async function changesOf(db: Db, committeeId: number): Promise<MembershipChange[]> {
  const rows = await db.query<ChangeRow>(`${CHANGE_SELECT} where c.committee_id = $1 order by c.change_date desc, c.id desc`, [committeeId]);
  return rows.map(toChange);
}

export async function changeById(db: Db, id: number): Promise<MembershipChange | undefined> {
  const [r] = await db.query<ChangeRow>(`${CHANGE_SELECT} where c.id = $1`, [id]);
  return r && toChange(r);
}

// ---------- member organisations ----------

type MemberOrgRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  kind: MemberOrg['kind'];
  name: string;
  valid_from: string;
  valid_to: string;
  note: string | null;
};

const MEMBER_ORG_SELECT = `
  select o.id, o.unit_id, ${unitNameAt('o.unit_id', 'o.valid_from')} as unit_name, o.kind, o.name,
         o.valid_from::text, o.valid_to::text, o.note
    from org_member_orgs o`;

const toMemberOrg = (r: MemberOrgRow): MemberOrg => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  kind: r.kind,
  name: r.name,
  joinedOn: r.valid_from,
  leftOn: toDate(r.valid_to),
  note: r.note,
});

export async function listMemberOrgs(db: Db, user: CurrentUser, q: MemberOrgListQuery): Promise<MemberOrg[]> {
  const w = new Where();
  w.scoped((n) => scopeCondition(user, 'o.unit_id', 'o.valid_from', n));
  if (q.unit !== undefined) {
    if (q.scope === 'subtree') w.scoped((n) => historySubtree(q.unit!, 'o.unit_id', 'o.valid_from', n));
    else w.add((p) => `o.unit_id = ${p(q.unit)}`);
  }
  if (q.asOf) w.add((p) => `o.valid_from <= ${p(q.asOf)}::date and ${p(q.asOf)}::date < o.valid_to`);
  if (q.kind) w.add((p) => `o.kind = ${p(q.kind)}`);
  const rows = await db.query<MemberOrgRow>(
    `${MEMBER_ORG_SELECT} where ${w.sql}
      order by o.unit_id, array_position(array['trade_union', 'women', 'farmers', 'veterans', 'youth', 'elderly', 'red_cross', 'other'], o.kind),
               o.name_search, o.id
      limit ${Number(q.limit)}`,
    w.params,
  );
  return rows.map(toMemberOrg);
}

export async function memberOrgById(db: Db, id: number): Promise<MemberOrg | undefined> {
  const [r] = await db.query<MemberOrgRow>(`${MEMBER_ORG_SELECT} where o.id = $1`, [id]);
  return r && toMemberOrg(r);
}

// ---------- reporters and propagandists ----------

type PersonRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  role: FrontPerson['role'];
  person_name: string;
  gender: FrontPerson['gender'];
  birth_year: number | null;
  valid_from: string;
  valid_to: string;
  note: string | null;
};

const PERSON_SELECT = `
  select p.id, p.unit_id, ${unitNameAt('p.unit_id', 'p.valid_from')} as unit_name, p.role, p.person_name, p.gender,
         p.birth_year, p.valid_from::text, p.valid_to::text, p.note
    from org_people p`;

const toPerson = (r: PersonRow): FrontPerson => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  role: r.role,
  personName: r.person_name,
  gender: r.gender,
  birthYear: r.birth_year,
  validFrom: r.valid_from,
  validTo: toDate(r.valid_to),
  note: r.note,
});

export async function listPeople(db: Db, user: CurrentUser, q: FrontPersonListQuery): Promise<{ total: number; items: FrontPerson[] }> {
  const w = new Where();
  w.scoped((n) => scopeCondition(user, 'p.unit_id', 'p.valid_from', n));
  if (q.unit !== undefined) {
    if (q.scope === 'subtree') w.scoped((n) => historySubtree(q.unit!, 'p.unit_id', 'p.valid_from', n));
    else w.add((p) => `p.unit_id = ${p(q.unit)}`);
  }
  if (q.asOf) w.add((p) => `p.valid_from <= ${p(q.asOf)}::date and ${p(q.asOf)}::date < p.valid_to`);
  if (q.role) w.add((p) => `p.role = ${p(q.role)}`);
  if (q.q) w.add((p) => `p.name_search like ${p(`%${normalizeVn(q.q!)}%`)}`);
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from org_people p where ${w.sql}`, w.params);
  const rows = await db.query<PersonRow>(
    `${PERSON_SELECT} where ${w.sql} order by p.unit_id, p.role, p.name_search, p.id limit ${Number(q.limit)} offset ${Number(q.offset)}`,
    w.params,
  );
  return { total: n, items: rows.map(toPerson) };
}

export async function personById(db: Db, id: number): Promise<FrontPerson | undefined> {
  const [r] = await db.query<PersonRow>(`${PERSON_SELECT} where p.id = $1`, [id]);
  return r && toPerson(r);
}

// ---------- village work boards ----------

type WorkBoardRow = {
  village_id: number;
  village_code: string;
  village_name: string;
  parent_id: number | null;
  parent_name: string | null;
  committee_id: number | null;
  term_label: string | null;
  head_name: string | null;
  member_count: number;
};

/** The villages under unitId on asOf (in the user's scope), each with its work board active on asOf, if any. */
export async function workBoardVillages(db: Db, user: CurrentUser, unitId: number, asOf: string): Promise<WorkBoardVillage[]> {
  const w = new Where([unitId, asOf]);
  w.scoped((n) => scopeCondition(user, 'u.id', '$2::date', n));
  const rows = await db.query<WorkBoardRow>(
    `select u.id as village_id, u.code as village_code, v.name as village_name, v.parent_id, pv.name as parent_name,
            k.id as committee_id, k.term_label,
            (select m.person_name from org_members m where m.committee_id = k.id and m.position = 'head'
                and m.valid_from <= $2::date and $2::date < m.valid_to order by m.valid_from desc limit 1) as head_name,
            (select count(*)::int from org_members m where m.committee_id = k.id
                and m.valid_from <= $2::date and $2::date < m.valid_to) as member_count
       from unit_closure c
       join units u on u.id = c.descendant_id and u.level = 'village' and u.valid_from <= $2::date and $2::date < u.valid_to
       join unit_versions v on v.unit_id = u.id and v.valid_from <= $2::date and $2::date < v.valid_to
       left join unit_versions pv on pv.unit_id = v.parent_id and pv.valid_from <= $2::date and $2::date < pv.valid_to
       left join lateral (select k.id, k.term_label from org_committees k
                           where k.unit_id = u.id and k.kind = 'work_board' and k.valid_from <= $2::date and $2::date < k.valid_to
                           order by k.valid_from desc limit 1) k on true
      where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to and ${w.sql}
      order by (k.id is null) desc, u.code`,
    w.params,
  );
  return rows.map((r) => ({
    villageId: r.village_id,
    villageCode: r.village_code,
    villageName: r.village_name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    committeeId: r.committee_id,
    termLabel: r.term_label,
    headName: r.head_name,
    memberCount: r.member_count,
  }));
}

// ---------- where a record lies (the registrar's scope check: its unit on the record's start) ----------

export async function locateCommittee(db: Db, id: number): Promise<Located | undefined> {
  const [r] = await db.query<{ unit_id: number; valid_from: string }>('select unit_id, valid_from::text from org_committees where id = $1', [id]);
  return r && { unitId: r.unit_id, date: r.valid_from };
}

export async function locateMember(db: Db, id: number): Promise<Located | undefined> {
  const [r] = await db.query<{ unit_id: number; valid_from: string }>(
    'select k.unit_id, m.valid_from::text from org_members m join org_committees k on k.id = m.committee_id where m.id = $1',
    [id],
  );
  return r && { unitId: r.unit_id, date: r.valid_from };
}

export async function locateMemberOrg(db: Db, id: number): Promise<Located | undefined> {
  const [r] = await db.query<{ unit_id: number; valid_from: string }>('select unit_id, valid_from::text from org_member_orgs where id = $1', [id]);
  return r && { unitId: r.unit_id, date: r.valid_from };
}

export async function locatePerson(db: Db, id: number): Promise<Located | undefined> {
  const [r] = await db.query<{ unit_id: number; valid_from: string }>('select unit_id, valid_from::text from org_people where id = $1', [id]);
  return r && { unitId: r.unit_id, date: r.valid_from };
}
