// Annual grading: a grade is proposed from the year's metrics with the evidence kept beside it, then
// decided by a person of a higher unit; a grade that differs from the proposal needs its reason.
import type { z } from 'zod';
import type { DecideGrading, Evidence, Grade, Grading, ProposeGrading } from '@contract/direction';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError, assertFound } from '../../platform/errors';
import { computeMetric, getMetric, listMetrics } from '../../platform/metrics';
import { underUnit, unitNameAt } from './queries';

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

const GRADING = `g.id, g.unit_id as "unitId", ${unitNameAt('g.unit_id', 'make_date(g.year, 12, 31)')} as "unitName", u.level, g.year,
  g.proposed_grade as "proposedGrade", g.evidence, g.grade, g.reason, du.display_name as "decidedBy", g.decided_on as "decidedOn"`;
const GRADING_FROM = `gradings g join units u on u.id = g.unit_id left join users du on du.id = g.decided_by`;

async function gradingById(db: Db, id: number): Promise<Grading> {
  return assertFound((await db.query<Grading>(`select ${GRADING} from ${GRADING_FROM} where g.id = $1`, [id]))[0]);
}

/** The day a unit's year is graded on: the year's last day, or the unit's last day if it ended that year. */
export const GRADED_ON = (unitExpr: string, yearExpr: string) => `least(make_date(${yearExpr}, 12, 31), (select valid_to - 1 from units where id = ${unitExpr}))`;

/**
 * The grader reaches the graded unit on the day its year is graded on (the scope rule, as the endpoint's
 * record locator checks it), and its unit (or a unit whose history it carries) held it strictly below.
 */
async function assertGrader(tx: Db, ctx: Ctx, unitId: number, year: number) {
  const [{ on }] = await tx.query<{ on: string }>(`select ${GRADED_ON('$1::bigint', '$2::int')}::text as "on"`, [unitId, year]);
  await assertUnitAccess(tx, ctx.user, 'direction.issue', unitId, on);
  if (ctx.user.role === 'admin') return;
  const [r] = await tx.query<{ ok: boolean }>(`select ${underUnit('$1::bigint', '$2::bigint', '$3::date', true)} as ok`, [ctx.user.unitId, unitId, on]);
  if (!r.ok) throw new AppError('DIRECTION_NOT_BELOW');
}

/** Computes (or recomputes, while undecided) the proposed grade of a unit for a year, with its evidence. */
export async function proposeGrading(ctx: Ctx, input: z.infer<typeof ProposeGrading>): Promise<Grading> {
  return ctx.db.tx(async (tx) => {
    const [u] = await tx.query<{ level: string }>('select level from units where id = $1', [input.unitId]);
    if (!u) throw new AppError('UNIT_NOT_FOUND');
    await assertGrader(tx, ctx, input.unitId, input.year);
    const [existing] = await tx.query<{ id: number; grade: string | null; proposed_grade: string | null }>(
      'select id, grade, proposed_grade from gradings where unit_id = $1 and year = $2',
      [input.unitId, input.year],
    );
    if (existing?.grade) throw new AppError('GRADING_ALREADY_DECIDED');
    const evidence = await gradingEvidence(tx, input.unitId, u.level, input.year);
    const proposed = proposeFrom(evidence);
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into gradings (unit_id, year, proposed_grade, evidence) values ($1, $2, $3, $4::jsonb)
       on conflict (unit_id, year) do update set proposed_grade = excluded.proposed_grade, evidence = excluded.evidence returning id`,
      [input.unitId, input.year, proposed, JSON.stringify(evidence)],
    );
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
    await tx.query('update gradings set grade = $2, reason = $3, decided_by = $4, decided_on = $5 where id = $1', [id, input.grade, reason, ctx.user.id, today()]);
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
  return db.query<Grading>(
    `select ${GRADING} from ${GRADING_FROM}
      where ${underUnit('$1::bigint', 'g.unit_id', `least(make_date(g.year, 12, 31), u.valid_to - 1)`)} and ($2::int is null or g.year = $2)
      order by g.year desc, u.level, "unitName" limit 2000`,
    [unitId, year ?? null],
  );
}
