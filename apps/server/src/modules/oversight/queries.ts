import type { ActivityDetail, ActivityItem, PublicSupervision, Recommendation, RecommendationListQuery, RecommendationPage } from '@contract/oversight';
import type { UnitLevel } from '@contract/units';
import type { Db } from '../../db/db';
import { scopeCondition, today, type CurrentUser } from '../../platform/access';
import type { Located } from '../../platform/endpoints';
import { Where } from '../../platform/sql';
import { PLACES_SQL, unitNameAt } from '../petitions/queries';

type RecRow = {
  id: number;
  activity_id: number;
  activity_title: string;
  unit_id: number;
  unit_name: string;
  made_on: string;
  content: string;
  agency: string;
  due_on: string;
  status: Recommendation['status'];
  open_due_on: string | null;
  answer: string | null;
  answered_on: string | null;
  done_on: string | null;
};

const REC_COLUMNS = `r.id, r.activity_id, a.title as activity_title, r.unit_id, ${unitNameAt('r.unit_id', 'r.made_on')} as unit_name, r.made_on,
  r.content, r.agency, r.due_on, r.status, r.open_due_on, r.answer, r.answered_on, r.done_on`;

export const toRecommendation = (r: RecRow, on: string): Recommendation => ({
  id: r.id,
  activityId: r.activity_id,
  activityTitle: r.activity_title,
  unitId: r.unit_id,
  unitName: r.unit_name,
  madeOn: r.made_on,
  content: r.content,
  agency: r.agency,
  dueOn: r.due_on,
  status: r.status,
  overdue: r.open_due_on !== null && r.open_due_on < on,
  answer: r.answer,
  answeredOn: r.answered_on,
  doneOn: r.done_on,
});

/**
 * Recommendations in the user's scope, optionally of one unit's subtree through its history (a merged
 * ward's open recommendations belong to its successor). Overdue: open with its due date before today,
 * found through the partial index on (unit_id, open_due_on) so a province's list reads no closed item.
 */
export async function listRecommendations(db: Db, user: CurrentUser, q: RecommendationListQuery, on = today()): Promise<RecommendationPage> {
  const w = new Where();
  const unit = q.unit ?? (user.role === 'admin' ? undefined : (user.unitId ?? undefined));
  let from = 'oversight_recommendations r';
  if (unit !== undefined) {
    from = `(${PLACES_SQL(`$${w.params.push(unit)}::bigint`)}) s
      join oversight_recommendations r on r.unit_id = s.unit_id and r.made_on >= s.valid_from and r.made_on < s.valid_to`;
  }
  if (unit === undefined || unit !== user.unitId) w.scoped((n) => scopeCondition(user, 'r.unit_id', 'r.made_on', n));
  if (q.overdue) w.add((p) => `r.open_due_on < ${p(on)}::date`);
  if (q.status) w.add((p) => `r.status = ${p(q.status)}`);
  const order = q.overdue ? 'r.open_due_on, r.id' : 'r.made_on desc, r.id desc';
  const rows = await db.query<RecRow & { total: number }>(
    `with page as (select r.id, count(*) over ()::int as total from ${from} where ${w.sql}
                    order by ${order} limit ${Number(q.limit)} offset ${Number(q.offset)})
     select ${REC_COLUMNS}, page.total from page join oversight_recommendations r on r.id = page.id
       join oversight_activities a on a.id = r.activity_id order by ${order}`,
    w.params,
  );
  let total = rows[0]?.total ?? 0;
  if (!rows.length && q.offset > 0) {
    [{ n: total }] = await db.query<{ n: number }>(`select count(*)::int as n from ${from} where ${w.sql}`, w.params);
  }
  return { items: rows.map((r) => toRecommendation(r, on)), total };
}

export async function recommendationsOf(db: Db, activityId: number, on = today()): Promise<Recommendation[]> {
  const rows = await db.query<RecRow>(
    `select ${REC_COLUMNS} from oversight_recommendations r join oversight_activities a on a.id = r.activity_id
      where r.activity_id = $1 order by r.id`,
    [activityId],
  );
  return rows.map((r) => toRecommendation(r, on));
}

export async function recommendationFacts(db: Db, id: number) {
  const [r] = await db.query<{ id: number; unit_id: number; made_on: string; status: Recommendation['status']; due_on: string; activity_id: number }>(
    'select id, unit_id, made_on, status, due_on, activity_id from oversight_recommendations where id = $1',
    [id],
  );
  return r;
}

type ActRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  kind: ActivityItem['kind'];
  form: ActivityItem['form'];
  title: string;
  subject_kind: ActivityItem['subjectKind'];
  subject: string;
  started_on: string;
  ended_on: string | null;
  status: ActivityItem['status'];
  recs: number;
  open_recs: number;
};
const ACT_COLUMNS = `a.id, a.unit_id, ${unitNameAt('a.unit_id', 'a.started_on')} as unit_name, a.kind, a.form, a.title, a.subject_kind, a.subject,
  a.started_on, a.ended_on, a.status,
  (select count(*)::int from oversight_recommendations r where r.activity_id = a.id) as recs,
  (select count(*)::int from oversight_recommendations r where r.activity_id = a.id and r.open_due_on is not null) as open_recs`;
