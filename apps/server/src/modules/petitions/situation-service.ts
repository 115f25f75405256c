import type { z } from 'zod';
import type { CreateSituationPeriod, FileSituationReport, SituationOverview, SituationPeriod, SituationQuery } from '@contract/petitions';
import type { Db } from '../../db/db';
import { scopeCondition, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { PLACES_SQL, unitNameAt } from './queries';
import { plainText } from './rules';

type In<T extends z.ZodType> = z.infer<T>;

/**
 * The (period, unit) pairs that owe a report: units of the period's levels in the subtree of the unit
 * that set it, on the due date. Shared with the metrics (target 2).
 */
export const REQUIRED_SQL = `select sp.id as period_id, sp.due_on, c.descendant_id as unit_id
    from situation_periods sp
    join unit_closure c on c.ancestor_id = sp.unit_id and c.valid_from <= sp.due_on and sp.due_on < c.valid_to
    join units u on u.id = c.descendant_id and u.level = any(sp.levels) and u.valid_from <= sp.due_on and sp.due_on < u.valid_to`;

const PERIOD_COLUMNS = `sp.id, sp.unit_id as "unitId", sp.kind, sp.starts_on as "startsOn", sp.ends_on as "endsOn", sp.due_on as "dueOn", sp.levels`;

export async function createPeriod(ctx: Ctx, input: In<typeof CreateSituationPeriod>): Promise<SituationPeriod> {
  if (!(input.startsOn <= input.endsOn && input.endsOn <= input.dueOn)) throw new AppError('PETITION_DATE_INVALID', input);
  return ctx.db.tx(async (tx) => {
    if (ctx.user.unitValidTo && today() >= ctx.user.unitValidTo) throw new AppError('UNIT_ENDED');
    const rows = await tx.query<SituationPeriod>(
      `insert into situation_periods (unit_id, kind, starts_on, ends_on, due_on, levels) values ($1, $2, $3, $4, $5, $6)
       on conflict (unit_id, kind, starts_on) do nothing returning ${PERIOD_COLUMNS.replaceAll('sp.', '')}`,
      [input.unitId, input.kind, input.startsOn, input.endsOn, input.dueOn, input.levels],
    );
    if (!rows.length) throw new AppError('CONFLICT', { startsOn: input.startsOn });
    await audit(tx, ctx.user, { action: 'create', entity: 'situation_period', entityId: rows[0].id, unitId: input.unitId, after: rows[0] });
    return rows[0];
  });
}

/** A unit files its report for a period: on time when filed on or before the due date. */
export async function fileReport(ctx: Ctx, input: In<typeof FileSituationReport>) {
  return ctx.db.tx(async (tx) => {
    const filedOn = input.filedOn ?? today();
    if (ctx.user.unitValidTo && filedOn >= ctx.user.unitValidTo) throw new AppError('UNIT_ENDED');
    const [p] = await tx.query<{ starts_on: string; required: boolean }>(
      `select sp.starts_on, exists (select 1 from (${REQUIRED_SQL}) r where r.period_id = sp.id and r.unit_id = $2) as required
         from situation_periods sp where sp.id = $1`,
      [input.periodId, input.unitId],
    );
    if (!p) throw new AppError('NOT_FOUND', { periodId: input.periodId });
    if (!p.required) throw new AppError('SITUATION_REPORT_NOT_REQUIRED');
    if (filedOn < p.starts_on || filedOn > today()) throw new AppError('PETITION_DATE_INVALID', { filedOn });
    const ids = [...new Set(input.petitionIds)];
    if (ids.length) {
      const scope = scopeCondition(ctx.user, 'p.unit_id', 'p.received_on', 2);
      const [r] = await tx.query<{ n: number }>(`select count(*)::int as n from petitions p where p.id = any($1::bigint[]) and ${scope.sql}`, [ids, ...scope.params]);
      if (r.n !== ids.length) throw new AppError('OUT_OF_SCOPE', { petitionIds: ids });
    }
    const rows = await tx.query<{ id: number }>(
      `insert into situation_reports (period_id, unit_id, filed_on, topics, hot_issues, petition_ids, created_by)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (period_id, unit_id) do nothing returning id`,
      [input.periodId, input.unitId, filedOn, plainText(input.topics), input.hotIssues.map(plainText).filter(Boolean), ids, ctx.user.id],
    );
    if (!rows.length) throw new AppError('SITUATION_REPORT_EXISTS');
    const report = {
      id: rows[0].id,
      periodId: input.periodId,
      unitId: input.unitId,
      filedOn,
      topics: plainText(input.topics),
      hotIssues: input.hotIssues.map(plainText).filter(Boolean),
      petitionIds: ids,
    };
    await audit(tx, ctx.user, { action: 'create', entity: 'situation_report', entityId: report.id, unitId: input.unitId, after: report });
    return report;
  });
}

/**
 * Who owes which report in a unit's subtree (through its history), and who filed on time, late or
 * not at all; hot issues combined over the filed reports.
 */
export async function situationOverview({ db, user }: Ctx, q: SituationQuery, on = today()): Promise<SituationOverview> {
  const params: unknown[] = [q.unit, on];
  const conds: string[] = [];
  if (q.period && /^\d+$/.test(q.period)) conds.push(`sp.id = $${params.push(Number(q.period))}`);
  else if (q.period) conds.push(`sp.kind = $${params.push(q.period)}`);
  if (q.from) conds.push(`sp.due_on >= $${params.push(q.from)}::date`);
  if (q.to) conds.push(`sp.starts_on <= $${params.push(q.to)}::date`);
  const scope = scopeCondition(user, 'r.unit_id', 'r.due_on', params.length + 1);
  params.push(...scope.params);
  // The latest periods the unit's subtree owed reports for (twelve unless a period is asked for).
  const rows = await db.query<{
    period_id: number;
    unit_id: number;
    unit_name: string;
    level: string;
    due_on: string;
    filed_on: string | null;
    report_id: number | null;
    hot_issues: string[] | null;
  }>(
    `with places as (${PLACES_SQL('$1::bigint')}),
     req as (select r.* from (${REQUIRED_SQL}) r join places s on s.unit_id = r.unit_id and r.due_on >= s.valid_from and r.due_on < s.valid_to
              join situation_periods sp on sp.id = r.period_id
             where ${conds.length ? conds.join(' and ') : 'true'} and ${scope.sql}),
     periods as (select distinct period_id, due_on from req order by due_on desc, period_id desc limit ${q.period ? 1000 : 12})
     select r.period_id, r.unit_id, ${unitNameAt('r.unit_id', 'r.due_on')} as unit_name, u.level, r.due_on, sr.filed_on, sr.id as report_id,
            sr.hot_issues
       from req r join periods pp on pp.period_id = r.period_id join units u on u.id = r.unit_id
       left join situation_reports sr on sr.period_id = r.period_id and sr.unit_id = r.unit_id
      where $2::date is not null
      order by r.due_on desc, u.level, unit_name limit 5000`,
    params,
  );
  const periodIds = [...new Set(rows.map((r) => r.period_id))];
  const periods = periodIds.length
    ? await db.query<SituationPeriod>(`select ${PERIOD_COLUMNS} from situation_periods sp where sp.id = any($1::bigint[]) order by sp.due_on desc`, [periodIds])
    : [];
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

export async function listPeriods(db: Db, unitId: number): Promise<SituationPeriod[]> {
  return db.query<SituationPeriod>(
    `select ${PERIOD_COLUMNS} from situation_periods sp where sp.unit_id in (
       select c.ancestor_id from unit_lineage_closure l join unit_closure c on c.descendant_id = l.successor_id where l.predecessor_id = $1)
     order by sp.due_on desc limit 100`,
    [unitId],
  );
}
