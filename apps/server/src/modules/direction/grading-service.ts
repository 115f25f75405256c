// Annual grading: a grade is proposed from the year's metrics with the evidence kept beside it, then
// decided by a person of a higher unit; a grade that differs from the proposal needs its reason.
import type { z } from 'zod';
import type { DecideGrading, Evidence, Grade, Grading, ProposeGrading } from '@contract/direction';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError, assertFound } from '../../platform/errors';
import { computeMetric, getMetric, listMetrics } from '../../platform/metrics';
import { findGrading, findGradingOf, findUnitLevel, gradedOn, heldBelow, listGradingsUnder, updateDecision, upsertProposal } from './queries-grading';

/** The criteria: a rate each, numerator over denominator, restricted to the unit's own level where the metric has level dims. */
const CRITERIA: Array<{ key: string; num: string; den: string; byLevel: boolean; label: { vi: string; en: string } }> = [
  {
    key: 'obligations',
    num: 'direction.obligations_on_time',
    den: 'direction.obligations_due',
    byLevel: true,
    label: { vi: 'Yêu cầu của cấp trên được trả lời đúng hạn', en: 'Obligations from above answered on time' },
  },
  { key: 'key_tasks', num: 'org.key_tasks_completed', den: 'org.key_tasks', byLevel: true, label: { vi: 'Nhiệm vụ trọng tâm đã hoàn thành', en: 'Key tasks completed' } },
  {
    key: 'elections',
    num: 'elections.tasks_done',
    den: 'elections.tasks_due',
    byLevel: false,
    label: { vi: 'Nhiệm vụ bầu cử, đại hội hoàn thành', en: 'Election and congress tasks done' },
  },
  { key: 'training', num: 'training.staff_trained', den: 'training.staff', byLevel: false, label: { vi: 'Cán bộ chuyên trách được tập huấn', en: 'Full-time staff trained' } },
  {
    key: 'situation_reports',
    num: 'petitions.situation_reports_on_time',
    den: 'petitions.situation_reports_due',
    byLevel: false,
    label: { vi: 'Báo cáo tình hình Nhân dân đúng hạn', en: 'Situation reports on time' },
  },
];

/** Average of the measured rates: ≥ 95% excellent, ≥ 80% good, ≥ 50% complete, else weak; nothing measured → no proposal. */
export function proposeFrom(evidence: Evidence[]): Grade | null {
  const rates = evidence.map((e) => e.rate).filter((r): r is number => r !== null);
  if (!rates.length) return null;
  const avg = rates.reduce((a, b) => a + b, 0) / rates.length;
  return avg >= 95 ? 'excellent' : avg >= 80 ? 'good' : avg >= 50 ? 'complete' : 'weak';
}

/** The unit's figures for the year, one per criterion whose metrics are registered. */
export async function gradingEvidence(db: Db, unitId: number, level: string, year: number): Promise<Evidence[]> {
  const registered = new Set(listMetrics().map((m) => m.key));
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const out: Evidence[] = [];
  for (const c of CRITERIA) {
    if (!registered.has(c.num) || !registered.has(c.den)) continue;
    const value = async (key: string) => {
      const row = (await computeMetric(db, getMetric(key), { unitIds: [unitId], from, to, view: 'then' })).get(unitId)!;
      return c.byLevel ? (row.byDim[level] ?? 0) : row.value;
    };
    const numerator = await value(c.num);
    const denominator = await value(c.den);
    out.push({ key: c.key, label: c.label, numerator, denominator, rate: denominator > 0 ? Math.min(100, (numerator * 100) / denominator) : null });
  }
  return out;
}

async function gradingById(db: Db, id: number): Promise<Grading> {
  return assertFound(await findGrading(db, id));
}

/**
 * The grader reaches the graded unit on the day its year is graded on (the scope rule, as the endpoint's
 * record locator checks it), and its unit (or a unit whose history it carries) held it strictly below.
 */
async function assertGrader(tx: Db, ctx: Ctx, unitId: number, year: number) {
  const on = await gradedOn(tx, unitId, year);
  await assertUnitAccess(tx, ctx.user, 'direction.issue', unitId, on);
  if (ctx.user.role === 'admin') return;
  if (!(await heldBelow(tx, ctx.user.unitId, unitId, on))) throw new AppError('DIRECTION_NOT_BELOW');
}

/** Computes (or recomputes, while undecided) the proposed grade of a unit for a year, with its evidence. */
export async function proposeGrading(ctx: Ctx, input: z.infer<typeof ProposeGrading>): Promise<Grading> {
  return ctx.db.tx(async (tx) => {
    const level = await findUnitLevel(tx, input.unitId);
    if (level === undefined) throw new AppError('UNIT_NOT_FOUND');
    await assertGrader(tx, ctx, input.unitId, input.year);
    const existing = await findGradingOf(tx, input.unitId, input.year);
    if (existing?.grade) throw new AppError('GRADING_ALREADY_DECIDED');
    const evidence = await gradingEvidence(tx, input.unitId, level, input.year);
    const proposed = proposeFrom(evidence);
    const id = await upsertProposal(tx, { unitId: input.unitId, year: input.year, proposed, evidence });
    await audit(tx, ctx.user, {
      action: 'propose',
      entity: 'grading',
      entityId: id,
      unitId: input.unitId,
      before: existing ? { proposedGrade: existing.proposed_grade } : undefined,
      after: { year: input.year, proposedGrade: proposed, evidence },
    });
    return gradingById(tx, id);
  });
}

/**
 * A person decides the grade. Differing from the proposal (or deciding without one, or changing an
 * earlier decision) needs a reason; who decided, when and why stay on the record and in the audit trail.
 */
export async function decideGrading(ctx: Ctx, id: number, input: z.infer<typeof DecideGrading>): Promise<Grading> {
  return ctx.db.tx(async (tx) => {
    const before = await gradingById(tx, id);
    await assertGrader(tx, ctx, before.unitId, before.year);
    const reason = input.reason?.trim() || null;
    const changes = before.grade ? before.grade !== input.grade : before.proposedGrade !== input.grade;
    if ((changes || before.proposedGrade === null) && !reason) throw new AppError('GRADING_REASON_REQUIRED');
    await updateDecision(tx, id, { grade: input.grade, reason, decidedBy: ctx.user.id, decidedOn: today() });
    const after = await gradingById(tx, id);
    await audit(tx, ctx.user, {
      action: 'decide',
      entity: 'grading',
      entityId: id,
      unitId: before.unitId,
      before: { proposedGrade: before.proposedGrade, grade: before.grade, reason: before.reason },
      after: { grade: after.grade, reason: after.reason, decidedBy: ctx.user.username, decidedOn: after.decidedOn },
    });
    return after;
  });
}

/** Gradings of the units in a unit's subtree (through its history), optionally of one year. */
export async function listGradings({ db, user }: Ctx, unitId: number, year?: number): Promise<Grading[]> {
  await assertUnitAccess(db, user, 'direction.read', unitId);
  return listGradingsUnder(db, unitId, year ?? null);
}