const toItem = (r: ActRow): ActivityItem => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  kind: r.kind,
  form: r.form,
  title: r.title,
  subjectKind: r.subject_kind,
  subject: r.subject,
  startedOn: r.started_on,
  endedOn: r.ended_on,
  status: r.status,
  recommendations: r.recs,
  openRecommendations: r.open_recs,
});

/** Activities of a unit's subtree (through its history), newest first. */
export async function listActivities(db: Db, q: { unit: number; year?: number; kind?: string; limit: number }): Promise<ActivityItem[]> {
  const w = new Where([q.unit]);
  if (q.year) w.add((p) => `a.started_on between make_date(${p(q.year)}::int, 1, 1) and make_date(${p(q.year)}::int, 12, 31)`);
  if (q.kind) w.add((p) => `a.kind = ${p(q.kind)}`);
  const rows = await db.query<ActRow>(
    `select ${ACT_COLUMNS} from (${PLACES_SQL('$1::bigint')}) s
       join oversight_activities a on a.unit_id = s.unit_id and a.started_on >= s.valid_from and a.started_on < s.valid_to
      where ${w.sql} order by a.started_on desc, a.id desc limit ${Number(q.limit)}`,
    w.params,
  );
  return rows.map(toItem);
}

export type ActivityFacts = { id: number; unit_id: number; kind: ActivityItem['kind']; status: ActivityItem['status']; started_on: string };
export async function activityFacts(db: Db, id: number): Promise<ActivityFacts | undefined> {
  const [r] = await db.query<ActivityFacts>('select id, unit_id, kind, status, started_on from oversight_activities where id = $1', [id]);
  return r;
}

export async function activityDetail(db: Db, id: number): Promise<Omit<ActivityDetail, 'canWrite'> | undefined> {
  const [r] = await db.query<
    ActRow & {
      topic_id: number | null;
      team: string;
      documents: string;
      findings: string;
      conclusion: string;
      draft_title: string | null;
      participants: number | null;
      opinions_given: number | null;
      opinions_accepted: number | null;
    }
  >(
    `select ${ACT_COLUMNS}, a.topic_id, a.team, a.documents, a.findings, a.conclusion, a.draft_title, a.participants, a.opinions_given,
             a.opinions_accepted from oversight_activities a where a.id = $1`,
    [id],
  );
  if (!r) return undefined;
  return {
    ...toItem(r),
    topicId: r.topic_id,
    team: r.team,
    documents: r.documents,
    findings: r.findings,
    conclusion: r.conclusion,
    draftTitle: r.draft_title,
    participants: r.participants,
    opinionsGiven: r.opinions_given,
    opinionsAccepted: r.opinions_accepted,
    items: await recommendationsOf(db, id),
  };
}

/** Whether the unit existed on the date, and its level (undefined: no such unit). */
export async function unitOnDate(db: Db, unitId: number, date: string): Promise<{ ok: boolean; level: UnitLevel } | undefined> {
  const [u] = await db.query<{ ok: boolean; level: UnitLevel }>('select valid_from <= $2::date and $2::date < valid_to as ok, level from units where id = $1', [unitId, date]);
  return u;
}

// ---- writes of activities and recommendations ----

/** The topic belongs to a plan of the unit and is of the same kind. */
export async function topicOfUnitExists(tx: Db, topicId: number, unitId: number, kind: ActivityItem['kind']): Promise<boolean> {
  const ok = await tx.query(
    `select 1 from oversight_plan_topics t join oversight_plans p on p.id = t.plan_id
          where t.id = $1 and p.unit_id = $2 and t.kind = $3`,
    [topicId, unitId, kind],
  );
  return ok.length > 0;
}

export type ActivityInsert = {
  unitId: number;
  kind: ActivityItem['kind'];
  form: ActivityItem['form'];
  topicId: number | null;
  title: string;
  subjectKind: ActivityItem['subjectKind'];
  subject: string;
  team: string;
  startedOn: string;
  documents: string;
  draftTitle: string | null;
  participants: number | null;
  opinionsGiven: number | null;
  opinionsAccepted: number | null;
  createdBy: number;
};

export async function insertActivity(tx: Db, a: ActivityInsert): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into oversight_activities (unit_id, kind, form, topic_id, title, subject_kind, subject, team, started_on, documents, draft_title,
                                         participants, opinions_given, opinions_accepted, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
    [
      a.unitId,
      a.kind,
      a.form,
      a.topicId,
      a.title,
      a.subjectKind,
      a.subject,
      a.team,
      a.startedOn,
      a.documents,
      a.draftTitle,
      a.participants,
      a.opinionsGiven,
      a.opinionsAccepted,
      a.createdBy,
    ],
  );
  return id;
}

