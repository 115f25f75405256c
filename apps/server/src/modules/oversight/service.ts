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
import {
  activityDetail,
  activityFacts,
  insertActivity,
  insertRecommendation,
  lockActivity,
  lockRecommendation,
  recommendationFacts,
  recommendationsOf,
  topicOfUnitExists,
  unitOnDate,
  updateActivityCompleted,
  updateActivityOpinions,
  updateRecommendationFollow,
} from './queries';
import {
  countCarriedActivities,
  deleteUnusedPlanTopics,
  findPlan,
  findPlanId,
  insertPlan,
  insertPlanTopic,
  listPlanTopics,
  lockPlan,
  lockPlanOfYear,
  updatePlanApproved,
} from './queries-plans';
import { assertTransition, isOpenRecommendation, plain, requirementsFor } from './rules';

/** A user of an ended unit records nothing on or after its end. */
export function assertActive(user: CurrentUser, date: string): void {
  if (user.unitValidTo && date >= user.unitValidTo) throw new AppError('UNIT_ENDED');
}

/** A fact's date: not in the future, not before `notBefore`, and within the life of its unit. */
export async function assertFactDate(db: Db, unitId: number, date: string, notBefore = '1900-01-01'): Promise<UnitLevel> {
  if (date > today() || date < notBefore) throw new AppError('OVERSIGHT_DATE_INVALID', { date });
  const u = await unitOnDate(db, unitId, date);
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
  const id = await findPlanId(db, unitId, year);
  return id ? presentPlan(db, id) : null;
}

async function presentPlan(db: Db, id: number): Promise<Plan> {
  const p = await findPlan(db, id);
  const topics = await listPlanTopics(db, id);
  // Target 10 counts the supervisions the Front leads (topics) and every criticism: so do the plan and its progress.
  const counts = (kind: string, form: string) => kind === 'criticism' || form === 'direct';
  const planned = (kind: string) => topics.filter((t) => t.kind === kind && counts(t.kind, t.form)).length;
  const carried = await countCarriedActivities(db, p.unit_id, p.year);
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
    const existing = await lockPlanOfYear(tx, input.unitId, input.year);
    if (existing?.status === 'approved') throw new AppError('OVERSIGHT_PLAN_APPROVED');
    const before = existing ? await presentPlan(tx, existing.id) : undefined;
    let id = existing?.id;
    if (!id) id = await insertPlan(tx, input.unitId, input.year, ctx.user.id);
    else await deleteUnusedPlanTopics(tx, id);
    for (const t of input.topics) await insertPlanTopic(tx, id, { ...t, title: text(t.title), subject: text(t.subject) });
    const after = await presentPlan(tx, id!);
    await audit(tx, ctx.user, { action: existing ? 'update' : 'create', entity: 'oversight_plan', entityId: id!, unitId: input.unitId, before, after });
    return after;
  });
}

/** The standing committee approves the plan, recording the Party committee's opinion. */
export async function approvePlan(ctx: Ctx, id: number, input: ApprovePlan): Promise<Plan> {
  return ctx.db.tx(async (tx) => {
    const p = await lockPlan(tx, id);
    if (!p) throw new AppError('NOT_FOUND', { planId: id });
    // The plan is a fact of its year (as its locator says): a merged ward's plan belongs to its successor.
    await assertUnitAccess(tx, ctx.user, 'oversight.approve', p.unit_id, `${p.year}-01-01`);
    assertActive(ctx.user, today());
    if (p.status === 'approved') throw new AppError('OVERSIGHT_PLAN_APPROVED');
    const before = await presentPlan(tx, id);
    if (before.topics.length === 0) throw new AppError('OVERSIGHT_PLAN_EMPTY');
    const on = input.approvedOn ?? today();
    if (on > today() || (input.partyOpinionOn && input.partyOpinionOn > today())) throw new AppError('OVERSIGHT_DATE_INVALID', { date: on });
    await updatePlanApproved(tx, id, {
      approvedOn: on,
      approvedBy: ctx.user.id,
      partyOpinion: input.partyOpinion ? plain(input.partyOpinion) : null,
      partyOpinionOn: input.partyOpinionOn ?? null,
    });
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
      if (!(await topicOfUnitExists(tx, input.topicId, input.unitId, input.kind))) throw new AppError('OVERSIGHT_TOPIC_INVALID', { topicId: input.topicId });
    }
    const criticism = input.kind === 'criticism';
    if (criticism && (!input.draftTitle?.trim() || input.participants === undefined || input.opinionsGiven === undefined || (input.opinionsAccepted ?? 0) > input.opinionsGiven))
      throw new AppError('OVERSIGHT_CRITICISM_FIELDS');
    const id = await insertActivity(tx, {
      unitId: input.unitId,
      kind: input.kind,
      form: input.form,
      topicId: input.topicId ?? null,
      title: text(input.title),
      subjectKind: input.subjectKind,
      subject: text(input.subject),
      team: plain(input.team),
      startedOn: input.startedOn,
      documents: plain(input.documents),
      draftTitle: criticism ? plain(input.draftTitle!) : null,
      participants: criticism ? input.participants! : null,
      opinionsGiven: criticism ? input.opinionsGiven! : null,
      opinionsAccepted: criticism ? (input.opinionsAccepted ?? 0) : null,
      createdBy: ctx.user.id,
    });
    const after = await present(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'oversight_activity', entityId: id, unitId: input.unitId, after: snapshot(after) });
    return after;
  });
}

async function insertRecommendations(tx: Db, activityId: number, unitId: number, madeOn: string, recs: RecommendationInput[]): Promise<void> {
  for (const r of recs) {
    if (r.dueOn < madeOn) throw new AppError('RECOMMENDATION_DUE_INVALID', { dueOn: r.dueOn });
    await insertRecommendation(tx, { activityId, unitId, madeOn, content: text(r.content), agency: text(r.agency), dueOn: r.dueOn });
  }
}

/** Ends an activity with its findings, conclusion and recommendations (each with its agency and due date). */
export async function completeActivity(ctx: Ctx, id: number, input: CompleteActivity): Promise<ActivityDetail> {
  return ctx.db.tx(async (tx) => {
    const f = (await lockActivity(tx, id)) ? await activityFacts(tx, id) : undefined;
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
      await updateActivityOpinions(tx, id, input.opinionsGiven, input.opinionsAccepted ?? 0);
    }
    await updateActivityCompleted(tx, id, { endedOn: input.endedOn, findings: plain(input.findings), conclusion });
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
    const r = (await lockRecommendation(tx, id)) ? await recommendationFacts(tx, id) : undefined;
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
    await updateRecommendationFollow(tx, id, {
      status: input.status,
      answer: input.answer ? plain(input.answer) : null,
      date,
      doneOn: input.status === 'done' ? date : null,
      dueOn: due,
      openDueOn: open ? due : null,
    });
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
