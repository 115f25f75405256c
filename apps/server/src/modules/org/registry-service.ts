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
import { normalizeVn } from '../../platform/vn-text';
import { clampToPeriod, listCommittees, listMemberOrgs, listPeople, memberOrgById, personById, workBoardVillages } from './queries';
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
  const [villages, [name]] = await Promise.all([
    workBoardVillages(db, user, unit.id, asOf),
    db.query<{ name: string }>(`select name from unit_versions where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to`, [unit.id, asOf]),
  ]);
  const withBoard = villages.filter((v) => v.committeeId !== null).length;
  return {
    unitId: unit.id,
    unitName: name?.name ?? String(unit.id),
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
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into org_member_orgs (unit_id, kind, name, name_search, valid_from, valid_to, note) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [unit.id, input.kind, input.name, normalizeVn(input.name), input.joinedOn, to, input.note || null],
    );
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
    const name = input.name ?? before.name;
    await tx.query(`update org_member_orgs set kind = $2, name = $3, name_search = $4, valid_from = $5, valid_to = $6, note = $7 where id = $1`, [
      id,
      input.kind ?? before.kind,
      name,
      normalizeVn(name),
      from,
      to,
      input.note === undefined ? before.note : input.note || null,
    ]);
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
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into org_people (unit_id, role, person_name, name_search, gender, birth_year, valid_from, valid_to, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [unit.id, input.role, input.personName, normalizeVn(input.personName), input.gender ?? null, input.birthYear ?? null, input.validFrom, to, input.note || null],
    );
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
    const name = input.personName ?? before.personName;
    const keep = <T>(v: T | null | undefined, old: T | null) => (v === undefined ? old : v);
    await tx.query(
      `update org_people set person_name = $2, name_search = $3, gender = $4, birth_year = $5, valid_from = $6, valid_to = $7, note = $8
        where id = $1`,
      [
        id,
        name,
        normalizeVn(name),
        keep(input.gender, before.gender),
        keep(input.birthYear, before.birthYear),
        from,
        to,
        input.note === undefined ? before.note : input.note || null,
      ],
    );
    const after = (await personById(tx, id))!;
    await audit(tx, ctx.user, { action: 'update', entity: 'org_person', entityId: id, unitId: before.unitId, before, after });
    return after;
  });
}
