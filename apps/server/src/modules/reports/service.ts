import type { CreateReport, Finding, PublicReport, ReportJob, ReportListQuery } from '@contract/reports';
import type { ReportStatus, ReportTemplate } from '@contract/reports-values';
import { assertUnitAccess, can, dayBefore, scopeCondition, today, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Db } from '../../db/db';
import { JOB_VIEW, UNIT_NAME_AT, jobById, type JobView } from './queries';
import { SECTIONS } from './coverage';
import { slicePeriod } from './compute';
import { formatFigure } from './format';
import { templateFigures } from './templates';

/** A committee whose unit has ended issues nothing more in its own name. */
function assertUnitLive(user: CurrentUser): void {
  if (user.unitValidTo && today() >= user.unitValidTo) throw new AppError('UNIT_ENDED');
}

function present(j: JobView, user: CurrentUser | null): ReportJob {
  return {
    id: j.id, template: j.template as ReportTemplate, unitId: j.unit_id, unitName: j.unit_name,
    from: j.period_from, to: j.period_to, status: j.status as ReportStatus, progress: j.progress, step: j.step,
    findings: j.findings as Finding[], overrideReason: j.override_reason, error: j.error, createdAt: j.created_at,
    issued: j.issue_id === null ? null : {
      id: j.issue_id, number: j.number!, symbol: j.symbol!, issuedOn: j.issued_on!, docxSha256: j.docx_sha256!,
      xlsxSha256: j.xlsx_sha256!, docxUrl: `/api/reports/${j.id}/docx`, xlsxUrl: `/api/reports/${j.id}/xlsx`, published: j.published,
    },
    canOverride: !!user && j.status === 'blocked' && can(user, 'report.generate'),
    canPublish: !!user && j.status === 'issued' && !j.published && can(user, 'report.publish'),
  };
}

/** Queues a report for a unit and period the user may report on; the worker does the rest. */
export async function requestReport(ctx: Ctx, body: CreateReport): Promise<ReportJob> {
  const { db, user } = ctx;
  // A term is five years; ten is the longest period a report may cover.
  if (body.from > body.to || Number(body.to.slice(0, 4)) - Number(body.from.slice(0, 4)) > 10) throw new AppError('REPORT_PERIOD_INVALID');
  const [unit] = await db.query<{ valid_from: string; valid_to: string }>(
    'select valid_from::text, valid_to::text from units where id = $1', [body.unit]);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  if (body.to < unit.valid_from || (unit.valid_to !== 'infinity' && body.from >= unit.valid_to)) throw new AppError('REPORT_PERIOD_INVALID');
  // Scope is judged on the period's last day the unit existed: the city's 2019–2024 report belongs to
  // whoever holds the city's history now (the province).
  const scopeDate = unit.valid_to !== 'infinity' && body.to >= unit.valid_to ? dayBefore(unit.valid_to) : body.to;
  await assertUnitAccess(db, user, 'report.generate', body.unit, scopeDate);
  assertUnitLive(user);
  const id = await db.tx(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into report_jobs (template, unit_id, period_from, period_to, scope_date, requested_by)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [body.template, body.unit, body.from, body.to, scopeDate, user.id],
    );
    await audit(tx, user, { action: 'report.request', entity: 'report', entityId: id, unitId: body.unit, after: body });
    return id;
  });
  return present((await jobById(db, id))!, user);
}

async function readable(ctx: Ctx, id: number): Promise<JobView> {
  const job = await jobById(ctx.db, id);
  if (!job) throw new AppError('REPORT_NOT_FOUND');
  await assertUnitAccess(ctx.db, ctx.user, 'metric.read', job.unit_id, job.scope_date);
  return job;
}

export async function getReport(ctx: Ctx, id: number): Promise<ReportJob> {
  const job = await readable(ctx, id);
  const out = present(job, ctx.user);
  if (job.issue_id === null) return out;
  const [row] = await ctx.db.query<{ figures: Record<string, number | null> }>('select figures from report_issues where id = $1', [job.issue_id]);
  const sections = new Map(SECTIONS.map((x) => [x.id, x.title]));
  const period = { from: job.period_from, to: job.period_to };
  // The figures the issued file holds (the template may have grown since).
  out.figures = templateFigures(job.template as ReportTemplate).filter((f) => f.id in row.figures).map((f) => ({
    id: f.id, section: sections.get(f.section)!, wording: f.wording, value: row.figures[f.id] ?? null,
    text: formatFigure(row.figures[f.id] ?? null, f.uom), metricKey: f.metric?.key ?? null, dim: f.metric?.dim ?? null,
    ...slicePeriod(period, f.period),
  }));
  return out;
}

export async function listReports(ctx: Ctx, q: ReportListQuery): Promise<ReportJob[]> {
  if (!can(ctx.user, 'metric.read')) throw new AppError('FORBIDDEN');
  const params: unknown[] = [q.limit];
  const where: string[] = [];
  if (q.unit) { params.push(q.unit); where.push(`j.unit_id = $${params.length}`); }
  if (q.status) { params.push(q.status); where.push(`j.status = $${params.length}`); }
  const scope = scopeCondition(ctx.user, 'j.unit_id', 'j.scope_date', params.length + 1);
  params.push(...scope.params);
  where.push(scope.sql);
  const rows = await ctx.db.query<JobView>(`${JOB_VIEW} where ${where.join(' and ')} order by j.id desc limit $1`, params);
  return rows.map((r) => present(r, ctx.user));
}

