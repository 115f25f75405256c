import {
  Classification as ClassificationSchema, CreateHousehold as CreateHouseholdSchema, CreateSupport as CreateSupportSchema, HOUSE_STATUSES,
  type AddMember, type Classification, type Coverage, type CoverageQuery, type CreateHousehold, type CreateSupport, type DuplicateCandidate,
  type DuplicateGroup, type DuplicateQuery, type Household, type HouseholdDetail, type HouseholdListQuery, type Member, type Summary,
  type Support, type UpdateHouse,
} from '@contract/households';
import type { Db } from '../../db/db';
import { assertPermission, assertUnitAccess, can, dayWithin, today, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { normalizeVn } from '../../platform/vn-text';
import { sealNationalId } from './crypto';
import {
  coverage, coverageByVillage, duplicateReport, historyOf, householdById, listHouseholds, membersOf, personDuplicates, supportById, supportDuplicates,
  supportsOf, toHousehold,
} from './queries';
import { linkFundDisbursement } from './fund-link';
import { sniffType } from '../../platform/file-type';
import { replayed } from '../../platform/replay';

export const currentYear = () => Number(today().slice(0, 4));

type Village = { id: number; level: string; valid_from: string; valid_to: string };

async function villageOf(db: Db, unitId: number): Promise<Village> {
  const [u] = await db.query<Village>('select id, level, valid_from::text, valid_to::text from units where id = $1', [unitId]);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  if (u.level !== 'village') throw new AppError('HOUSEHOLD_UNIT_NOT_VILLAGE', { unitId });
  return u;
}

/** The date a year's review is placed at: 1 January, or the village's first day if it began later. */
export function reviewDate(v: Village, year: number): string {
  const d = `${year}-01-01` < v.valid_from ? v.valid_from : `${year}-01-01`;
  if (d >= v.valid_to || d > `${year}-12-31`) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: v.id, year });
  return d;
}

/** The household and its village, with the user's access to it on `date` (write: refused outside scope). */
async function householdAccess(db: Db, user: CurrentUser, id: number, permission: 'household.read' | 'household.write', date?: string) {
  assertPermission(user, permission);
  const [h] = await db.query<{ id: number; unit_id: number; head_name: string; registered_on: string }>(
    'select id, unit_id, head_name, registered_on::text from households where id = $1', [id]);
  if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
  const v = await villageOf(db, h.unit_id);
  // Reading without a date: the village in scope at any time of its life (the ended city reads its era).
  const on = date ?? (permission === 'household.write' ? dayWithin(v.valid_from, v.valid_to === 'infinity' ? null : v.valid_to) : undefined);
  try {
    await assertUnitAccess(db, user, permission, h.unit_id, on);
  } catch (e) {
    // Reading a household outside scope is "not found": its existence is personal data too.
    if (permission === 'household.read' && e instanceof AppError && e.code === 'OUT_OF_SCOPE') throw new AppError('HOUSEHOLD_NOT_FOUND');
    throw e;
  }
  return { h, v };
}

// ---------- reading ----------

export async function findHouseholds({ db, user }: Ctx, q: HouseholdListQuery): Promise<Household[]> {
  assertPermission(user, 'household.read');
  if (q.unit !== undefined) await assertUnitAccess(db, user, 'household.read', q.unit);
  return listHouseholds(db, user, { ...q, year: q.year ?? currentYear() });
}

export async function getHousehold({ db, user }: Ctx, id: number, year?: number): Promise<HouseholdDetail> {
  await householdAccess(db, user, id, 'household.read');
  const y = year ?? currentYear();
  const [row, members, history, supports] = await Promise.all([householdById(db, id, y), membersOf(db, id), historyOf(db, id), supportsOf(db, id)]);
  let canWrite = can(user, 'household.write');
  if (canWrite) canWrite = await householdAccess(db, user, id, 'household.write', today()).then(() => true, () => false);
  return { ...toHousehold(row!), note: row!.note ?? null, members, history, supports, canWrite };
}

export async function getCoverage({ db, user }: Ctx, q: CoverageQuery): Promise<Coverage> {
  await assertUnitAccess(db, user, 'household.read', q.unit);
  const year = q.year ?? currentYear();
  let quarter: number | null = null;
  if (q.kind === 'hardship') quarter = q.quarter ?? (year === currentYear() ? Math.floor(Number(today().slice(5, 7)) / 3.01) + 1 : 4);
  return coverage(db, user, q.unit, year, q.kind, quarter);
}

/** Coverage of every village under a unit, in one query (target 4: tet, target 5: house). */
export async function villageCoverage({ db, user }: Ctx, unitId: number, year: number, kind: 'tet' | 'house') {
  await assertUnitAccess(db, user, 'household.read', unitId);
  return coverageByVillage(db, unitId, year, kind);
}

