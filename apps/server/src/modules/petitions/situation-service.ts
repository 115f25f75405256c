import type { z } from 'zod';
import type { CreateSituationPeriod, FileSituationReport, SituationOverview, SituationPeriod, SituationQuery } from '@contract/petitions';
import { today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { countPetitionsInScope } from './queries';
import { findPeriodForUnit, insertPeriod, insertReport, listPeriodsByIds, listSituationRows } from './queries-situation';
import { plainText } from './rules';

type In<T extends z.ZodType> = z.infer<T>;

export async function createPeriod(ctx: Ctx, input: In<typeof CreateSituationPeriod>): Promise<SituationPeriod> {
  if (!(input.startsOn <= input.endsOn && input.endsOn <= input.dueOn)) throw new AppError('PETITION_DATE_INVALID', input);
  return ctx.db.tx(async (tx) => {
    if (ctx.user.unitValidTo && today() >= ctx.user.unitValidTo) throw new AppError('UNIT_ENDED');
    const period = await insertPeriod(tx, input);
    if (!period) throw new AppError('CONFLICT', { startsOn: input.startsOn });
    await audit(tx, ctx.user, { action: 'create', entity: 'situation_period', entityId: period.id, unitId: input.unitId, after: period });
    return period;
  });
}

/** A unit files its report for a period: on time when filed on or before the due date. */
export async function fileReport(ctx: Ctx, input: In<typeof FileSituationReport>) {
  return ctx.db.tx(async (tx) => {
    const filedOn = input.filedOn ?? today();
    if (ctx.user.unitValidTo && filedOn >= ctx.user.unitValidTo) throw new AppError('UNIT_ENDED');
    const p = await findPeriodForUnit(tx, input.periodId, input.unitId);
    if (!p) throw new AppError('NOT_FOUND', { periodId: input.periodId });
    if (!p.required) throw new AppError('SITUATION_REPORT_NOT_REQUIRED');
    if (filedOn < p.starts_on || filedOn > today()) throw new AppError('PETITION_DATE_INVALID', { filedOn });
    const ids = [...new Set(input.petitionIds)];
    if (ids.length) {
      if ((await countPetitionsInScope(tx, ctx.user, ids)) !== ids.length) throw new AppError('OUT_OF_SCOPE', { petitionIds: ids });
    }
    const fields = {
      periodId: input.periodId,
      unitId: input.unitId,
      filedOn,
      topics: plainText(input.topics),
      hotIssues: input.hotIssues.map(plainText).filter(Boolean),
      petitionIds: ids,
    };
    const reportId = await insertReport(tx, { ...fields, createdBy: ctx.user.id });
    if (reportId === undefined) throw new AppError('SITUATION_REPORT_EXISTS');
    const report = { id: reportId, ...fields };
    await audit(tx, ctx.user, { action: 'create', entity: 'situation_report', entityId: report.id, unitId: input.unitId, after: report });
    return report;
  });
}

/**
 * Who owes which report in a unit's subtree (through its history), and who filed on time, late or
 * not at all; hot issues combined over the filed reports.
 */
export async function situationOverview({ db, user }: Ctx, q: SituationQuery, on = today()): Promise<SituationOverview> {
  // The latest periods the unit's subtree owed reports for (twelve unless a period is asked for).
  const rows = await listSituationRows(db, user, q, on);
  const periodIds = [...new Set(rows.map((r) => r.period_id))];
  const periods: SituationPeriod[] = periodIds.length ? await listPeriodsByIds(db, periodIds) : [];
  const status = (r: (typeof rows)[number]) => (r.filed_on ? (r.filed_on <= r.due_on ? 'on_time' : 'late') : r.due_on < on ? 'not_filed' : 'pending');
  const out = rows.map((r) => ({
    periodId: r.period_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    level: r.level,
    status: status(r) as SituationOverview['rows'][number]['status'],
    dueOn: r.due_on,
    filedOn: r.filed_on,
    reportId: r.report_id,
    hotIssues: r.hot_issues ?? [],
  }));
  const summary = { onTime: 0, late: 0, notFiled: 0, pending: 0 };
  for (const r of out) summary[({ on_time: 'onTime', late: 'late', not_filed: 'notFiled', pending: 'pending' } as const)[r.status]]++;
  const issues = new Map<string, { issue: string; count: number }>();
  for (const r of out)
    for (const i of r.hotIssues) {
      const k = i.toLowerCase().trim();
      const e = issues.get(k) ?? { issue: i.trim(), count: 0 };
      e.count++;
      issues.set(k, e);
    }
  const hotIssues = [...issues.values()].sort((a, b) => b.count - a.count || a.issue.localeCompare(b.issue, 'vi')).slice(0, 20);
  return { periods, rows: out, summary, hotIssues };
}
