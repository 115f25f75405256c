import {
  Classification as ClassificationSchema,
  CreateHousehold as CreateHouseholdSchema,
  CreateSupport as CreateSupportSchema,
  HOUSE_STATUSES,
  type AddMember,
  type Classification,
  type Coverage,
  type CoverageQuery,
  type CreateHousehold,
  type CreateSupport,
  type DuplicateCandidate,
  type DuplicateGroup,
  type DuplicateQuery,
  type Household,
  type HouseholdDetail,
  type HouseholdListQuery,
  type Member,
  type PhotoUpload,
  type Summary,
  type SummaryQuery,
  type Support,
  type UpdateHouse,
  type VillageCoverage,
  type VillageCoverageQuery,
} from '@contract/households';
import type { Db } from '../../db/db';
import { assertUnitAccess, can, dayWithin, reachOf, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Located } from '../../platform/endpoints';
import { AppError } from '../../platform/errors';
import { sealNationalId } from './crypto';
import {
  classificationOf,
  coverage,
  coverageByVillage,
  duplicateReport,
  historyOf,
  householdById,
  householdCount,
  householdHead,
  householdPlace,
  insertHouse,
  insertHousehold,
  insertMember as insertMemberRow,
  insertPhoto,
  insertSupport,
  isMemberOf,
  listHouseholds,
  membersOf,
  moveHouse,
  personDuplicates,
  photoById,
  setDisbursement,
  supportById,
  supportDuplicates,
  supportsOf,
  toHousehold,
  unitById,
  unitNameOn,
  upsertClassification,
  type VillageRow,
} from './queries';
import { linkFundDisbursement } from './fund-link';
import { sniffType } from '../../platform/file-type';
import { replayed } from '../../platform/replay';

/*
 * Access to a household, its supports and photos is checked by the registrar from the endpoint table
 * (the locators below). The services check again only a write dated otherwise than the village's
 * latest day (a review's year, a support's or a house step's date) and, on import, each village.
 */

export const currentYear = () => Number(today().slice(0, 4));

type Village = VillageRow;

async function villageOf(db: Db, unitId: number): Promise<Village> {
  const u = await unitById(db, unitId);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  if (u.level !== 'village') throw new AppError('HOUSEHOLD_UNIT_NOT_VILLAGE', { unitId });
  return u;
}

const latestDay = (v: Village) => dayWithin(v.valid_from, v.valid_to === 'infinity' ? null : v.valid_to);

/** The date a year's review is placed at: 1 January, or the village's first day if it began later. */
export function reviewDate(v: Village, year: number): string {
  const d = `${year}-01-01` < v.valid_from ? v.valid_from : `${year}-01-01`;
  if (d >= v.valid_to || d > `${year}-12-31`) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: v.id, year });
  return d;
}

// ---------- where records lie (locators for the endpoint table) ----------

/** A household for reading: its village over the village's whole life. */
export async function locateHousehold(db: Db, id: number): Promise<Located> {
  const v = await householdPlace(db, 'household', id);
  if (!v) throw new AppError('HOUSEHOLD_NOT_FOUND');
  return { unitId: v.id, date: null };
}

/** A household for writing: its village on the village's latest day (today, or its last day if it has ended). */
export async function locateHouseholdLatest(db: Db, id: number): Promise<Located> {
  const v = await householdPlace(db, 'household', id);
  if (!v) throw new AppError('HOUSEHOLD_NOT_FOUND');
  return { unitId: v.id, date: latestDay(v) };
}

/** A solidarity house (a support that carries one), for writing. */
export async function locateHouse(db: Db, supportId: number): Promise<Located | undefined> {
  const v = await householdPlace(db, 'house', supportId);
  return v && { unitId: v.id, date: latestDay(v) };
}

/** A house photo, for reading (as its household). */
export async function locatePhoto(db: Db, photoId: number): Promise<Located | undefined> {
  const v = await householdPlace(db, 'photo', photoId);
  return v && { unitId: v.id, date: null };
}

async function loadHousehold(db: Db, id: number) {
  const h = await householdHead(db, id);
  if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
  return { h, v: await villageOf(db, h.unit_id) };
}

/** A write dated otherwise than the village's latest day: the scope rule on that date. */
const assertWritableOn = (ctx: Ctx, unitId: number, date: string) => assertUnitAccess(ctx.db, ctx.user, 'household.write', unitId, date);

// ---------- reading ----------

