// The SQL of the unit's own records of programme 5 (work-service): key tasks, elections, staff and
// training, commendations, coordination programmes. Lists take the unit as $1 (its subtree through history).
import type { z } from 'zod';
import type {
  AddAttendances,
  Commendation,
  CommendationQuery,
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
} from '@contract/direction';
import type { Db } from '../../db/db';
import type { Located } from '../../platform/endpoints';
import { underUnit } from './queries';

type In<T extends z.ZodType> = z.infer<T>;
type By = { createdBy: number };
type UnitDate = { unit_id: number; starts_on: string };

/** Where a record lies, for the endpoints' record locators (its unit on its own date). */
async function locate(db: Db, sql: string, id: number): Promise<Located | undefined> {
  const [r] = await db.query<{ unitId: number; date: string }>(sql, [id]);
  return r;
}

// ---- key tasks (target 16) ----
const KEY_TASK = `id, unit_id as "unitId", year, title, registered_on as "registeredOn", progress, completed_on as "completedOn", evidence`;

export async function insertKeyTask(db: Db, v: In<typeof CreateKeyTask> & By): Promise<KeyTask> {
  return (
    await db.query<KeyTask>(`insert into key_tasks (unit_id, year, title, registered_on, created_by) values ($1, $2, $3, $4, $5) returning ${KEY_TASK}`, [
      v.unitId,
      v.year,
      v.title,
      v.registeredOn,
      v.createdBy,
    ])
  )[0];
}

export async function findKeyTask(db: Db, id: number): Promise<KeyTask | undefined> {
  return (await db.query<KeyTask>(`select ${KEY_TASK} from key_tasks where id = $1`, [id]))[0];
}

export async function updateKeyTaskProgress(db: Db, id: number, v: { progress: number; completedOn: string | null; evidence: string }): Promise<KeyTask> {
  const [after] = await db.query<KeyTask>(`update key_tasks set progress = $2, completed_on = $3, evidence = $4 where id = $1 returning ${KEY_TASK}`, [
    id,
    v.progress,
    v.completedOn,
    v.evidence,
  ]);
  return after;
}

export async function listKeyTasksUnder(db: Db, unitId: number, year: number | null): Promise<KeyTask[]> {
  return db.query<KeyTask>(
    `select ${KEY_TASK} from key_tasks where ${underUnit('$1::bigint', 'unit_id', 'registered_on')} and ($2::int is null or year = $2)
          order by year desc, registered_on, id limit 1000`,
    [unitId, year],
  );
}

export const locateKeyTask = (db: Db, id: number) => locate(db, `select unit_id as "unitId", registered_on::text as date from key_tasks where id = $1`, id);

// ---- elections (target 12) ----
const ELECTION_TASK = `id, unit_id as "unitId", campaign, kind, title, due_on as "dueOn", done_on as "doneOn", evidence`;

export async function insertElectionTask(db: Db, v: In<typeof CreateElectionTask> & By): Promise<ElectionTask> {
  return (
    await db.query<ElectionTask>(`insert into election_tasks (unit_id, campaign, kind, title, due_on, created_by) values ($1, $2, $3, $4, $5, $6) returning ${ELECTION_TASK}`, [
      v.unitId,
      v.campaign,
      v.kind,
      v.title,
      v.dueOn,
      v.createdBy,
    ])
  )[0];
}

export async function findElectionTask(db: Db, id: number): Promise<ElectionTask | undefined> {
  return (await db.query<ElectionTask>(`select ${ELECTION_TASK} from election_tasks where id = $1`, [id]))[0];
}

export async function markElectionTaskDone(db: Db, id: number, doneOn: string, evidence: string): Promise<ElectionTask> {
  const [after] = await db.query<ElectionTask>(`update election_tasks set done_on = $2, evidence = $3 where id = $1 returning ${ELECTION_TASK}`, [id, doneOn, evidence]);
  return after;
}

export async function listElectionTasksUnder(db: Db, unitId: number): Promise<ElectionTask[]> {
  return db.query<ElectionTask>(`select ${ELECTION_TASK} from election_tasks where ${underUnit('$1::bigint', 'unit_id', 'due_on')} order by due_on, id limit 2000`, [unitId]);
}

