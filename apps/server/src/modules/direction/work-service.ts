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
import { underUnit } from './queries';

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

/** Records of a unit's subtree (through its history) on their date column. */
async function list<T>(ctx: Ctx, unitId: number, sql: (under: string) => string, params: unknown[] = []): Promise<T[]> {
  await assertUnitAccess(ctx.db, ctx.user, 'direction.read', unitId);
  return ctx.db.query<T>(sql('$1::bigint'), [unitId, ...params]);
}

// ---- key tasks (target 16) ----
const KEY_TASK = `id, unit_id as "unitId", year, title, registered_on as "registeredOn", progress, completed_on as "completedOn", evidence`;

export async function createKeyTask(ctx: Ctx, input: In<typeof CreateKeyTask>): Promise<KeyTask> {
  if (Number(input.registeredOn.slice(0, 4)) !== input.year) throw new AppError('KEY_TASK_YEAR_MISMATCH');
  notFuture(input.registeredOn);
  return write(
    ctx,
    input.unitId,
    input.registeredOn,
    'key_task',
    async (tx) =>
      (
        await tx.query<KeyTask>(`insert into key_tasks (unit_id, year, title, registered_on, created_by) values ($1, $2, $3, $4, $5) returning ${KEY_TASK}`, [
          input.unitId,
          input.year,
          input.title,
          input.registeredOn,
          ctx.user.id,
        ])
      )[0],
  );
}

/** Progress and completion, with its evidence; the before → after goes to the audit trail. */
export async function updateKeyTask(ctx: Ctx, id: number, input: In<typeof UpdateKeyTask>): Promise<KeyTask> {
  return ctx.db.tx(async (tx) => {
    const before = assertFound((await tx.query<KeyTask>(`select ${KEY_TASK} from key_tasks where id = $1`, [id]))[0]);
    // On the day it was registered (as the endpoint's record locator): a merged ward's tasks carry on in its successor.
    await assertUnitAccess(tx, ctx.user, 'direction.write', before.unitId, before.registeredOn);
    const completedOn = input.completedOn === undefined ? before.completedOn : input.completedOn;
    if (completedOn) {
      notFuture(completedOn);
      if (completedOn < before.registeredOn) throw new AppError('DIRECTION_DATE_INVALID', { completedOn });
    }
    const [after] = await tx.query<KeyTask>(`update key_tasks set progress = $2, completed_on = $3, evidence = $4 where id = $1 returning ${KEY_TASK}`, [
      id,
      completedOn ? 100 : input.progress,
      completedOn,
      input.evidence ?? before.evidence,
    ]);
    await audit(tx, ctx.user, { action: 'update', entity: 'key_task', entityId: id, unitId: before.unitId, before, after });
    return after;
  });
}

export const listKeyTasks = (ctx: Ctx, unitId: number, year?: number) =>
  list<KeyTask>(
    ctx,
    unitId,
    (u) => `select ${KEY_TASK} from key_tasks where ${underUnit(u, 'unit_id', 'registered_on')} and ($2::int is null or year = $2)
          order by year desc, registered_on, id limit 1000`,
    [year ?? null],
  );

// ---- elections (target 12) ----
const ELECTION_TASK = `id, unit_id as "unitId", campaign, kind, title, due_on as "dueOn", done_on as "doneOn", evidence`;

export const createElectionTask = (ctx: Ctx, input: In<typeof CreateElectionTask>) =>
  write<ElectionTask>(
    ctx,
    input.unitId,
    input.dueOn > today() ? today() : input.dueOn,
    'election_task',
    async (tx) =>
      (
        await tx.query<ElectionTask>(`insert into election_tasks (unit_id, campaign, kind, title, due_on, created_by) values ($1, $2, $3, $4, $5, $6) returning ${ELECTION_TASK}`, [
          input.unitId,
          input.campaign,
          input.kind,
          input.title,
          input.dueOn,
          ctx.user.id,
        ])
      )[0],
  );

export async function completeElectionTask(ctx: Ctx, id: number, input: In<typeof CompleteElectionTask>): Promise<ElectionTask> {
  notFuture(input.doneOn);
  return ctx.db.tx(async (tx) => {
    const before = assertFound((await tx.query<ElectionTask>(`select ${ELECTION_TASK} from election_tasks where id = $1`, [id]))[0]);
    await assertUnitAccess(tx, ctx.user, 'direction.write', before.unitId, input.doneOn);
    const [after] = await tx.query<ElectionTask>(`update election_tasks set done_on = $2, evidence = $3 where id = $1 returning ${ELECTION_TASK}`, [
      id,
      input.doneOn,
      input.evidence,
    ]);
    await audit(tx, ctx.user, { action: 'update', entity: 'election_task', entityId: id, unitId: before.unitId, before, after });
    return after;
  });
}

