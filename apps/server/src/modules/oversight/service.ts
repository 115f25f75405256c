import type {
  ActivityDetail,
  AddRecommendations,
  ApprovePlan,
  CompleteActivity,
  CreateActivity,
  CreatePlan,
  FollowRecommendation,
  Plan,
  Recommendation,
  RecommendationInput,
} from '@contract/oversight';
import type { UnitLevel } from '@contract/units';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, unitsInScope, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { unitNameAt } from '../petitions/queries';
import { activityDetail, activityFacts, recommendationFacts, recommendationsOf } from './queries';
import { assertTransition, isOpenRecommendation, plain, requirementsFor } from './rules';

/** A user of an ended unit records nothing on or after its end. */
export function assertActive(user: CurrentUser, date: string): void {
  if (user.unitValidTo && date >= user.unitValidTo) throw new AppError('UNIT_ENDED');
}

/** A fact's date: not in the future, not before `notBefore`, and within the life of its unit. */
export async function assertFactDate(db: Db, unitId: number, date: string, notBefore = '1900-01-01'): Promise<UnitLevel> {
  if (date > today() || date < notBefore) throw new AppError('OVERSIGHT_DATE_INVALID', { date });
  const [u] = await db.query<{ ok: boolean; level: UnitLevel }>('select valid_from <= $2::date and $2::date < valid_to as ok, level from units where id = $1', [unitId, date]);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  if (!u.ok) throw new AppError('OVERSIGHT_DATE_INVALID', { date });
  return u.level;
}

const text = (s: string) => {
  const t = plain(s);
  if (!t) throw new AppError('OVERSIGHT_EMPTY_TEXT');
  return t;
};

// ---- plans ----

export async function getPlan({ db, user }: Ctx, unitId: number, year: number): Promise<Plan | null> {
  await assertUnitAccess(db, user, 'oversight.read', unitId);
  const [p] = await db.query<{ id: number }>('select id from oversight_plans where unit_id = $1 and year = $2', [unitId, year]);
  return p ? presentPlan(db, p.id) : null;
}

async function presentPlan(db: Db, id: number): Promise<Plan> {
  const [p] = await db.query<{
    id: number;
    unit_id: number;
    unit_name: string;
    level: UnitLevel;
    year: number;
    status: Plan['status'];
    approved_on: string | null;
    party_opinion: string | null;
    party_opinion_on: string | null;
  }>(
    `select p.id, p.unit_id, ${unitNameAt('p.unit_id', 'make_date(p.year, 6, 30)')} as unit_name, u.level, p.year, p.status, p.approved_on,
             p.party_opinion, p.party_opinion_on from oversight_plans p join units u on u.id = p.unit_id where p.id = $1`,
    [id],
  );
  const topics = await db.query<Plan['topics'][number]>(
    `select t.id, t.kind, t.title, t.subject_kind as "subjectKind", t.subject, t.form, t.quarter,
            (select min(a.id) from oversight_activities a where a.topic_id = t.id) as "activityId"
       from oversight_plan_topics t where t.plan_id = $1 order by t.quarter, t.id`,
    [id],
  );
  // Target 10 counts the supervisions the Front leads (topics) and every criticism: so do the plan and its progress.
  const counts = (kind: string, form: string) => kind === 'criticism' || form === 'direct';
  const planned = (kind: string) => topics.filter((t) => t.kind === kind && counts(t.kind, t.form)).length;
  const carried = await db.query<{ kind: string; n: number }>(
    `select kind, count(*)::int as n from oversight_activities
      where unit_id = $1 and started_on >= make_date($2, 1, 1) and started_on < make_date($2 + 1, 1, 1) and (kind = 'criticism' or form = 'direct')
      group by kind`,
    [p.unit_id, p.year],
  );
  const requirements = requirementsFor(p.level).map((r) => {
    const n = planned(r.kind);
    return { ...r, planned: n, gap: Math.max(0, r.min - n), done: carried.find((c) => c.kind === r.kind)?.n ?? 0 };
  });
  return {
    id: p.id,
    unitId: p.unit_id,
    unitName: p.unit_name,
    year: p.year,
    status: p.status,
    approvedOn: p.approved_on,
    partyOpinion: p.party_opinion,
    partyOpinionOn: p.party_opinion_on,
    topics,
    requirements,
  };
}

