import type {
  CommitteeListQuery,
  Committee,
  CreateFrontPerson,
  CreateMemberOrg,
  FrontPerson,
  FrontPersonListQuery,
  FrontPersonPage,
  MemberOrg,
  MemberOrgListQuery,
  UpdateFrontPerson,
  UpdateMemberOrg,
  WorkBoardsOverview,
  WorkBoardsQuery,
} from '@contract/org';
import type { Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { clampToPeriod, listCommittees, listMemberOrgs, listPeople, memberOrgById, personById, workBoardVillages } from './queries';
import { findUnitName, insertMemberOrgRow, insertPersonRow, updateMemberOrgRow, updatePersonRow } from './queries-registry';
import { assertFactAccess, assertInUnit, assertPeriod, endOf, unitFacts, unitValidAt } from './rules';

// Lists: the registrar checked org.read at the unit asked for (on asOf); rows are scoped again in SQL.

export async function findCommittees({ db, user }: Ctx, q: CommitteeListQuery): Promise<Committee[]> {
  return listCommittees(db, user, q);
}

export async function findMemberOrgs({ db, user }: Ctx, q: MemberOrgListQuery): Promise<MemberOrg[]> {
  return listMemberOrgs(db, user, q);
}

export async function findPeople({ db, user }: Ctx, q: FrontPersonListQuery): Promise<FrontPersonPage> {
  return listPeople(db, user, q);
}

/** The villages under a unit on asOf with their work board and head, and which lack one. */
export async function workBoards({ db, user }: Ctx, q: WorkBoardsQuery): Promise<WorkBoardsOverview> {
  const unit = await unitFacts(db, q.unit);
  const asOf = clampToPeriod(unit.valid_from, unit.valid_to, q.asOf);
  if (q.asOf && q.asOf !== asOf) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: unit.id, date: q.asOf });
  const [villages, name] = await Promise.all([workBoardVillages(db, user, unit.id, asOf), findUnitName(db, unit.id, asOf)]);
  const withBoard = villages.filter((v) => v.committeeId !== null).length;
  return {
    unitId: unit.id,
    unitName: name ?? String(unit.id),
    asOf,
    total: villages.length,
    withBoard,
    withoutBoard: villages.length - withBoard,
    villages,
  };
}

// ---------- member organisations ----------

export async function createMemberOrg(ctx: Ctx, input: CreateMemberOrg): Promise<MemberOrg> {
  return ctx.db.tx(async (tx) => {
    const unit = await unitValidAt(tx, input.unitId, input.joinedOn);
    const to = endOf(input.leftOn ?? unit.valid_to);
    assertPeriod(input.joinedOn, to);
    assertInUnit(unit, input.joinedOn, to);
    const id = await insertMemberOrgRow(tx, unit.id, { kind: input.kind, name: input.name, validFrom: input.joinedOn, validTo: to, note: input.note || null });
    const after = (await memberOrgById(tx, id))!;
    await audit(tx, ctx.user, { action: 'create', entity: 'org_member_org', entityId: id, unitId: unit.id, after });
    return after;
  });
}

export async function updateMemberOrg(ctx: Ctx, id: number, input: UpdateMemberOrg): Promise<MemberOrg> {
  return ctx.db.tx(async (tx) => {
    const before = await memberOrgById(tx, id);
    if (!before) throw new AppError('NOT_FOUND', { memberOrgId: id });
    const unit = await unitFacts(tx, before.unitId);
    const from = input.joinedOn ?? before.joinedOn;
    if (from !== before.joinedOn) await assertFactAccess(tx, ctx.user, 'org.write', before.unitId, from);
    const to = input.leftOn === undefined ? endOf(before.leftOn) : endOf(input.leftOn ?? unit.valid_to);
    assertPeriod(from, to);
    assertInUnit(unit, from, to);
    await updateMemberOrgRow(tx, id, {
      kind: input.kind ?? before.kind,
      name: input.name ?? before.name,
      validFrom: from,
      validTo: to,
      note: input.note === undefined ? before.note : input.note || null,
    });
    const after = (await memberOrgById(tx, id))!;
    await audit(tx, ctx.user, { action: 'update', entity: 'org_member_org', entityId: id, unitId: before.unitId, before, after });
    return after;
  });
}

// ---------- reporters and propagandists ----------

export async function createPerson(ctx: Ctx, input: CreateFrontPerson): Promise<FrontPerson> {
  return ctx.db.tx(async (tx) => {
    const unit = await unitValidAt(tx, input.unitId, input.validFrom);
    const to = endOf(input.validTo ?? unit.valid_to);
    assertPeriod(input.validFrom, to);
    assertInUnit(unit, input.validFrom, to);
    const id = await insertPersonRow(tx, unit.id, input.role, {
      personName: input.personName,
      gender: input.gender ?? null,
      birthYear: input.birthYear ?? null,
      validFrom: input.validFrom,
      validTo: to,
      note: input.note || null,
    });
    const after = (await personById(tx, id))!;
    await audit(tx, ctx.user, { action: 'create', entity: 'org_person', entityId: id, unitId: unit.id, after });
    return after;
  });
}

export async function updatePerson(ctx: Ctx, id: number, input: UpdateFrontPerson): Promise<FrontPerson> {
  return ctx.db.tx(async (tx) => {
    const before = await personById(tx, id);
    if (!before) throw new AppError('NOT_FOUND', { personId: id });
    const unit = await unitFacts(tx, before.unitId);
    const from = input.validFrom ?? before.validFrom;
    if (from !== before.validFrom) await assertFactAccess(tx, ctx.user, 'org.write', before.unitId, from);
    const to = input.validTo === undefined ? endOf(before.validTo) : endOf(input.validTo ?? unit.valid_to);
    assertPeriod(from, to);
    assertInUnit(unit, from, to);
    const keep = <T>(v: T | null | undefined, old: T | null) => (v === undefined ? old : v);
    await updatePersonRow(tx, id, {
      personName: input.personName ?? before.personName,
      gender: keep(input.gender, before.gender),
      birthYear: keep(input.birthYear, before.birthYear),
      validFrom: from,
      validTo: to,
      note: input.note === undefined ? before.note : input.note || null,
    });
    const after = (await personById(tx, id))!;
    await audit(tx, ctx.user, { action: 'update', entity: 'org_person', entityId: id, unitId: before.unitId, before, after });
    return after;
  });
}