export const listElectionTasks = (ctx: Ctx, unitId: number) =>
  list<ElectionTask>(ctx, unitId, (u) => `select ${ELECTION_TASK} from election_tasks where ${underUnit(u, 'unit_id', 'due_on')} order by due_on, id limit 2000`);

const RESULT = `id, unit_id as "unitId", kind, held_on as "heldOn", voters, voted, candidates, elected, note`;
export async function createElectionResult(ctx: Ctx, input: In<typeof CreateElectionResult>): Promise<ElectionResult> {
  notFuture(input.heldOn);
  if (input.voted > input.voters) throw new AppError('VALIDATION', { voted: input.voted, voters: input.voters });
  return write(
    ctx,
    input.unitId,
    input.heldOn,
    'election_result',
    async (tx) =>
      (
        await tx.query<ElectionResult>(
          `insert into election_results (unit_id, kind, held_on, voters, voted, candidates, elected, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${RESULT}`,
          [input.unitId, input.kind, input.heldOn, input.voters, input.voted, input.candidates, input.elected, input.note, ctx.user.id],
        )
      )[0],
  );
}

export const listElectionResults = (ctx: Ctx, unitId: number) =>
  list<ElectionResult>(ctx, unitId, (u) => `select ${RESULT} from election_results where ${underUnit(u, 'unit_id', 'held_on')} order by held_on desc, id limit 1000`);

// ---- staff and training (target 15) ----
const STAFF = `id, unit_id as "unitId", person_name as "personName", position, valid_from as "validFrom", valid_to::text as "validTo"`;
export const createStaff = (ctx: Ctx, input: In<typeof CreateStaff>) =>
  write<Staff>(
    ctx,
    input.unitId,
    input.validFrom,
    'front_staff',
    async (tx) =>
      (
        await tx.query<Staff>(`insert into front_staff (unit_id, person_name, position, valid_from) values ($1, $2, $3, $4) returning ${STAFF}`, [
          input.unitId,
          input.personName,
          input.position,
          input.validFrom,
        ])
      )[0],
  );

export const listStaff = (ctx: Ctx, unitId: number) =>
  list<Staff>(
    ctx,
    unitId,
    (u) => `select ${STAFF} from front_staff where ${underUnit(u, 'unit_id', 'valid_from')} and valid_to > $2::date order by unit_id, person_name limit 2000`,
    [today()],
  );

const COURSE = `c.id, c.unit_id as "unitId", c.title, c.starts_on as "startsOn", c.ends_on as "endsOn", c.audience,
  (select count(*)::int from training_attendances a where a.course_id = c.id) as attendances`;
export async function createCourse(ctx: Ctx, input: In<typeof CreateCourse>): Promise<Course> {
  if (input.endsOn < input.startsOn) throw new AppError('DIRECTION_PERIOD_INVALID');
  return write(ctx, input.unitId, input.startsOn, 'training_course', async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into training_courses (unit_id, title, starts_on, ends_on, audience, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.unitId, input.title, input.startsOn, input.endsOn, input.audience, ctx.user.id],
    );
    return (await tx.query<Course>(`select ${COURSE} from training_courses c where c.id = $1`, [id]))[0];
  });
}

/** Attendance per person: the organiser records it; a staff member named must belong to the unit given. */
export async function addAttendances(ctx: Ctx, courseId: number, input: In<typeof AddAttendances>) {
  return ctx.db.tx(async (tx) => {
    const c = assertFound((await tx.query<{ unit_id: number; starts_on: string }>('select unit_id, starts_on from training_courses where id = $1', [courseId]))[0]);
    await assertUnitAccess(tx, ctx.user, 'direction.write', c.unit_id, c.starts_on);
    const staffIds = input.attendees.filter((a) => a.staffId).map((a) => [a.staffId!, a.unitId]);
    if (staffIds.length) {
      const [{ n }] = await tx.query<{ n: number }>(
        `select count(*)::int as n from unnest($1::bigint[], $2::bigint[]) as x(sid, uid) join front_staff s on s.id = x.sid and s.unit_id = x.uid`,
        [staffIds.map((x) => x[0]), staffIds.map((x) => x[1])],
      );
      if (n !== staffIds.length) throw new AppError('TRAINING_STAFF_MISMATCH');
    }
    const rows = await tx.query<{ id: number }>(
      `insert into training_attendances (course_id, unit_id, person_name, staff_id)
       select $1, x.uid, x.name, x.sid from unnest($2::bigint[], $3::text[], $4::bigint[]) as x(uid, name, sid) returning id`,
      [courseId, input.attendees.map((a) => a.unitId), input.attendees.map((a) => a.personName), input.attendees.map((a) => a.staffId ?? null)],
    );
    await audit(tx, ctx.user, { action: 'create', entity: 'training_attendance', entityId: courseId, unitId: c.unit_id, after: { courseId, attendees: input.attendees } });
    return { added: rows.length };
  });
}

