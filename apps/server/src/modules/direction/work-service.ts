// The unit's own records of programme 5: key tasks, the election checklist and results, full-time staff
// and training, commendations and coordination programmes. Each write: scope check, one transaction, audit.
import type { z } from 'zod';
import type {
  AddAttendances,
  CompleteElectionTask,
  Course,
  CreateCommendation,
  CreateCourse,
  CreateElectionResult,
  CreateElectionTask,
  CreateKeyTask,
  CreateProgramme,
  CreateStaff,
  ElectionResult,
  ElectionTask,
  KeyTask,
  Programme,
  ReviewProgramme,
  Staff,
  UpdateKeyTask,
  Commendation,
  CommendationQuery,
} from '@contract/direction';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError, assertFound } from '../../platform/errors';
import {
  countStaffInUnits,
  findCourse,
  findCourseUnit,
  findElectionTask,
  findKeyTask,
  findProgramme,
  findProgrammeUnit,
  insertAttendances,
  insertCommendation,
  insertCourse,
  insertElectionResult,
  insertElectionTask,
  insertKeyTask,
  insertProgramme,
  insertProgrammeReview,
  insertStaff,
  listCommendationsUnder,
  listCoursesUnder,
  listElectionResultsUnder,
  listElectionTasksUnder,
  listKeyTasksUnder,
  listProgrammesUnder,
  listStaffUnder,
  markElectionTaskDone,
  updateKeyTaskProgress,
} from './queries-work';

type In<T extends z.ZodType> = z.infer<T>;

function notFuture(date: string) {
  if (date > today()) throw new AppError('DIRECTION_DATE_INVALID', { date });
}

async function write<T extends { id: number }>(ctx: Ctx, unitId: number, date: string, entity: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'direction.write', unitId, date);
    const row = await fn(tx);
    await audit(tx, ctx.user, { action: 'create', entity, entityId: row.id, unitId, after: row });
    return row;
  });
}

/** Records of a unit's subtree (through its history), once the reader reaches the unit. */
async function list<T>(ctx: Ctx, unitId: number, read: (db: Db) => Promise<T[]>): Promise<T[]> {
  await assertUnitAccess(ctx.db, ctx.user, 'direction.read', unitId);
  return read(ctx.db);
}

// ---- key tasks (target 16) ----
export async function createKeyTask(ctx: Ctx, input: In<typeof CreateKeyTask>): Promise<KeyTask> {
  if (Number(input.registeredOn.slice(0, 4)) !== input.year) throw new AppError('KEY_TASK_YEAR_MISMATCH');
  notFuture(input.registeredOn);
  return write(ctx, input.unitId, input.registeredOn, 'key_task', (tx) => insertKeyTask(tx, { ...input, createdBy: ctx.user.id }));
}

/** Progress and completion, with its evidence; the before → after goes to the audit trail. */
export async function updateKeyTask(ctx: Ctx, id: number, input: In<typeof UpdateKeyTask>): Promise<KeyTask> {
  return ctx.db.tx(async (tx) => {
    const before = assertFound(await findKeyTask(tx, id));
    // On the day it was registered (as the endpoint's record locator): a merged ward's tasks carry on in its successor.
    await assertUnitAccess(tx, ctx.user, 'direction.write', before.unitId, before.registeredOn);
    const completedOn = input.completedOn === undefined ? before.completedOn : input.completedOn;
    if (completedOn) {
      notFuture(completedOn);
      if (completedOn < before.registeredOn) throw new AppError('DIRECTION_DATE_INVALID', { completedOn });
    }
    const after = await updateKeyTaskProgress(tx, id, { progress: completedOn ? 100 : input.progress, completedOn, evidence: input.evidence ?? before.evidence });
    await audit(tx, ctx.user, { action: 'update', entity: 'key_task', entityId: id, unitId: before.unitId, before, after });
    return after;
  });
}

export const listKeyTasks = (ctx: Ctx, unitId: number, year?: number) => list(ctx, unitId, (db) => listKeyTasksUnder(db, unitId, year ?? null));

// ---- elections (target 12) ----
export const createElectionTask = (ctx: Ctx, input: In<typeof CreateElectionTask>) =>
  write<ElectionTask>(ctx, input.unitId, input.dueOn > today() ? today() : input.dueOn, 'election_task', (tx) => insertElectionTask(tx, { ...input, createdBy: ctx.user.id }));

export async function completeElectionTask(ctx: Ctx, id: number, input: In<typeof CompleteElectionTask>): Promise<ElectionTask> {
  notFuture(input.doneOn);
  return ctx.db.tx(async (tx) => {
    const before = assertFound(await findElectionTask(tx, id));
    await assertUnitAccess(tx, ctx.user, 'direction.write', before.unitId, input.doneOn);
    const after = await markElectionTaskDone(tx, id, input.doneOn, input.evidence);
    await audit(tx, ctx.user, { action: 'update', entity: 'election_task', entityId: id, unitId: before.unitId, before, after });
    return after;
  });
}

