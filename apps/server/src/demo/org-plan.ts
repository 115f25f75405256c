// An in-memory plan of organisation rows that reference each other, written in bulk at the end.
import type { CommitteeKind, FrontPersonRole, MemberOrgKind, Position } from '@contract/org';
import type { Db } from '../db/db';
import { normalizeVn } from '../platform/vn-text';
import { bulkInsert, person, reserveIds, type Person, type Rng } from './org-gen';

export type PlanOrg = { id?: number; unitId: number; kind: MemberOrgKind; name: string; from: string; to: string };
export type PlanCommittee = {
  id?: number;
  unitId: number;
  kind: CommitteeKind;
  term: string;
  name: string;
  from: string;
  to: string;
  decisionNo: string | null;
  members: PlanMember[];
};
export type PlanMember = {
  id?: number;
  committee: PlanCommittee;
  who: Person;
  position: Position;
  representing: string | null;
  org: PlanOrg | null;
  from: string;
  to: string;
  endReason: string | null;
};
type PlanChange = { committee: PlanCommittee; date: string; position: Position; outgoing: PlanMember | null; incoming: PlanMember | null; reason: string; decisionNo: string };
type PlanPerson = { unitId: number; role: FrontPersonRole; who: Person; from: string; to: string };

export type ChangeSpec = { committee: PlanCommittee; date: string; position: Position; reason?: string };

const REASONS: Record<string, readonly string[]> = {
  leader: ['Được điều động, luân chuyển công tác', 'Nghỉ hưu theo chế độ', 'Được bầu giữ chức vụ khác'],
  member: ['Nghỉ hưu theo chế độ', 'Chuyển công tác', 'Thay đổi nhân sự tổ chức thành viên', 'Theo nguyện vọng cá nhân', 'Đã cao tuổi, xin thôi tham gia', 'Từ trần'],
};

export class OrgPlan {
  readonly orgs: PlanOrg[] = [];
  readonly committees: PlanCommittee[] = [];
  readonly changes: PlanChange[] = [];
  readonly people: PlanPerson[] = [];
  private decision = 0;

  constructor(readonly r: Rng) {}

  org(unitId: number, kind: MemberOrgKind, name: string, from: string, to: string): PlanOrg {
    const o = { unitId, kind, name, from, to };
    this.orgs.push(o);
    return o;
  }

  committee(unitId: number, kind: CommitteeKind, term: string, name: string, from: string, to: string): PlanCommittee {
    const c: PlanCommittee = { unitId, kind, term, name, from, to, decisionNo: this.nextDecision(from), members: [] };
    this.committees.push(c);
    return c;
  }

  seat(c: PlanCommittee, who: Person, position: Position, from = c.from, extra: { representing?: string | null; org?: PlanOrg | null } = {}): PlanMember {
    const m: PlanMember = { committee: c, who, position, representing: extra.representing ?? extra.org?.name ?? null, org: extra.org ?? null, from, to: c.to, endReason: null };
    c.members.push(m);
    return m;
  }

  /** Fills a committee: positions in order, member seats representing the given organisations/sectors first. */
  roster(c: PlanCommittee, sizes: Partial<Record<Position, number>>, reps: Array<{ representing: string; org?: PlanOrg }>, carry: PlanMember[] = []) {
    const pool = [...carry];
    let rep = 0;
    for (const [position, n] of Object.entries(sizes) as Array<[Position, number]>) {
      for (let i = 0; i < n; i++) {
        const old = pool.findIndex((m) => m.position === position);
        const leader = position !== 'member' && position !== 'board_member';
        if (old >= 0) {
          const [m] = pool.splice(old, 1);
          this.seat(c, m.who, position, c.from, { representing: m.representing, org: m.org && m.org.to > c.from ? m.org : null });
          continue;
        }
        const r = leader ? undefined : reps[rep++ % Math.max(1, reps.length)];
        this.seat(c, person(this.r, leader ? 0.3 : 0.45, leader ? [1963, 1985] : [1955, 1995]), position, c.from, { representing: r?.representing ?? null, org: r?.org ?? null });
      }
    }
  }

