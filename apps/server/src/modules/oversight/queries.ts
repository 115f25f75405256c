import type { ActivityDetail, ActivityItem, Recommendation, RecommendationListQuery, RecommendationPage } from '@contract/oversight';
import type { Db } from '../../db/db';
import { scopeCondition, today, type CurrentUser } from '../../platform/access';
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