export const locateElectionTask = (db: Db, id: number) => locate(db, `select unit_id as "unitId", due_on::text as date from election_tasks where id = $1`, id);

const RESULT = `id, unit_id as "unitId", kind, held_on as "heldOn", voters, voted, candidates, elected, note`;

export async function insertElectionResult(db: Db, v: In<typeof CreateElectionResult> & By): Promise<ElectionResult> {
  return (
    await db.query<ElectionResult>(
      `insert into election_results (unit_id, kind, held_on, voters, voted, candidates, elected, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${RESULT}`,
      [v.unitId, v.kind, v.heldOn, v.voters, v.voted, v.candidates, v.elected, v.note, v.createdBy],
    )
  )[0];
}

export async function listElectionResultsUnder(db: Db, unitId: number): Promise<ElectionResult[]> {
  return db.query<ElectionResult>(`select ${RESULT} from election_results where ${underUnit('$1::bigint', 'unit_id', 'held_on')} order by held_on desc, id limit 1000`, [unitId]);
}

// ---- staff and training (target 15) ----
const STAFF = `id, unit_id as "unitId", person_name as "personName", position, valid_from as "validFrom", valid_to::text as "validTo"`;

export async function insertStaff(db: Db, v: In<typeof CreateStaff>): Promise<Staff> {
  return (
    await db.query<Staff>(`insert into front_staff (unit_id, person_name, position, valid_from) values ($1, $2, $3, $4) returning ${STAFF}`, [
      v.unitId,
      v.personName,
      v.position,
      v.validFrom,
    ])
  )[0];
}

/** Staff in post on `on`. */
export async function listStaffUnder(db: Db, unitId: number, on: string): Promise<Staff[]> {
  return db.query<Staff>(
    `select ${STAFF} from front_staff where ${underUnit('$1::bigint', 'unit_id', 'valid_from')} and valid_to > $2::date order by unit_id, person_name limit 2000`,
    [unitId, on],
  );
}

const COURSE = `c.id, c.unit_id as "unitId", c.title, c.starts_on as "startsOn", c.ends_on as "endsOn", c.audience,
  (select count(*)::int from training_attendances a where a.course_id = c.id) as attendances`;

export async function insertCourse(db: Db, v: In<typeof CreateCourse> & By): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into training_courses (unit_id, title, starts_on, ends_on, audience, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
    [v.unitId, v.title, v.startsOn, v.endsOn, v.audience, v.createdBy],
  );
  return id;
}

export async function findCourse(db: Db, id: number): Promise<Course> {
  return (await db.query<Course>(`select ${COURSE} from training_courses c where c.id = $1`, [id]))[0];
}

export async function findCourseUnit(db: Db, courseId: number): Promise<UnitDate | undefined> {
  return (await db.query<UnitDate>('select unit_id, starts_on from training_courses where id = $1', [courseId]))[0];
}

/** How many of the (staff, unit) pairs name a staff member of that unit. */
export async function countStaffInUnits(db: Db, staffIds: number[], unitIds: number[]): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(
    `select count(*)::int as n from unnest($1::bigint[], $2::bigint[]) as x(sid, uid) join front_staff s on s.id = x.sid and s.unit_id = x.uid`,
    [staffIds, unitIds],
  );
  return n;
}

/** Returns how many rows were added. */
export async function insertAttendances(db: Db, courseId: number, attendees: In<typeof AddAttendances>['attendees']): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `insert into training_attendances (course_id, unit_id, person_name, staff_id)
       select $1, x.uid, x.name, x.sid from unnest($2::bigint[], $3::text[], $4::bigint[]) as x(uid, name, sid) returning id`,
    [courseId, attendees.map((a) => a.unitId), attendees.map((a) => a.personName), attendees.map((a) => a.staffId ?? null)],
  );
  return rows.length;
}

export async function listCoursesUnder(db: Db, unitId: number): Promise<Course[]> {
  return db.query<Course>(`select ${COURSE} from training_courses c where ${underUnit('$1::bigint', 'c.unit_id', 'c.starts_on')} order by c.starts_on desc limit 500`, [unitId]);
}