/** Issues a report held back by contradictions: the reason is audited and kept with the job. */
export async function overrideReport(ctx: Ctx, id: number, reason: string): Promise<ReportJob> {
  const job = await jobById(ctx.db, id);
  if (!job) throw new AppError('REPORT_NOT_FOUND');
  await assertUnitAccess(ctx.db, ctx.user, 'report.generate', job.unit_id, job.scope_date);
  assertUnitLive(ctx.user);
  await ctx.db.tx(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `update report_jobs set status = 'queued', progress = 0, step = 'queued', override_reason = $2, override_by = $3, updated_at = now()
        where id = $1 and status = 'blocked' returning id`,
      [id, reason, ctx.user.id],
    );
    if (!row) throw new AppError('REPORT_NOT_BLOCKED');
    await audit(tx, ctx.user, {
      action: 'report.override', entity: 'report', entityId: id, unitId: job.unit_id,
      before: { status: job.status, findings: job.findings }, after: { status: 'queued', reason },
    });
  });
  return present((await jobById(ctx.db, id))!, ctx.user);
}

export async function publishReport(ctx: Ctx, id: number): Promise<ReportJob> {
  const job = await jobById(ctx.db, id);
  if (!job) throw new AppError('REPORT_NOT_FOUND');
  await assertUnitAccess(ctx.db, ctx.user, 'report.publish', job.unit_id, job.scope_date);
  assertUnitLive(ctx.user);
  if (job.issue_id === null) throw new AppError('REPORT_NOT_ISSUED');
  if (job.published) throw new AppError('REPORT_ALREADY_PUBLISHED');
  await ctx.db.tx(async (tx) => {
    const rows = await tx.query('insert into report_publications (issue_id, published_by) values ($1, $2) on conflict do nothing returning issue_id',
      [job.issue_id, ctx.user.id]);
    if (!rows.length) throw new AppError('REPORT_ALREADY_PUBLISHED');
    await audit(tx, ctx.user, { action: 'report.publish', entity: 'report', entityId: id, unitId: job.unit_id, after: { symbol: job.symbol } });
  });
  return present((await jobById(ctx.db, id))!, ctx.user);
}

export type ReportFile = { bytes: Buffer; filename: string; contentType: string; sha256: string };

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function fileOf(db: Db, jobId: number, kind: 'docx' | 'xlsx', publicOnly: boolean): Promise<ReportFile> {
  const [row] = await db.query<{ bytes: Buffer | Uint8Array; sha: string; number: number; year: number; issued_on: string }>(
    `select i.${kind} as bytes, i.${kind}_sha256 as sha, i.number, i.year, i.issued_on from report_issues i
      ${publicOnly ? 'join report_publications p on p.issue_id = i.id' : ''} where i.job_id = $1`,
    [jobId],
  );
  if (!row) throw new AppError(publicOnly ? 'REPORT_NOT_FOUND' : 'REPORT_NOT_ISSUED');
  const suffix = kind === 'xlsx' ? '-phu-luc' : '';
  return {
    bytes: Buffer.from(row.bytes), sha256: row.sha, contentType: TYPES[kind],
    filename: `bao-cao-${row.number}-BC-MTTQ-${row.issued_on}${suffix}.${kind}`,
  };
}

export async function reportFile(ctx: Ctx, id: number, kind: 'docx' | 'xlsx'): Promise<ReportFile> {
  await readable(ctx, id);
  return fileOf(ctx.db, id, kind, false);
}

/** Reports their units chose to publish: no account needed. */
export async function publicReports(db: Db, unit?: number): Promise<PublicReport[]> {
  const rows = await db.query<{ id: number; unit_name: string; template: ReportTemplate; period_from: string; period_to: string;
    symbol: string; issued_on: string; docx_sha256: string }>(
    `select i.job_id as id, ${UNIT_NAME_AT('i.unit_id', 'i.period_to')} as unit_name, i.template, i.period_from, i.period_to,
            i.symbol, i.issued_on, i.docx_sha256
       from report_issues i join report_publications p on p.issue_id = i.id
      where ($1::bigint is null or i.unit_id = $1) order by p.published_at desc, i.id desc limit 200`,
    [unit ?? null],
  );
  return rows.map((r) => ({
    id: r.id, unitName: r.unit_name, template: r.template, from: r.period_from, to: r.period_to, symbol: r.symbol,
    issuedOn: r.issued_on, docxSha256: r.docx_sha256,
    docxUrl: `/api/public/reports/${r.id}/docx`, xlsxUrl: `/api/public/reports/${r.id}/xlsx`,
  }));
}

export function publicReportFile(db: Db, id: number, kind: 'docx' | 'xlsx'): Promise<ReportFile> {
  return fileOf(db, id, kind, true);
}
