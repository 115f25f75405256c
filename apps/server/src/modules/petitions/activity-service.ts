import type { z } from 'zod';
import type {
  Agency,
  Conference,
  CreateAgency,
  CreateConference,
  CreateMeeting,
  CreateReception,
  DeadlineRule,
  Meeting,
  PetitionKind,
  PetitionStats,
  Reception,
  UpdateDeadlineRule,
} from '@contract/petitions';
import { today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { countPetitionsInScope, deadlineRules, unitValidOn } from './queries';
import {
  findAgency,
  findConferences,
  findMeetings,
  findReceptions,
  insertAgency,
  insertConference,
  insertConferenceCases,
  insertMeeting,
  insertReception,
  listAgenciesFor,
  petitionCounts,
  updateDeadlineRule,
  type ActivityQuery,
} from './queries-activity';
import { plainText } from './rules';

type In<T extends z.ZodType> = z.infer<T>;

/** A dated record at a unit: the unit must exist on that date (the registrar checked the user writes there). */
async function assertWrite({ db, user }: Ctx, unitId: number, date: string): Promise<void> {
  if (user.unitValidTo && today() >= user.unitValidTo) throw new AppError('UNIT_ENDED');
  if (date > today()) throw new AppError('PETITION_DATE_INVALID', { date });
  const u = await unitValidOn(db, unitId, date);
  if (!u.ok) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId, date });
}

// ---------- citizen reception ----------

export async function createReception(ctx: Ctx, input: In<typeof CreateReception>): Promise<Reception> {
  return ctx.db.tx(async (tx) => {
    await assertWrite({ db: tx, user: ctx.user }, input.unitId, input.heldOn);
    const id = await insertReception(tx, {
      unitId: input.unitId,
      heldOn: input.heldOn,
      officials: plainText(input.officials),
      citizensCount: input.citizensCount,
      matters: plainText(input.matters),
      createdBy: ctx.user.id,
    });
    const [r] = await listReceptions({ db: tx, user: ctx.user }, { unit: input.unitId }, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'citizen_reception', entityId: id, unitId: input.unitId, after: r });
    return r;
  });
}

export async function listReceptions({ db, user }: Ctx, q: ActivityQuery, onlyId?: number): Promise<Reception[]> {
  return findReceptions(db, user, q, onlyId);
}

// ---------- voter meetings and dialogues ----------

export async function createMeeting(ctx: Ctx, input: In<typeof CreateMeeting>): Promise<Meeting> {
  return ctx.db.tx(async (tx) => {
    await assertWrite({ db: tx, user: ctx.user }, input.unitId, input.heldOn);
    const id = await insertMeeting(tx, {
      unitId: input.unitId,
      kind: input.kind,
      heldOn: input.heldOn,
      deputies: plainText(input.deputies),
      place: plainText(input.place),
      voters: input.voters,
      opinions: input.opinions,
      note: plainText(input.note),
      createdBy: ctx.user.id,
    });
    const [m] = await listMeetings({ db: tx, user: ctx.user }, { unit: input.unitId }, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'voter_meeting', entityId: id, unitId: input.unitId, after: m });
    return m;
  });
}

export async function listMeetings({ db, user }: Ctx, q: ActivityQuery, onlyId?: number): Promise<Meeting[]> {
  return findMeetings(db, user, q, onlyId);
}

// ---------- public result conferences ----------

export async function createConference(ctx: Ctx, input: In<typeof CreateConference>): Promise<Conference> {
  return ctx.db.tx(async (tx) => {
    await assertWrite({ db: tx, user: ctx.user }, input.unitId, input.heldOn);
    const ids = [...new Set(input.petitionIds)];
    if (ids.length) {
      // Every case covered must be one the user reaches.
      if ((await countPetitionsInScope(tx, ctx.user, ids)) !== ids.length) throw new AppError('OUT_OF_SCOPE', { petitionIds: ids });
    }
    const id = await insertConference(tx, {
      unitId: input.unitId,
      heldOn: input.heldOn,
      title: plainText(input.title),
      attendees: input.attendees,
      note: plainText(input.note),
      createdBy: ctx.user.id,
    });
    if (ids.length) await insertConferenceCases(tx, id, ids);
    const [c] = await listConferences({ db: tx, user: ctx.user }, { unit: input.unitId }, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'petition_conference', entityId: id, unitId: input.unitId, after: c });
    return c;
  });
}

export async function listConferences({ db, user }: Ctx, q: ActivityQuery, onlyId?: number): Promise<Conference[]> {
  return findConferences(db, user, q, onlyId);
}

// ---------- competent agencies ----------

/** The agencies a unit's petitions can go to: at the unit (or its successor) and every level above it, today. */
export async function listAgencies({ db }: Ctx, unitId: number): Promise<Agency[]> {
  return listAgenciesFor(db, unitId);
}

export async function createAgency(ctx: Ctx, input: In<typeof CreateAgency>): Promise<Agency> {
  return ctx.db.tx(async (tx) => {
    const id = await insertAgency(tx, { unitId: input.unitId, name: plainText(input.name), fields: input.fields });
    const a = await findAgency(tx, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'petition_agency', entityId: id, unitId: input.unitId, after: a });
    return a;
  });
}

// ---------- deadline rules ----------

export async function getRules(ctx: Ctx): Promise<DeadlineRule[]> {
  return Object.values(await deadlineRules(ctx.db));
}

/** Deadlines apply country-wide: only an administrator changes them. Items already due keep their dates. */
export async function updateRule(ctx: Ctx, kind: PetitionKind, input: In<typeof UpdateDeadlineRule>): Promise<DeadlineRule> {
  return ctx.db.tx(async (tx) => {
    const before = (await deadlineRules(tx))[kind];
    await updateDeadlineRule(tx, kind, input);
    const after = (await deadlineRules(tx))[kind];
    await audit(tx, ctx.user, { action: 'update', entity: 'petition_deadline_rule', entityId: kind, before, after });
    return after;
  });
}

// ---------- figures for a unit and period (target 13, median days to answer) ----------

export async function petitionStats({ db }: Ctx, q: { unit: number; from: string; to: string }): Promise<PetitionStats> {
  const r = await petitionCounts(db, q);
  return {
    received: r.received,
    forwarded: r.forwarded,
    answerDue: r.answerDue,
    answeredInWriting: r.answeredInWriting,
    writtenAnswerRate: r.answerDue ? r.answeredInWriting / r.answerDue : null,
    medianDaysToAnswer: r.median,
    overdue: r.overdue,
  };
}