export const locateCourse = (db: Db, id: number) => locate(db, `select unit_id as "unitId", starts_on::text as date from training_courses where id = $1`, id);

// ---- the commendation registry ----
const COMMENDATION = `id, unit_id as "unitId", recipient_kind as "recipientKind", recipient_name as "recipientName", awarded_by as "awardedBy", level,
  reason, awarded_on as "awardedOn", decision_no as "decisionNo", source_module as "sourceModule", source_id as "sourceId"`;

export async function insertCommendation(db: Db, v: CreateCommendation & By): Promise<Commendation> {
  return (
    await db.query<Commendation>(
      `insert into commendations (unit_id, recipient_kind, recipient_name, awarded_by, level, reason, awarded_on, decision_no, source_module, source_id, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${COMMENDATION}`,
      [v.unitId, v.recipientKind, v.recipientName, v.awardedBy, v.level, v.reason, v.awardedOn, v.decisionNo ?? null, v.source?.module ?? null, v.source?.id ?? null, v.createdBy],
    )
  )[0];
}

/** q.unit is the subtree's root; the other filters are optional. */
export async function listCommendationsUnder(db: Db, q: In<typeof CommendationQuery>): Promise<Commendation[]> {
  return db.query<Commendation>(
    `select ${COMMENDATION} from commendations where ${underUnit('$1::bigint', 'unit_id', 'awarded_on')}
            and ($2::date is null or awarded_on >= $2::date) and ($3::date is null or awarded_on <= $3::date)
            and ($4::text is null or source_module = $4) and ($5::text is null or source_id = $5)
          order by awarded_on desc, id desc limit 1000`,
    [q.unit, q.from ?? null, q.to ?? null, q.sourceModule ?? null, q.sourceId ?? null],
  );
}

// ---- coordination programmes ----
const PROGRAMME = `p.id, p.unit_id as "unitId", p.partner, p.partner_kind as "partnerKind", p.title, p.signed_on as "signedOn", p.ends_on as "endsOn",
  coalesce((select json_agg(json_build_object('year', r.year, 'reviewedOn', r.reviewed_on, 'result', r.result) order by r.year)
              from coordination_reviews r where r.programme_id = p.id), '[]') as reviews`;

export async function insertProgramme(db: Db, v: In<typeof CreateProgramme> & By): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into coordination_programmes (unit_id, partner, partner_kind, title, signed_on, ends_on, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [v.unitId, v.partner, v.partnerKind, v.title, v.signedOn, v.endsOn ?? null, v.createdBy],
  );
  return id;
}

export async function findProgramme(db: Db, id: number): Promise<Programme> {
  return (await db.query<Programme>(`select ${PROGRAMME} from coordination_programmes p where p.id = $1`, [id]))[0];
}

export async function findProgrammeUnit(db: Db, id: number): Promise<{ unit_id: number; signed_on: string } | undefined> {
  return (await db.query<{ unit_id: number; signed_on: string }>('select unit_id, signed_on from coordination_programmes where id = $1', [id]))[0];
}

/** False when the programme already has a review for that year. */
export async function insertProgrammeReview(db: Db, programmeId: number, v: In<typeof ReviewProgramme> & By): Promise<boolean> {
  const rows = await db.query(
    `insert into coordination_reviews (programme_id, year, reviewed_on, result, created_by) values ($1, $2, $3, $4, $5)
       on conflict (programme_id, year) do nothing returning id`,
    [programmeId, v.year, v.reviewedOn, v.result, v.createdBy],
  );
  return rows.length > 0;
}

export async function listProgrammesUnder(db: Db, unitId: number): Promise<Programme[]> {
  return db.query<Programme>(
    `select ${PROGRAMME} from coordination_programmes p where ${underUnit('$1::bigint', 'p.unit_id', 'p.signed_on')} order by p.signed_on desc limit 500`,
    [unitId],
  );
}

export const locateProgramme = (db: Db, id: number) => locate(db, `select unit_id as "unitId", signed_on::text as date from coordination_programmes where id = $1`, id);