/** Drafts a unit's plan for a year, or replaces the topics of its draft. */
export async function savePlan(ctx: Ctx, input: CreatePlan): Promise<Plan> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'oversight.write', input.unitId);
    assertActive(ctx.user, today());
    const [existing] = await tx.query<{ id: number; status: string }>('select id, status from oversight_plans where unit_id = $1 and year = $2 for update', [
      input.unitId,
      input.year,
    ]);
    if (existing?.status === 'approved') throw new AppError('OVERSIGHT_PLAN_APPROVED');
    const before = existing ? await presentPlan(tx, existing.id) : undefined;
    let id = existing?.id;
    if (!id) {
      [{ id }] = await tx.query<{ id: number }>('insert into oversight_plans (unit_id, year, created_by) values ($1, $2, $3) returning id', [
        input.unitId,
        input.year,
        ctx.user.id,
      ]);
    } else await tx.query('delete from oversight_plan_topics where plan_id = $1 and id not in (select topic_id from oversight_activities where topic_id is not null)', [id]);
    for (const t of input.topics) {
      await tx.query(`insert into oversight_plan_topics (plan_id, kind, title, subject_kind, subject, form, quarter) values ($1, $2, $3, $4, $5, $6, $7)`, [
        id,
        t.kind,
        text(t.title),
        t.subjectKind,
        text(t.subject),
        t.form,
        t.quarter,
      ]);
    }
    const after = await presentPlan(tx, id!);
    await audit(tx, ctx.user, { action: existing ? 'update' : 'create', entity: 'oversight_plan', entityId: id!, unitId: input.unitId, before, after });
    return after;
  });
}

/** The standing committee approves the plan, recording the Party committee's opinion. */
export async function approvePlan(ctx: Ctx, id: number, input: ApprovePlan): Promise<Plan> {
  return ctx.db.tx(async (tx) => {
    const [p] = await tx.query<{ unit_id: number; status: string; year: number }>('select unit_id, status, year from oversight_plans where id = $1 for update', [id]);
    if (!p) throw new AppError('NOT_FOUND', { planId: id });
    // The plan is a fact of its year (as its locator says): a merged ward's plan belongs to its successor.
    await assertUnitAccess(tx, ctx.user, 'oversight.approve', p.unit_id, `${p.year}-01-01`);
    assertActive(ctx.user, today());
    if (p.status === 'approved') throw new AppError('OVERSIGHT_PLAN_APPROVED');
    const before = await presentPlan(tx, id);
    if (before.topics.length === 0) throw new AppError('OVERSIGHT_PLAN_EMPTY');
    const on = input.approvedOn ?? today();
    if (on > today() || (input.partyOpinionOn && input.partyOpinionOn > today())) throw new AppError('OVERSIGHT_DATE_INVALID', { date: on });
    await tx.query(`update oversight_plans set status = 'approved', approved_on = $2, approved_by = $3, party_opinion = $4, party_opinion_on = $5 where id = $1`, [
      id,
      on,
      ctx.user.id,
      input.partyOpinion ? plain(input.partyOpinion) : null,
      input.partyOpinionOn ?? null,
    ]);
    const after = await presentPlan(tx, id);
    await audit(tx, ctx.user, { action: 'approve', entity: 'oversight_plan', entityId: id, unitId: p.unit_id, before, after });
    return after;
  });
}

// ---- supervisions and criticisms ----

export async function getActivity({ db, user }: Ctx, id: number): Promise<ActivityDetail> {
  const f = await activityFacts(db, id);
  if (!f) throw new AppError('NOT_FOUND', { activityId: id });
  await assertUnitAccess(db, user, 'oversight.read', f.unit_id, f.started_on);
  return present(db, user, id);
}