export async function findHouseholds(ctx: Ctx, q: HouseholdListQuery): Promise<Household[]> {
  return listHouseholds(ctx.db, reachOf(ctx.user), { ...q, year: q.year ?? currentYear() });
}

export async function getHousehold(ctx: Ctx, { id, year }: { id: number; year?: number }): Promise<HouseholdDetail> {
  const { db, user } = ctx;
  const y = year ?? currentYear();
  const [row, members, history, supports] = await Promise.all([householdById(db, id, y), membersOf(db, id), historyOf(db, id), supportsOf(db, id)]);
  if (!row) throw new AppError('HOUSEHOLD_NOT_FOUND');
  // Whether the page offers writing: the user may write at the household's village today.
  const canWrite =
    can(user, 'household.write') &&
    (await assertWritableOn(ctx, row.unit_id, today()).then(
      () => true,
      () => false,
    ));
  return { ...toHousehold(row), note: row.note ?? null, members, history, supports, canWrite };
}

export async function getCoverage(ctx: Ctx, q: CoverageQuery): Promise<Coverage> {
  const year = q.year ?? currentYear();
  let quarter: number | null = null;
  if (q.kind === 'hardship') quarter = q.quarter ?? (year === currentYear() ? Math.floor(Number(today().slice(5, 7)) / 3.01) + 1 : 4);
  return coverage(ctx.db, reachOf(ctx.user), q.unit, year, q.kind, quarter);
}

/** Coverage of every village under a unit, in one query (target 4: tet, target 5: house). */
export async function villageCoverage(ctx: Ctx, q: VillageCoverageQuery): Promise<VillageCoverage[]> {
  return coverageByVillage(ctx.db, q.unit, q.year ?? currentYear(), q.kind);
}

export async function checkDuplicates(ctx: Ctx, q: DuplicateQuery): Promise<DuplicateCandidate[]> {
  return personDuplicates(ctx.db, reachOf(ctx.user), { name: q.name, birthYear: q.birthYear, address: q.address, nationalId: q.nationalId, exclude: q.exclude });
}

export async function getDuplicateReport(ctx: Ctx, q: { unit: number }): Promise<DuplicateGroup[]> {
  const u = await unitById(ctx.db, q.unit);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  return duplicateReport(ctx.db, reachOf(ctx.user), q.unit, latestDay(u));
}

/** Households, classes, poverty rate and Tết/house coverage of a unit in a year. */
export async function getSummary(ctx: Ctx, q: SummaryQuery): Promise<Summary> {
  const { db } = ctx;
  const reach = reachOf(ctx.user);
  const unitId = q.unit;
  const year = q.year ?? currentYear();
  const households = await householdCount(db, unitId, year);
  const list = await listHouseholds(db, reach, { unit: unitId, year, limit: 5000 });
  const byClass: Record<string, number> = {};
  for (const h of list) for (const c of h.classes ?? []) byClass[c] = (byClass[c] ?? 0) + 1;
  const poor = byClass.poor ?? 0;
  const [tet, house] = await Promise.all([coverage(db, reach, unitId, year, 'tet', null), coverage(db, reach, unitId, year, 'house', null)]);
  return {
    unitId,
    year,
    households,
    byClass,
    poor,
    povertyRate: households ? Math.round((poor / households) * 10000) / 100 : null,
    tet: { total: tet.total, reached: tet.reached },
    house: { total: house.total, reached: house.reached },
  };
}

// ---------- writing ----------

async function addPerson(tx: Db, householdId: number, m: { fullName: string; birthYear: number | null; relation: Member['relation']; nationalId?: string }) {
  return insertMemberRow(tx, householdId, { ...m, sealed: m.nationalId ? sealNationalId(m.nationalId) : null });
}

