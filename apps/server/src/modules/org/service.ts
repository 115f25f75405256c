import {
  POSITIONS_BY_KIND,
  type CommitteeDetail,
  type CommitteeMember,
  type CreateCommittee,
  type CreateMember,
  type CreateMembershipChange,
  type EndMember,
  type MembershipChangeResult,
  type Position,
  type UpdateCommittee,
  type UpdateMember,
} from '@contract/org';
import type { Db } from '../../db/db';
import { can, unitsInScope, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { changeById, changesOf, committeeById, committeeFacts, memberById, membersOf, normalizeTerm, type CommitteeFacts } from './queries';
import {
  countOutsideTerm,
  findMemberFacts,
  findOverlappingCommittee,
  findSeatHolder,
  insertChangeRow,
  insertCommitteeRow,
  insertMemberRow,
  moveMembersEnd,
  setMemberEnd,
  updateCommitteeRow,
  updateMemberRow,
} from './queries-committees';
import { assertFactAccess, assertInUnit, assertMemberOrgAt, assertPeriod, endOf, unitFacts, unitValidAt } from './rules';

// Positions only one person holds at a time.
const SINGLE_SEAT: readonly Position[] = ['chair', 'head'];

async function loadCommittee(db: Db, id: number): Promise<CommitteeFacts> {
  const k = await committeeFacts(db, id);
  if (!k) throw new AppError('NOT_FOUND', { committeeId: id });
  return k;
}

/** A committee with members (current and past) and changes; active/refDate refer to asOf or today. */
export async function getCommittee({ db, user }: Ctx, id: number, asOf?: string): Promise<CommitteeDetail> {
  return committeeDetail(db, user, id, asOf);
}

async function committeeDetail(db: Db, user: CurrentUser, id: number, asOf?: string): Promise<CommitteeDetail> {
  const c = await committeeById(db, id, asOf);
  if (!c) throw new AppError('NOT_FOUND', { committeeId: id });
  const [members, changes, writable] = await Promise.all([membersOf(db, id, c.refDate), changesOf(db, id), unitsInScope(db, user, 'org.write', [c.unitId])]);
  return { ...c, members, changes, canWrite: can(user, 'org.write') && writable.has(c.unitId) };
}

function assertKindFitsLevel(kind: CreateCommittee['kind'], level: string): void {
  const ok = kind === 'work_board' ? level === 'village' : level !== 'village';
  if (!ok) throw new AppError('ORG_KIND_LEVEL_MISMATCH', { kind, level });
}

async function assertNoOverlap(db: Db, unitId: number, kind: string, from: string, to: string, exceptId: number | null) {
  const other = await findOverlappingCommittee(db, unitId, kind, from, to, exceptId);
  if (other !== undefined) throw new AppError('ORG_TERM_OVERLAP', { committeeId: other });
}

export async function createCommittee(ctx: Ctx, input: CreateCommittee): Promise<CommitteeDetail> {
  return ctx.db.tx(async (tx) => {
    const unit = await unitValidAt(tx, input.unitId, input.validFrom);
    // Left open, a committee lasts while its unit does.
    const validTo = input.validTo ?? unit.valid_to;
    assertPeriod(input.validFrom, validTo);
    assertInUnit(unit, input.validFrom, validTo);
    assertKindFitsLevel(input.kind, unit.level);
    await assertNoOverlap(tx, unit.id, input.kind, input.validFrom, validTo, null);
    const id = await insertCommitteeRow(tx, unit.id, input.kind, {
      name: input.name || null,
      termLabel: normalizeTerm(input.termLabel),
      validFrom: input.validFrom,
      validTo,
      decisionNo: input.decisionNo || null,
      note: input.note || null,
    });
    const after = await committeeDetail(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'org_committee', entityId: id, unitId: unit.id, after: snapshot(after) });
    return after;
  });
}