  /** Members of a finished term who serve again: most leaders and about 60% of the others. */
  carryOver(c: PlanCommittee, share = 0.6): PlanMember[] {
    return c.members.filter((m) => m.to === c.to && this.r.chance(m.position === 'member' || m.position === 'board_member' ? share : 0.5));
  }

  /** Applies kiện toàn in date order: whoever holds the seat on the day leaves; a new person takes it. */
  applyChanges(specs: ChangeSpec[]): void {
    for (const s of [...specs].sort((a, b) => a.date.localeCompare(b.date))) {
      const c = s.committee;
      const holders = c.members.filter((m) => m.position === s.position && m.from < s.date && s.date < m.to);
      if (!holders.length) throw new Error(`demo: nobody holds ${s.position} in ${c.name} on ${s.date}`);
      const out = this.r.pick(holders);
      const leader = s.position !== 'member' && s.position !== 'board_member';
      const reason = s.reason ?? this.r.pick(REASONS[leader ? 'leader' : 'member']);
      out.to = s.date;
      out.endReason = reason;
      const incoming = this.seat(c, person(this.r, leader ? 0.3 : 0.45, leader ? [1965, 1988] : [1960, 1998]), s.position, s.date, {
        representing: out.representing,
        org: out.org,
      });
      this.changes.push({ committee: c, date: s.date, position: s.position, outgoing: out, incoming, reason, decisionNo: this.nextDecision(s.date) });
    }
  }

  person(unitId: number, role: FrontPersonRole, from: string, to: string, femaleShare: number): void {
    this.people.push({ unitId, role, who: person(this.r, femaleShare, [1955, 1998]), from, to });
  }

  private nextDecision(date: string): string {
    return `${++this.decision}/QĐ-MTTQ-${date.slice(0, 4)}`;
  }

  /** Writes everything with a handful of multi-row INSERTs. */
  async write(tx: Db): Promise<void> {
    const members = this.committees.flatMap((c) => c.members);
    const orgIds = await reserveIds(tx, 'org_member_orgs', this.orgs.length);
    const committeeIds = await reserveIds(tx, 'org_committees', this.committees.length);
    const memberIds = await reserveIds(tx, 'org_members', members.length);
    this.orgs.forEach((o, i) => (o.id = orgIds[i]));
    this.committees.forEach((c, i) => (c.id = committeeIds[i]));
    members.forEach((m, i) => (m.id = memberIds[i]));
    await bulkInsert(
      tx,
      'org_member_orgs',
      ['id', 'unit_id', 'kind', 'name', 'name_search', 'valid_from', 'valid_to'],
      this.orgs.map((o) => [o.id, o.unitId, o.kind, o.name, normalizeVn(o.name), o.from, o.to]),
      true,
    );
    await bulkInsert(
      tx,
      'org_committees',
      ['id', 'unit_id', 'kind', 'name', 'term_label', 'valid_from', 'valid_to', 'decision_no'],
      this.committees.map((c) => [c.id, c.unitId, c.kind, c.name, c.term, c.from, c.to, c.decisionNo]),
      true,
    );
    await bulkInsert(
      tx,
      'org_members',
      ['id', 'committee_id', 'person_name', 'name_search', 'gender', 'birth_year', 'position', 'representing', 'member_org_id', 'valid_from', 'valid_to', 'end_reason'],
      members.map((m) => [
        m.id,
        m.committee.id,
        m.who.name,
        normalizeVn(m.who.name),
        m.who.gender,
        m.who.birthYear,
        m.position,
        m.representing,
        m.org?.id ?? null,
        m.from,
        m.to,
        m.endReason,
      ]),
      true,
    );
    await bulkInsert(
      tx,
      'org_membership_changes',
      ['committee_id', 'change_date', 'position', 'outgoing_member_id', 'incoming_member_id', 'reason', 'decision_no'],
      this.changes.map((c) => [c.committee.id, c.date, c.position, c.outgoing?.id ?? null, c.incoming?.id ?? null, c.reason, c.decisionNo]),
    );
    await bulkInsert(
      tx,
      'org_people',
      ['unit_id', 'role', 'person_name', 'name_search', 'gender', 'birth_year', 'valid_from', 'valid_to'],
      this.people.map((p) => [p.unitId, p.role, p.who.name, normalizeVn(p.who.name), p.who.gender, p.who.birthYear, p.from, p.to]),
    );
  }
}