/** Registers a household with its head (and members); refuses likely duplicates unless confirmed. */
export async function createHousehold(ctx: Ctx, raw: CreateHousehold): Promise<HouseholdDetail> {
  const input = CreateHouseholdSchema.parse(raw);
  const reach = reachOf(ctx.user);
  const id = await ctx.db.tx(async (tx) => {
    const v = await villageOf(tx, input.unitId);
    const registeredOn = input.registeredOn ?? latestDay(v);
    if (registeredOn < v.valid_from || registeredOn >= v.valid_to) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: v.id, date: registeredOn });
    if (!input.confirmDuplicates) {
      const people = [
        { name: input.headName, birthYear: input.headBirthYear, nationalId: input.headNationalId },
        ...input.members.map((m) => ({ name: m.fullName, birthYear: m.birthYear, nationalId: m.nationalId })),
      ];
      const found: DuplicateCandidate[] = [];
      for (const p of people) found.push(...(await personDuplicates(tx, reach, { ...p, address: input.address })));
      if (found.length) throw new AppError('HOUSEHOLD_DUPLICATE', { candidates: found });
    }
    const id = await insertHousehold(tx, { unitId: v.id, headName: input.headName, headBirthYear: input.headBirthYear, address: input.address, registeredOn, note: input.note });
    await addPerson(tx, id, { fullName: input.headName, birthYear: input.headBirthYear, relation: 'head', nationalId: input.headNationalId });
    for (const m of input.members) await addPerson(tx, id, m);
    if (input.classification) {
      const date = reviewDate(v, input.classification.year);
      await assertWritableOn({ ...ctx, db: tx }, v.id, date);
      await upsertClassification(tx, id, v.id, date, input.classification);
    }
    await audit(tx, ctx.user, {
      action: 'create',
      entity: 'household',
      entityId: id,
      unitId: v.id,
      after: {
        headName: input.headName,
        headBirthYear: input.headBirthYear,
        address: input.address,
        members: input.members.length + 1,
        classification: input.classification ?? null,
        nationalIdGiven: Boolean(input.headNationalId) || input.members.some((m) => m.nationalId),
      },
    });
    return id;
  });
  return getHousehold(ctx, { id, year: input.classification?.year });
}

export async function addMember(ctx: Ctx, { householdId, member }: { householdId: number; member: AddMember }): Promise<Member> {
  return ctx.db.tx(async (tx) => {
    const { h } = await loadHousehold(tx, householdId);
    const id = await addPerson(tx, householdId, { fullName: member.fullName, birthYear: member.birthYear ?? null, relation: member.relation, nationalId: member.nationalId });
    await audit(tx, ctx.user, {
      action: 'add_member',
      entity: 'household',
      entityId: householdId,
      unitId: h.unit_id,
      after: { memberId: id, fullName: member.fullName, birthYear: member.birthYear ?? null, relation: member.relation, nationalIdGiven: Boolean(member.nationalId) },
    });
    return (await membersOf(tx, householdId)).find((m) => m.id === id)!;
  });
}

/** Records (or corrects) a year's review of a household; history of other years is kept. */
export async function setClassification(ctx: Ctx, { householdId, classification }: { householdId: number; classification: Classification }): Promise<Classification[]> {
  const c = ClassificationSchema.parse(classification);
  return ctx.db.tx(async (tx) => {
    const { h, v } = await loadHousehold(tx, householdId);
    const date = reviewDate(v, c.year);
    await assertWritableOn({ ...ctx, db: tx }, h.unit_id, date);
    const before = await classificationOf(tx, householdId, c.year);
    await upsertClassification(tx, householdId, v.id, date, c);
    await audit(tx, ctx.user, { action: 'classify', entity: 'household', entityId: householdId, unitId: h.unit_id, before: before ?? null, after: c });
    return historyOf(tx, householdId);
  });
}