export async function checkDuplicates({ db, user }: Ctx, q: DuplicateQuery): Promise<DuplicateCandidate[]> {
  await assertUnitAccess(db, user, 'household.read', q.unit);
  return personDuplicates(db, user, { name: q.name, birthYear: q.birthYear, address: q.address, nationalId: q.nationalId, exclude: q.exclude });
}

export async function getDuplicateReport({ db, user }: Ctx, unitId: number): Promise<DuplicateGroup[]> {
  await assertUnitAccess(db, user, 'household.read', unitId);
  const [u] = await db.query<{ valid_from: string; valid_to: string }>('select valid_from::text, valid_to::text from units where id = $1', [unitId]);
  return duplicateReport(db, user, unitId, dayWithin(u.valid_from, u.valid_to === 'infinity' ? null : u.valid_to));
}

/** Households, classes, poverty rate and Tết/house coverage of a unit in a year. */
export async function getSummary(ctx: Ctx, unitId: number, year: number): Promise<Summary> {
  await assertUnitAccess(ctx.db, ctx.user, 'household.read', unitId);
  const { db, user } = ctx;
  const [counts] = await db.query<{ households: number }>(
    `select coalesce(sum(c.households), 0)::int as households from village_household_counts c join units u on u.id = c.unit_id
      where c.year = $1 and exists (select 1 from unit_lineage_closure l join unit_closure uc on uc.ancestor_id = l.predecessor_id
        where l.successor_id = $2 and uc.descendant_id = c.unit_id
          and uc.valid_from <= greatest(make_date($1, 1, 1), u.valid_from) and greatest(make_date($1, 1, 1), u.valid_from) < uc.valid_to)`,
    [year, unitId],
  );
  const list = await listHouseholds(db, user, { unit: unitId, year, limit: 5000 });
  const byClass: Record<string, number> = {};
  for (const h of list) for (const c of h.classes ?? []) byClass[c] = (byClass[c] ?? 0) + 1;
  const poor = byClass.poor ?? 0;
  const [tet, house] = await Promise.all([coverage(db, user, unitId, year, 'tet', null), coverage(db, user, unitId, year, 'house', null)]);
  return {
    unitId, year, households: counts.households, byClass, poor,
    povertyRate: counts.households ? Math.round((poor / counts.households) * 10000) / 100 : null,
    tet: { total: tet.total, reached: tet.reached }, house: { total: house.total, reached: house.reached },
  };
}

// ---------- writing ----------

async function insertMember(tx: Db, householdId: number, m: { fullName: string; birthYear: number | null; relation: Member['relation']; nationalId?: string }) {
  const sealed = m.nationalId ? sealNationalId(m.nationalId) : null;
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into household_members (household_id, full_name, name_search, birth_year, relation, national_id_enc, national_id_last, national_id_digest)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [householdId, m.fullName, normalizeVn(m.fullName), m.birthYear, m.relation, sealed?.enc ?? null, sealed?.last ?? null, sealed?.digest ?? null],
  );
  return id;
}

async function upsertClassification(tx: Db, householdId: number, v: Village, c: Classification) {
  await tx.query(
    `insert into household_classifications (household_id, year, classes, housing_condition, housing_need, fact_date, note, unit_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (household_id, year) do update set classes = excluded.classes, housing_condition = excluded.housing_condition,
       housing_need = excluded.housing_need, fact_date = excluded.fact_date, note = excluded.note`,
    [householdId, c.year, [...new Set(c.classes)], c.housingCondition, c.housingNeed, reviewDate(v, c.year), c.note, v.id],
  );
}