export async function updateCommittee(ctx: Ctx, id: number, input: UpdateCommittee): Promise<CommitteeDetail> {
  return ctx.db.tx(async (tx) => {
    const k = await loadCommittee(tx, id);
    const unit = await unitFacts(tx, k.unit_id);
    const from = input.validFrom ?? k.valid_from;
    const to = input.validTo === undefined ? k.valid_to : endOf(input.validTo ?? unit.valid_to);
    if (from !== k.valid_from) await assertFactAccess(tx, ctx.user, 'org.write', k.unit_id, from);
    assertPeriod(from, to);
    assertInUnit(unit, from, to);
    await assertNoOverlap(tx, k.unit_id, k.kind, from, to, id);
    const before = await committeeDetail(tx, ctx.user, id);
    // Members serving "until the end of the term" follow a moved end; everything else must fit the new period.
    const outside = await countOutsideTerm(tx, id, from, to, k.valid_to);
    if (outside > 0) throw new AppError('ORG_DATE_OUTSIDE_TERM', { outside });
    await moveMembersEnd(tx, id, k.valid_to, to);
    await updateCommitteeRow(tx, id, {
      termLabel: input.termLabel ? normalizeTerm(input.termLabel) : before.termLabel,
      name: pick(input.name, before.name),
      validFrom: from,
      validTo: to,
      decisionNo: pick(input.decisionNo, before.decisionNo),
      note: pick(input.note, before.note),
    });
    const after = await committeeDetail(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: 'update', entity: 'org_committee', entityId: id, unitId: k.unit_id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** undefined keeps the old value; null or '' clears it. */
const pick = <T>(v: T | null | undefined, old: T | null): T | null => (v === undefined ? old : v === '' ? null : v);

// The audit keeps the committee itself; members have their own rows.
const snapshot = ({ members: _m, changes: _c, canWrite: _w, ...rest }: CommitteeDetail) => rest;

function assertPositionFits(k: CommitteeFacts, position: Position): void {
  if (!POSITIONS_BY_KIND[k.kind].includes(position)) throw new AppError('ORG_POSITION_INVALID', { kind: k.kind, position });
}

async function assertSeatFree(db: Db, committeeId: number, position: Position, from: string, to: string): Promise<void> {
  if (!SINGLE_SEAT.includes(position)) return;
  const holder = await findSeatHolder(db, committeeId, position, from, to);
  if (holder !== undefined) throw new AppError('ORG_POSITION_TAKEN', { memberId: holder });
}

type PersonInput = Pick<CreateMember, 'personName' | 'gender' | 'birthYear' | 'representing' | 'memberOrgId'>;

async function insertMember(tx: Db, k: CommitteeFacts, p: PersonInput, position: Position, from: string, to: string): Promise<number> {
  assertPositionFits(k, position);
  assertPeriod(from, to);
  if (from < k.valid_from || to > k.valid_to) throw new AppError('ORG_DATE_OUTSIDE_TERM', { validFrom: from, validTo: to === 'infinity' ? null : to });
  await assertMemberOrgAt(tx, p.memberOrgId, k.unit_id);
  await assertSeatFree(tx, k.id, position, from, to);
  const person = { personName: p.personName, gender: p.gender ?? null, birthYear: p.birthYear ?? null, representing: p.representing || null, memberOrgId: p.memberOrgId ?? null };
  return insertMemberRow(tx, k.id, person, position, from, to);
}

export async function addMember(ctx: Ctx, committeeId: number, input: CreateMember): Promise<CommitteeMember> {
  return ctx.db.tx(async (tx) => {
    const k = await loadCommittee(tx, committeeId);
    await assertFactAccess(tx, ctx.user, 'org.write', k.unit_id, input.validFrom);
    const id = await insertMember(tx, k, input, input.position, input.validFrom, endOf(input.validTo ?? k.valid_to));
    const after = (await memberById(tx, id, input.validFrom))!;
    await audit(tx, ctx.user, { action: 'create', entity: 'org_member', entityId: id, unitId: k.unit_id, after });
    return after;
  });
}

async function loadMember(db: Db, id: number) {
  const m = await findMemberFacts(db, id);
  if (!m) throw new AppError('NOT_FOUND', { memberId: id });
  return { m, k: await loadCommittee(db, m.committee_id) };
}

export async function updateMember(ctx: Ctx, id: number, input: UpdateMember): Promise<CommitteeMember> {
  return ctx.db.tx(async (tx) => {
    const { m, k } = await loadMember(tx, id);
    await assertMemberOrgAt(tx, input.memberOrgId, k.unit_id);
    const before = (await memberById(tx, id, m.valid_from))!;
    const name = input.personName ?? before.personName;
    await updateMemberRow(tx, id, {
      personName: name,
      gender: pick(input.gender, before.gender),
      birthYear: pick(input.birthYear, before.birthYear),
      representing: pick(input.representing, before.representing),
      memberOrgId: pick(input.memberOrgId, before.memberOrgId),
    });
    const after = (await memberById(tx, id, m.valid_from))!;
    await audit(tx, ctx.user, { action: 'update', entity: 'org_member', entityId: id, unitId: k.unit_id, before, after });
    return after;
  });
}

async function endMembership(tx: Db, ctx: Ctx, m: { id: number; valid_from: string; valid_to: string }, unitId: number, date: string, reason: string | null) {
  // The member must hold the seat on the day before and on the day itself.
  if (!(m.valid_from < date && date < m.valid_to)) throw new AppError('ORG_MEMBER_NOT_ACTIVE', { memberId: m.id, date });
  const before = (await memberById(tx, m.id, m.valid_from))!;
  await setMemberEnd(tx, m.id, date, reason);
  const after = (await memberById(tx, m.id, m.valid_from))!;
  await audit(tx, ctx.user, { action: 'end', entity: 'org_member', entityId: m.id, unitId, before, after });
  return after;
}

export async function endMember(ctx: Ctx, id: number, input: EndMember): Promise<CommitteeMember> {
  return ctx.db.tx(async (tx) => {
    const { m, k } = await loadMember(tx, id);
    await assertFactAccess(tx, ctx.user, 'org.write', k.unit_id, input.date);
    return endMembership(tx, ctx, m, k.unit_id, input.date, input.reason || null);
  });
}

/** Kiện toàn: ends the outgoing membership, adds the incoming one and records the change, in one transaction. */
export async function recordChange(ctx: Ctx, committeeId: number, input: CreateMembershipChange): Promise<MembershipChangeResult> {
  return ctx.db.tx(async (tx) => {
    const k = await loadCommittee(tx, committeeId);
    await assertFactAccess(tx, ctx.user, 'org.write', k.unit_id, input.date);
    if (input.date < k.valid_from || input.date >= k.valid_to) throw new AppError('ORG_DATE_OUTSIDE_TERM', { date: input.date });
    assertPositionFits(k, input.position);
    let outgoing: { before: CommitteeMember; after: CommitteeMember } | null = null;
    if (input.outgoingMemberId != null) {
      const { m, k: mk } = await loadMember(tx, input.outgoingMemberId);
      if (mk.id !== k.id) throw new AppError('NOT_FOUND', { memberId: m.id });
      if (m.position !== input.position) throw new AppError('ORG_POSITION_INVALID', { outgoingPosition: m.position, position: input.position });
      const before = (await memberById(tx, m.id, m.valid_from))!;
      const after = await endMembership(tx, ctx, m, k.unit_id, input.date, input.reason || 'Kiện toàn');
      outgoing = { before, after };
    }
    let incomingId: number | null = null;
    if (input.incoming) {
      incomingId = await insertMember(tx, k, input.incoming, input.position, input.date, k.valid_to);
      const incoming = (await memberById(tx, incomingId, input.date))!;
      await audit(tx, ctx.user, { action: 'create', entity: 'org_member', entityId: incomingId, unitId: k.unit_id, after: incoming });
    }
    const id = await insertChangeRow(tx, {
      committeeId: k.id,
      date: input.date,
      position: input.position,
      outgoingMemberId: input.outgoingMemberId ?? null,
      incomingMemberId: incomingId,
      reason: input.reason || null,
      decisionNo: input.decisionNo || null,
    });
    const change = (await changeById(tx, id))!;
    await audit(tx, ctx.user, {
      action: 'create',
      entity: 'org_membership_change',
      entityId: id,
      unitId: k.unit_id,
      before: outgoing ? { outgoing: outgoing.before } : null,
      after: { change, outgoing: outgoing?.after ?? null, incomingMemberId: incomingId },
    });
    return { change, committee: await committeeDetail(tx, ctx.user, k.id, input.date) };
  });
}