/** Locks the activity's row; false when there is none. */
export async function lockActivity(tx: Db, id: number): Promise<boolean> {
  const [lock] = await tx.query('select id from oversight_activities where id = $1 for update', [id]);
  return !!lock;
}

export async function updateActivityOpinions(tx: Db, id: number, given: number, accepted: number): Promise<void> {
  await tx.query('update oversight_activities set opinions_given = $2, opinions_accepted = $3 where id = $1', [id, given, accepted]);
}

export async function updateActivityCompleted(tx: Db, id: number, v: { endedOn: string; findings: string; conclusion: string }): Promise<void> {
  await tx.query(`update oversight_activities set status = 'completed', ended_on = $2, findings = $3, conclusion = $4 where id = $1`, [id, v.endedOn, v.findings, v.conclusion]);
}

/** A new recommendation is open: its open_due_on is its due date. */
export async function insertRecommendation(tx: Db, r: { activityId: number; unitId: number; madeOn: string; content: string; agency: string; dueOn: string }): Promise<void> {
  await tx.query(
    `insert into oversight_recommendations (activity_id, unit_id, made_on, content, agency, due_on, open_due_on)
       values ($1, $2, $3, $4, $5, $6, $6)`,
    [r.activityId, r.unitId, r.madeOn, r.content, r.agency, r.dueOn],
  );
}

/** Locks the recommendation's row; false when there is none. */
export async function lockRecommendation(tx: Db, id: number): Promise<boolean> {
  const [lock] = await tx.query('select id from oversight_recommendations where id = $1 for update', [id]);
  return !!lock;
}

/** The answer is kept once given (and its first date); open_due_on is null once the recommendation is closed. */
export async function updateRecommendationFollow(
  tx: Db,
  id: number,
  v: { status: Recommendation['status']; answer: string | null; date: string; doneOn: string | null; dueOn: string; openDueOn: string | null },
): Promise<void> {
  await tx.query(
    `update oversight_recommendations set status = $2, answer = coalesce($3, answer), answered_on = coalesce(answered_on, $4::date),
              done_on = $5, due_on = $6, open_due_on = $7 where id = $1`,
    [id, v.status, v.answer, v.date, v.doneOn, v.dueOn, v.openDueOn],
  );
}

// ---- public page ----

export async function findCommuneByCode(db: Db, code: string, on: string): Promise<{ id: number } | undefined> {
  const [u] = await db.query<{ id: number }>(`select id from units where code = $1 and level = 'commune' and valid_from <= $2::date and $2::date < valid_to`, [code, on]);
  return u;
}

export type PublicSupervisionRow = Omit<PublicSupervision, 'recommendations'> & {
  recs: Array<{ content: string; agency: string; dueOn: string; status: string; open: boolean }> | null;
};

/** Completed activities of the ward's subtree through its history, each with its recommendations (open: overdue on `on`). */
export async function listPublicSupervisions(db: Db, unitId: number, on: string): Promise<PublicSupervisionRow[]> {
  return db.query<PublicSupervisionRow>(
    `select a.title, a.kind, ${unitNameAt('a.unit_id', 'a.started_on')} as "unitName", a.subject, a.started_on as "startedOn", a.ended_on as "endedOn",
            a.conclusion,
            (select json_agg(json_build_object('content', r.content, 'agency', r.agency, 'dueOn', r.due_on, 'status', r.status,
                                               'open', r.open_due_on is not null and r.open_due_on < $2::date) order by r.id)
               from oversight_recommendations r where r.activity_id = a.id) as recs
       from (${PLACES_SQL('$1::bigint')}) s
       join oversight_activities a on a.unit_id = s.unit_id and a.started_on >= s.valid_from and a.started_on < s.valid_to
      where a.status = 'completed' order by a.ended_on desc, a.id desc limit 100`,
    [unitId, on],
  );
}

// ---- locators: where each oversight record lies (unit and date), for the endpoints declared with atRecord() ----

const locate = async (db: Db, sql: string, id: number): Promise<Located | undefined> => {
  const [r] = await db.query<{ unitId: number; date: string }>(sql, [id]);
  return r;
};

export const locatePlan = (db: Db, id: number) => locate(db, `select unit_id as "unitId", make_date(year, 1, 1)::text as date from oversight_plans where id = $1`, id);
export const locateActivity = (db: Db, id: number) => locate(db, `select unit_id as "unitId", started_on::text as date from oversight_activities where id = $1`, id);
export const locateRecommendation = (db: Db, id: number) => locate(db, `select unit_id as "unitId", made_on::text as date from oversight_recommendations where id = $1`, id);
export const locateBoard = (db: Db, id: number) => locate(db, `select unit_id as "unitId", valid_from::text as date from inspection_boards where id = $1`, id);
export const locateBoardSupervision = (db: Db, id: number) => locate(db, `select unit_id as "unitId", held_on::text as date from inspection_supervisions where id = $1`, id);
export const locateMediationCase = (db: Db, id: number) => locate(db, `select unit_id as "unitId", received_on::text as date from mediation_cases where id = $1`, id);