/** Registers a household with its head (and members); refuses likely duplicates unless confirmed. */
export async function createHousehold(ctx: Ctx, raw: CreateHousehold): Promise<HouseholdDetail> {
  const input = CreateHouseholdSchema.parse(raw);
  const id = await ctx.db.tx(async (tx) => {
    assertPermission(ctx.user, 'household.write');
    const v = await villageOf(tx, input.unitId);
    const registeredOn = input.registeredOn ?? dayWithin(v.valid_from, v.valid_to === 'infinity' ? null : v.valid_to);
    await assertUnitAccess(tx, ctx.user, 'household.write', v.id, registeredOn);
    if (registeredOn < v.valid_from || registeredOn >= v.valid_to) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: v.id, date: registeredOn });
    if (!input.confirmDuplicates) {
      const people = [{ name: input.headName, birthYear: input.headBirthYear, nationalId: input.headNationalId }, ...input.members.map((m) => ({ name: m.fullName, birthYear: m.birthYear, nationalId: m.nationalId }))];
      const found: DuplicateCandidate[] = [];
      for (const p of people) found.push(...(await personDuplicates(tx, ctx.user, { ...p, address: input.address })));
      if (found.length) throw new AppError('HOUSEHOLD_DUPLICATE', { candidates: found });
    }
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into households (unit_id, head_name, head_name_search, head_birth_year, address, address_search, registered_on, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [v.id, input.headName, normalizeVn(input.headName), input.headBirthYear, input.address, normalizeVn(input.address ?? ''), registeredOn, input.note],
    );
    await insertMember(tx, id, { fullName: input.headName, birthYear: input.headBirthYear, relation: 'head', nationalId: input.headNationalId });
    for (const m of input.members) await insertMember(tx, id, m);
    if (input.classification) {
      await assertUnitAccess(tx, ctx.user, 'household.write', v.id, reviewDate(v, input.classification.year));
      await upsertClassification(tx, id, v, input.classification);
    }
    await audit(tx, ctx.user, {
      action: 'create', entity: 'household', entityId: id, unitId: v.id,
      after: { headName: input.headName, headBirthYear: input.headBirthYear, address: input.address, members: input.members.length + 1,
        classification: input.classification ?? null, nationalIdGiven: Boolean(input.headNationalId) || input.members.some((m) => m.nationalId) },
    });
    return id;
  });
  return getHousehold(ctx, id, input.classification?.year);
}

export async function addMember(ctx: Ctx, householdId: number, input: AddMember): Promise<Member> {
  return ctx.db.tx(async (tx) => {
    const { h } = await householdAccess(tx, ctx.user, householdId, 'household.write', today());
    const id = await insertMember(tx, householdId, { fullName: input.fullName, birthYear: input.birthYear ?? null, relation: input.relation, nationalId: input.nationalId });
    await audit(tx, ctx.user, { action: 'add_member', entity: 'household', entityId: householdId, unitId: h.unit_id,
      after: { memberId: id, fullName: input.fullName, birthYear: input.birthYear ?? null, relation: input.relation, nationalIdGiven: Boolean(input.nationalId) } });
    return (await membersOf(tx, householdId)).find((m) => m.id === id)!;
  });
}

/** Records (or corrects) a year's review of a household; history of other years is kept. */
export async function setClassification(ctx: Ctx, householdId: number, raw: Classification): Promise<Classification[]> {
  const c = ClassificationSchema.parse(raw);
  return ctx.db.tx(async (tx) => {
    assertPermission(ctx.user, 'household.write');
    const [h] = await tx.query<{ unit_id: number }>('select unit_id from households where id = $1', [householdId]);
    if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const v = await villageOf(tx, h.unit_id);
    const date = reviewDate(v, c.year);
    await householdAccess(tx, ctx.user, householdId, 'household.write', date);
    const [before] = await tx.query('select year, classes, housing_condition, housing_need from household_classifications where household_id = $1 and year = $2', [householdId, c.year]);
    await upsertClassification(tx, householdId, v, c);
    await audit(tx, ctx.user, { action: 'classify', entity: 'household', entityId: householdId, unitId: h.unit_id, before: before ?? null, after: c });
    return historyOf(tx, householdId);
  });
}

/** Records an act of support; a 'house' act carries its solidarity house. Paid from a fund, it is one act with the disbursement. */
export async function createSupport(ctx: Ctx, raw: CreateSupport): Promise<Support> {
  const input = CreateSupportSchema.parse(raw);
  return ctx.db.tx(async (tx) => {
    const { h } = await householdAccess(tx, ctx.user, input.householdId, 'household.write', input.supportDate);
    // A replay from the device's queue answers the act first recorded (same person, same key).
    const seen = input.clientKey ? await replayed(tx, 'household_supports', ctx.user.id, input.clientKey) : null;
    if (seen) return (await supportById(tx, seen))!;
    if (input.kind === 'house' && !input.house) throw new AppError('HOUSEHOLD_HOUSE_REQUIRED');
    if (input.memberId) {
      const ok = await tx.query('select 1 from household_members where id = $1 and household_id = $2', [input.memberId, h.id]);
      if (!ok.length) throw new AppError('HOUSEHOLD_MEMBER_MISMATCH', { memberId: input.memberId });
    }
    const year = input.year ?? Number(input.supportDate.slice(0, 4));
    if (!input.confirmDuplicates && ['tet', 'production', 'house'].includes(input.kind)) {
      const found = await supportDuplicates(tx, ctx.user, h.id, input.kind, year);
      if (found.length) throw new AppError('HOUSEHOLD_DUPLICATE', { candidates: found });
    }
    const value = input.house ? input.house.costVnd : input.valueVnd;
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into household_supports (household_id, member_id, unit_id, kind, year, support_date, form, value_vnd, people, provider, campaign,
         fund_id, loan_group, note, created_by, client_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning id`,
      [h.id, input.memberId ?? null, ctx.user.unitId ?? h.unit_id, input.kind, year, input.supportDate, input.form, value, input.people,
        input.provider, input.campaign, input.fundId ?? null, input.loanGroup, input.note, ctx.user.id, input.clientKey ?? null],
    );
    if (input.house) {
      const x = input.house;
      await tx.query(
        `insert into household_houses (support_id, build, status, approved_on, started_on, handed_over_on, cost_vnd, from_fund_vnd,
           from_member_orgs_vnd, from_social_vnd, labour_days) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, x.build, x.status, x.approvedOn, x.startedOn, x.handedOverOn, x.costVnd, x.fromFundVnd, x.fromMemberOrgsVnd, x.fromSocialVnd, x.labourDays],
      );
    }
    if (input.fundId) {
      const amount = input.house ? input.house.fromFundVnd : input.valueVnd;
      if (amount <= 0) throw new AppError('HOUSEHOLD_FUND_UNAVAILABLE', { reason: 'amount' });
      const [v] = await tx.query<{ name: string }>('select name from unit_versions where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to', [h.unit_id, input.supportDate]);
      const disbursementId = await linkFundDisbursement(tx, ctx.user, { fundId: input.fundId, householdId: h.id, amount, kind: input.kind,
        date: input.supportDate, headName: h.head_name, villageName: v?.name ?? '' });
      await tx.query('update household_supports set disbursement_id = $2 where id = $1', [id, disbursementId]);
    }
    const after = (await supportById(tx, id))!;
    await audit(tx, ctx.user, { action: 'support', entity: 'household', entityId: h.id, unitId: h.unit_id, after });
    return after;
  });
}