export const listElectionTasks = (ctx: Ctx, unitId: number) => list(ctx, unitId, (db) => listElectionTasksUnder(db, unitId));

export async function createElectionResult(ctx: Ctx, input: In<typeof CreateElectionResult>): Promise<ElectionResult> {
  notFuture(input.heldOn);
  if (input.voted > input.voters) throw new AppError('VALIDATION', { voted: input.voted, voters: input.voters });
  return write(ctx, input.unitId, input.heldOn, 'election_result', (tx) => insertElectionResult(tx, { ...input, createdBy: ctx.user.id }));
}

export const listElectionResults = (ctx: Ctx, unitId: number) => list(ctx, unitId, (db) => listElectionResultsUnder(db, unitId));

// ---- staff and training (target 15) ----
export const createStaff = (ctx: Ctx, input: In<typeof CreateStaff>) => write<Staff>(ctx, input.unitId, input.validFrom, 'front_staff', (tx) => insertStaff(tx, input));

export const listStaff = (ctx: Ctx, unitId: number) => list(ctx, unitId, (db) => listStaffUnder(db, unitId, today()));

export async function createCourse(ctx: Ctx, input: In<typeof CreateCourse>): Promise<Course> {
  if (input.endsOn < input.startsOn) throw new AppError('DIRECTION_PERIOD_INVALID');
  return write(ctx, input.unitId, input.startsOn, 'training_course', async (tx) => findCourse(tx, await insertCourse(tx, { ...input, createdBy: ctx.user.id })));
}

/** Attendance per person: the organiser records it; a staff member named must belong to the unit given. */
export async function addAttendances(ctx: Ctx, courseId: number, input: In<typeof AddAttendances>) {
  return ctx.db.tx(async (tx) => {
    const c = assertFound(await findCourseUnit(tx, courseId));
    await assertUnitAccess(tx, ctx.user, 'direction.write', c.unit_id, c.starts_on);
    const staffIds = input.attendees.filter((a) => a.staffId).map((a) => [a.staffId!, a.unitId]);
    if (staffIds.length) {
      const n = await countStaffInUnits(
        tx,
        staffIds.map((x) => x[0]),
        staffIds.map((x) => x[1]),
      );
      if (n !== staffIds.length) throw new AppError('TRAINING_STAFF_MISMATCH');
    }
    const added = await insertAttendances(tx, courseId, input.attendees);
    await audit(tx, ctx.user, { action: 'create', entity: 'training_attendance', entityId: courseId, unitId: c.unit_id, after: { courseId, attendees: input.attendees } });
    return { added };
  });
}

export const listCourses = (ctx: Ctx, unitId: number) => list(ctx, unitId, (db) => listCoursesUnder(db, unitId));

// ---- the commendation registry ----

/** One commendation; another module links its record by (module, id) — Solidarity Day, religion, movements. */
export async function createCommendation(ctx: Ctx, input: CreateCommendation): Promise<Commendation> {
  notFuture(input.awardedOn);
  return write(ctx, input.unitId, input.awardedOn, 'commendation', (tx) => insertCommendation(tx, { ...input, createdBy: ctx.user.id }));
}

export const listCommendations = (ctx: Ctx, q: In<typeof CommendationQuery>) => list(ctx, q.unit, (db) => listCommendationsUnder(db, q));

// ---- coordination programmes ----
export async function createProgramme(ctx: Ctx, input: In<typeof CreateProgramme>): Promise<Programme> {
  notFuture(input.signedOn);
  if (input.endsOn && input.endsOn < input.signedOn) throw new AppError('DIRECTION_PERIOD_INVALID');
  return write(ctx, input.unitId, input.signedOn, 'coordination_programme', async (tx) => findProgramme(tx, await insertProgramme(tx, { ...input, createdBy: ctx.user.id })));
}

/** The yearly review of a programme (one per year). */
export async function reviewProgramme(ctx: Ctx, id: number, input: In<typeof ReviewProgramme>): Promise<Programme> {
  notFuture(input.reviewedOn);
  return ctx.db.tx(async (tx) => {
    const p = assertFound(await findProgrammeUnit(tx, id));
    await assertUnitAccess(tx, ctx.user, 'direction.write', p.unit_id, input.reviewedOn);
    if (input.reviewedOn < p.signed_on) throw new AppError('DIRECTION_DATE_INVALID', { reviewedOn: input.reviewedOn });
    if (!(await insertProgrammeReview(tx, id, { ...input, createdBy: ctx.user.id }))) throw new AppError('CONFLICT', { year: input.year });
    await audit(tx, ctx.user, { action: 'review', entity: 'coordination_programme', entityId: id, unitId: p.unit_id, after: input });
    return findProgramme(tx, id);
  });
}

export const listProgrammes = (ctx: Ctx, unitId: number) => list(ctx, unitId, (db) => listProgrammesUnder(db, unitId));