/** Records an act of support; a 'house' act carries its solidarity house. Paid from a fund, it is one act with the disbursement. */
export async function createSupport(ctx: Ctx, raw: CreateSupport): Promise<Support> {
  const input = CreateSupportSchema.parse(raw);
  return ctx.db.tx(async (tx) => {
    const { h } = await loadHousehold(tx, input.householdId);
    await assertWritableOn({ ...ctx, db: tx }, h.unit_id, input.supportDate);
    // A replay from the device's queue answers the act first recorded (same person, same key).
    const seen = input.clientKey ? await replayed(tx, 'household_supports', ctx.user.id, input.clientKey) : null;
    if (seen) return (await supportById(tx, seen))!;
    if (input.kind === 'house' && !input.house) throw new AppError('HOUSEHOLD_HOUSE_REQUIRED');
    if (input.memberId && !(await isMemberOf(tx, input.memberId, h.id))) throw new AppError('HOUSEHOLD_MEMBER_MISMATCH', { memberId: input.memberId });
    const year = input.year ?? Number(input.supportDate.slice(0, 4));
    if (!input.confirmDuplicates && ['tet', 'production', 'house'].includes(input.kind)) {
      const found = await supportDuplicates(tx, reachOf(ctx.user), h.id, input.kind, year);
      if (found.length) throw new AppError('HOUSEHOLD_DUPLICATE', { candidates: found });
    }
    const id = await insertSupport(tx, {
      householdId: h.id,
      memberId: input.memberId ?? null,
      unitId: ctx.user.unitId ?? h.unit_id,
      kind: input.kind,
      year,
      supportDate: input.supportDate,
      form: input.form,
      valueVnd: input.house ? input.house.costVnd : input.valueVnd,
      people: input.people,
      provider: input.provider,
      campaign: input.campaign,
      fundId: input.fundId ?? null,
      loanGroup: input.loanGroup,
      note: input.note,
      createdBy: ctx.user.id,
      clientKey: input.clientKey ?? null,
    });
    if (input.house) await insertHouse(tx, id, input.house);
    if (input.fundId) {
      const amount = input.house ? input.house.fromFundVnd : input.valueVnd;
      if (amount <= 0) throw new AppError('HOUSEHOLD_FUND_UNAVAILABLE', { reason: 'amount' });
      const villageName = (await unitNameOn(tx, h.unit_id, input.supportDate)) ?? '';
      const disbursementId = await linkFundDisbursement(
        { db: tx, user: ctx.user },
        { fundId: input.fundId, householdId: h.id, amount, kind: input.kind, date: input.supportDate, headName: h.head_name, villageName },
      );
      await setDisbursement(tx, id, disbursementId);
    }
    const after = (await supportById(tx, id))!;
    await audit(tx, ctx.user, { action: 'support', entity: 'household', entityId: h.id, unitId: h.unit_id, after });
    return after;
  });
}

/** Moves a solidarity house forward: approved → under construction → handed over. */
export async function updateHouse(ctx: Ctx, { supportId, change }: { supportId: number; change: UpdateHouse }): Promise<Support> {
  return ctx.db.tx(async (tx) => {
    const before = await supportById(tx, supportId);
    if (!before?.house) throw new AppError('NOT_FOUND', { supportId });
    const { h } = await loadHousehold(tx, before.householdId);
    await assertWritableOn({ ...ctx, db: tx }, h.unit_id, change.date);
    const from = HOUSE_STATUSES.indexOf(before.house.status);
    const to = HOUSE_STATUSES.indexOf(change.status);
    if (to <= from || change.date < before.house.approvedOn) throw new AppError('HOUSEHOLD_HOUSE_STATUS_ORDER', { from: before.house.status, to: change.status });
    await moveHouse(tx, supportId, change.status, change.date);
    const after = (await supportById(tx, supportId))!;
    await audit(tx, ctx.user, { action: 'house_progress', entity: 'household', entityId: before.householdId, before: before.house, after: after.house });
    return after;
  });
}

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** A house photo, stored under the type its bytes show (the declared type is only the sender's claim). */
export async function addHousePhoto(ctx: Ctx, { supportId, photo }: { supportId: number; photo: { fileName: string; data: Buffer } }): Promise<Support> {
  const mime = sniffType(photo.data);
  if (!mime || !PHOTO_TYPES.has(mime) || photo.data.length > 5 * 1024 * 1024) throw new AppError('HOUSEHOLD_PHOTO_INVALID');
  return ctx.db.tx(async (tx) => {
    const s = await supportById(tx, supportId);
    if (!s?.house) throw new AppError('NOT_FOUND', { supportId });
    const id = await insertPhoto(tx, supportId, { stage: s.house.status, fileName: photo.fileName.slice(0, 200), mime, data: photo.data });
    await audit(tx, ctx.user, { action: 'house_photo', entity: 'household', entityId: s.householdId, after: { photoId: id, stage: s.house.status } });
    return (await supportById(tx, supportId))!;
  });
}

/** The photo upload as the web sends it (base64 in JSON). */
export const photoOf = (body: PhotoUpload) => ({ fileName: body.fileName, data: Buffer.from(body.contentBase64, 'base64') });

export async function housePhoto(ctx: Ctx, { photoId }: { photoId: number }): Promise<{ mime: string; data: Buffer }> {
  const p = await photoById(ctx.db, photoId);
  if (!p) throw new AppError('NOT_FOUND');
  // Photos stored before the type was checked from the bytes are served as what they really are.
  const data = Buffer.from(p.data);
  const real = sniffType(data);
  return { mime: real && PHOTO_TYPES.has(real) ? real : 'application/octet-stream', data };
}