async function present(db: Db, user: CurrentUser, id: number): Promise<ActivityDetail> {
  const d = (await activityDetail(db, id))!;
  const writable = await unitsInScope(db, user, 'oversight.write', [d.unitId]);
  const ended = !!user.unitValidTo && today() >= user.unitValidTo;
  return { ...d, canWrite: writable.has(d.unitId) && !ended };
}

const snapshot = (d: ActivityDetail) => ({
  unitId: d.unitId,
  kind: d.kind,
  form: d.form,
  title: d.title,
  subject: d.subject,
  startedOn: d.startedOn,
  endedOn: d.endedOn,
  status: d.status,
  conclusion: d.conclusion,
  recommendations: d.items.map((r) => ({ id: r.id, status: r.status, dueOn: r.dueOn })),
});

/** Records a supervision or criticism started by a unit's Front. */
export async function createActivity(ctx: Ctx, input: CreateActivity): Promise<ActivityDetail> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'oversight.write', input.unitId, input.startedOn);
    assertActive(ctx.user, today());
    await assertFactDate(tx, input.unitId, input.startedOn);
    if (input.topicId) {
      const ok = await tx.query(
        `select 1 from oversight_plan_topics t join oversight_plans p on p.id = t.plan_id
          where t.id = $1 and p.unit_id = $2 and t.kind = $3`,
        [input.topicId, input.unitId, input.kind],
      );
      if (!ok.length) throw new AppError('OVERSIGHT_TOPIC_INVALID', { topicId: input.topicId });
    }
    const criticism = input.kind === 'criticism';
    if (criticism && (!input.draftTitle?.trim() || input.participants === undefined || input.opinionsGiven === undefined || (input.opinionsAccepted ?? 0) > input.opinionsGiven))
      throw new AppError('OVERSIGHT_CRITICISM_FIELDS');
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into oversight_activities (unit_id, kind, form, topic_id, title, subject_kind, subject, team, started_on, documents, draft_title,
                                         participants, opinions_given, opinions_accepted, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
      [
        input.unitId,
        input.kind,
        input.form,
        input.topicId ?? null,
        text(input.title),
        input.subjectKind,
        text(input.subject),
        plain(input.team),
        input.startedOn,
        plain(input.documents),
        criticism ? plain(input.draftTitle!) : null,
        criticism ? input.participants : null,
        criticism ? input.opinionsGiven : null,
        criticism ? (input.opinionsAccepted ?? 0) : null,
        ctx.user.id,
      ],
    );
    const after = await present(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'oversight_activity', entityId: id, unitId: input.unitId, after: snapshot(after) });
    return after;
  });
}

async function insertRecommendations(tx: Db, activityId: number, unitId: number, madeOn: string, recs: RecommendationInput[]): Promise<void> {
  for (const r of recs) {
    if (r.dueOn < madeOn) throw new AppError('RECOMMENDATION_DUE_INVALID', { dueOn: r.dueOn });
    await tx.query(
      `insert into oversight_recommendations (activity_id, unit_id, made_on, content, agency, due_on, open_due_on)
       values ($1, $2, $3, $4, $5, $6, $6)`,
      [activityId, unitId, madeOn, text(r.content), text(r.agency), r.dueOn],
    );
  }
}