/** Moves a solidarity house forward: approved → under construction → handed over. */
export async function updateHouse(ctx: Ctx, supportId: number, input: UpdateHouse): Promise<Support> {
  return ctx.db.tx(async (tx) => {
    const before = await supportById(tx, supportId);
    if (!before?.house) throw new AppError('NOT_FOUND', { supportId });
    await householdAccess(tx, ctx.user, before.householdId, 'household.write', input.date);
    const from = HOUSE_STATUSES.indexOf(before.house.status);
    const to = HOUSE_STATUSES.indexOf(input.status);
    if (to <= from || input.date < before.house.approvedOn) throw new AppError('HOUSEHOLD_HOUSE_STATUS_ORDER', { from: before.house.status, to: input.status });
    await tx.query(
      `update household_houses set status = $2,
         started_on = case when $2 = 'under_construction' then $3::date else coalesce(started_on, $3::date) end,
         handed_over_on = case when $2 = 'handed_over' then $3::date else handed_over_on end
       where support_id = $1`,
      [supportId, input.status, input.date],
    );
    const after = (await supportById(tx, supportId))!;
    await audit(tx, ctx.user, { action: 'house_progress', entity: 'household', entityId: before.householdId, before: before.house, after: after.house });
    return after;
  });
}

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** A house photo, stored under the type its bytes show (the declared type is only the sender's claim). */
export async function addHousePhoto(ctx: Ctx, supportId: number, photo: { fileName: string; mime: string; data: Buffer }): Promise<Support> {
  const mime = sniffType(photo.data);
  if (!mime || !PHOTO_TYPES.has(mime) || photo.data.length > 5 * 1024 * 1024) throw new AppError('HOUSEHOLD_PHOTO_INVALID');
  return ctx.db.tx(async (tx) => {
    const s = await supportById(tx, supportId);
    if (!s?.house) throw new AppError('NOT_FOUND', { supportId });
    await householdAccess(tx, ctx.user, s.householdId, 'household.write', today());
    const [{ id }] = await tx.query<{ id: number }>(
      'insert into household_house_photos (support_id, stage, file_name, mime, data) values ($1, $2, $3, $4, $5) returning id',
      [supportId, s.house.status, photo.fileName.slice(0, 200), mime, photo.data]);
    await audit(tx, ctx.user, { action: 'house_photo', entity: 'household', entityId: s.householdId, after: { photoId: id, stage: s.house.status } });
    return (await supportById(tx, supportId))!;
  });
}

export async function housePhoto({ db, user }: Ctx, photoId: number): Promise<{ mime: string; data: Buffer }> {
  const [p] = await db.query<{ mime: string; data: Uint8Array; household_id: number }>(
    `select p.mime, p.data, s.household_id from household_house_photos p join household_supports s on s.id = p.support_id where p.id = $1`, [photoId]);
  if (!p) throw new AppError('NOT_FOUND');
  await householdAccess(db, user, p.household_id, 'household.read');
  // Photos stored before the type was checked from the bytes are served as what they really are.
  const data = Buffer.from(p.data);
  const real = sniffType(data);
  return { mime: real && PHOTO_TYPES.has(real) ? real : 'application/octet-stream', data };
}