export const listCourses = (ctx: Ctx, unitId: number) =>
  list<Course>(ctx, unitId, (u) => `select ${COURSE} from training_courses c where ${underUnit(u, 'c.unit_id', 'c.starts_on')} order by c.starts_on desc limit 500`);

// ---- the commendation registry ----
const COMMENDATION = `id, unit_id as "unitId", recipient_kind as "recipientKind", recipient_name as "recipientName", awarded_by as "awardedBy", level,
  reason, awarded_on as "awardedOn", decision_no as "decisionNo", source_module as "sourceModule", source_id as "sourceId"`;

/** One commendation; another module links its record by (module, id) — Solidarity Day, religion, movements. */
export async function createCommendation(ctx: Ctx, input: CreateCommendation): Promise<Commendation> {
  notFuture(input.awardedOn);
  return write(
    ctx,
    input.unitId,
    input.awardedOn,
    'commendation',
    async (tx) =>
      (
        await tx.query<Commendation>(
          `insert into commendations (unit_id, recipient_kind, recipient_name, awarded_by, level, reason, awarded_on, decision_no, source_module, source_id, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${COMMENDATION}`,
          [
            input.unitId,
            input.recipientKind,
            input.recipientName,
            input.awardedBy,
            input.level,
            input.reason,
            input.awardedOn,
            input.decisionNo ?? null,
            input.source?.module ?? null,
            input.source?.id ?? null,
            ctx.user.id,
          ],
        )
      )[0],
  );
}

export const listCommendations = (ctx: Ctx, q: In<typeof CommendationQuery>) =>
  list<Commendation>(
    ctx,
    q.unit,
    (u) => `select ${COMMENDATION} from commendations where ${underUnit(u, 'unit_id', 'awarded_on')}
            and ($2::date is null or awarded_on >= $2::date) and ($3::date is null or awarded_on <= $3::date)
            and ($4::text is null or source_module = $4) and ($5::text is null or source_id = $5)
          order by awarded_on desc, id desc limit 1000`,
    [q.from ?? null, q.to ?? null, q.sourceModule ?? null, q.sourceId ?? null],
  );

// ---- coordination programmes ----
const PROGRAMME = `p.id, p.unit_id as "unitId", p.partner, p.partner_kind as "partnerKind", p.title, p.signed_on as "signedOn", p.ends_on as "endsOn",
  coalesce((select json_agg(json_build_object('year', r.year, 'reviewedOn', r.reviewed_on, 'result', r.result) order by r.year)
              from coordination_reviews r where r.programme_id = p.id), '[]') as reviews`;

export async function createProgramme(ctx: Ctx, input: In<typeof CreateProgramme>): Promise<Programme> {
  notFuture(input.signedOn);
  if (input.endsOn && input.endsOn < input.signedOn) throw new AppError('DIRECTION_PERIOD_INVALID');
  return write(ctx, input.unitId, input.signedOn, 'coordination_programme', async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into coordination_programmes (unit_id, partner, partner_kind, title, signed_on, ends_on, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [input.unitId, input.partner, input.partnerKind, input.title, input.signedOn, input.endsOn ?? null, ctx.user.id],
    );
    return (await tx.query<Programme>(`select ${PROGRAMME} from coordination_programmes p where p.id = $1`, [id]))[0];
  });
}

/** The yearly review of a programme (one per year). */
export async function reviewProgramme(ctx: Ctx, id: number, input: In<typeof ReviewProgramme>): Promise<Programme> {
  notFuture(input.reviewedOn);
  return ctx.db.tx(async (tx) => {
    const p = assertFound((await tx.query<{ unit_id: number; signed_on: string }>('select unit_id, signed_on from coordination_programmes where id = $1', [id]))[0]);
    await assertUnitAccess(tx, ctx.user, 'direction.write', p.unit_id, input.reviewedOn);
    if (input.reviewedOn < p.signed_on) throw new AppError('DIRECTION_DATE_INVALID', { reviewedOn: input.reviewedOn });
    const rows = await tx.query(
      `insert into coordination_reviews (programme_id, year, reviewed_on, result, created_by) values ($1, $2, $3, $4, $5)
       on conflict (programme_id, year) do nothing returning id`,
      [id, input.year, input.reviewedOn, input.result, ctx.user.id],
    );
    if (!rows.length) throw new AppError('CONFLICT', { year: input.year });
    await audit(tx, ctx.user, { action: 'review', entity: 'coordination_programme', entityId: id, unitId: p.unit_id, after: input });
    return (await tx.query<Programme>(`select ${PROGRAMME} from coordination_programmes p where p.id = $1`, [id]))[0];
  });
}

export const listProgrammes = (ctx: Ctx, unitId: number) =>
  list<Programme>(ctx, unitId, (u) => `select ${PROGRAMME} from coordination_programmes p where ${underUnit(u, 'p.unit_id', 'p.signed_on')} order by p.signed_on desc limit 500`);