/** Ends an activity with its findings, conclusion and recommendations (each with its agency and due date). */
export async function completeActivity(ctx: Ctx, id: number, input: CompleteActivity): Promise<ActivityDetail> {
  return ctx.db.tx(async (tx) => {
    const [lock] = await tx.query('select id from oversight_activities where id = $1 for update', [id]);
    const f = lock ? await activityFacts(tx, id) : undefined;
    if (!f) throw new AppError('NOT_FOUND', { activityId: id });
    await assertUnitAccess(tx, ctx.user, 'oversight.write', f.unit_id, f.started_on);
    assertActive(ctx.user, input.endedOn);
    if (f.status === 'completed') throw new AppError('OVERSIGHT_COMPLETED');
    await assertFactDate(tx, f.unit_id, input.endedOn, f.started_on);
    const conclusion = plain(input.conclusion);
    if (!conclusion) throw new AppError('OVERSIGHT_CONCLUSION_REQUIRED');
    const before = await present(tx, ctx.user, id);
    if (f.kind === 'criticism' && input.opinionsGiven !== undefined) {
      if ((input.opinionsAccepted ?? 0) > input.opinionsGiven) throw new AppError('OVERSIGHT_CRITICISM_FIELDS');
      await tx.query('update oversight_activities set opinions_given = $2, opinions_accepted = $3 where id = $1', [id, input.opinionsGiven, input.opinionsAccepted ?? 0]);
    }
    await tx.query(`update oversight_activities set status = 'completed', ended_on = $2, findings = $3, conclusion = $4 where id = $1`, [
      id,
      input.endedOn,
      plain(input.findings),
      conclusion,
    ]);
    await insertRecommendations(tx, id, f.unit_id, input.endedOn, input.recommendations);
    const after = await present(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: 'complete', entity: 'oversight_activity', entityId: id, unitId: f.unit_id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

export async function addRecommendations(ctx: Ctx, id: number, input: AddRecommendations): Promise<ActivityDetail> {
  return ctx.db.tx(async (tx) => {
    const f = await activityFacts(tx, id);
    if (!f) throw new AppError('NOT_FOUND', { activityId: id });
    await assertUnitAccess(tx, ctx.user, 'oversight.write', f.unit_id, f.started_on);
    const madeOn = input.madeOn ?? today();
    assertActive(ctx.user, madeOn);
    await assertFactDate(tx, f.unit_id, madeOn, f.started_on);
    const before = await present(tx, ctx.user, id);
    await insertRecommendations(tx, id, f.unit_id, madeOn, input.recommendations);
    const after = await present(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: 'recommend', entity: 'oversight_activity', entityId: id, unitId: f.unit_id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** Follows a recommendation: the agency's answer, then its remedy in part or in full, or its refusal. */
export async function followRecommendation(ctx: Ctx, id: number, input: FollowRecommendation): Promise<Recommendation> {
  return ctx.db.tx(async (tx) => {
    const [lock] = await tx.query('select id from oversight_recommendations where id = $1 for update', [id]);
    const r = lock ? await recommendationFacts(tx, id) : undefined;
    if (!r) throw new AppError('NOT_FOUND', { recommendationId: id });
    await assertUnitAccess(tx, ctx.user, 'oversight.write', r.unit_id, r.made_on);
    const date = input.date ?? today();
    assertActive(ctx.user, date);
    if (date > today() || date < r.made_on) throw new AppError('OVERSIGHT_DATE_INVALID', { date });
    assertTransition(r.status, input.status);
    if (input.dueOn && input.dueOn < r.made_on) throw new AppError('RECOMMENDATION_DUE_INVALID', { dueOn: input.dueOn });
    const before = (await recommendationsOf(tx, r.activity_id)).find((x) => x.id === id)!;
    const due = input.dueOn ?? r.due_on;
    const open = isOpenRecommendation(input.status);
    await tx.query(
      `update oversight_recommendations set status = $2, answer = coalesce($3, answer), answered_on = coalesce(answered_on, $4::date),
              done_on = $5, due_on = $6, open_due_on = $7 where id = $1`,
      [id, input.status, input.answer ? plain(input.answer) : null, date, input.status === 'done' ? date : null, due, open ? due : null],
    );
    const after = (await recommendationsOf(tx, r.activity_id)).find((x) => x.id === id)!;
    await audit(tx, ctx.user, {
      action: 'follow',
      entity: 'oversight_recommendation',
      entityId: id,
      unitId: r.unit_id,
      before: { status: before.status, dueOn: before.dueOn },
      after: { status: after.status, dueOn: after.dueOn, answeredOn: after.answeredOn, doneOn: after.doneOn },
    });
    return after;
  });
}
