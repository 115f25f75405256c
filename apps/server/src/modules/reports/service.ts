import type { CreateReport, Finding, IssuePreview, PublicReport, ReportComment, ReportJob, ReportListQuery } from '@contract/reports';
import type { ReportStatus, ReportTemplate } from '@contract/reports-values';
import { assertUnitAccess, can, dayBefore, reachOf, today, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Db } from '../../db/db';
import type { Located, PublicCtx } from '../../platform/endpoints';
import {
  commentsOf,
  findUnitEnd,
  findUnitValidity,
  insertComment,
  insertJob,
  issuedFile,
  jobById,
  latestVersion,
  listJobs,
  lockReportVersions,
  nextNumber,
  publishedIssues,
  publishIssue,
  submitJob,
  unpublishIssue,
  type JobView,
} from './queries';
import { SECTIONS } from './coverage';
import { slicePeriod } from './compute';
import { formatFigure } from './format';
import { figureText } from './outline';
import { issueDraft, loadDraft, outlineOf, type StoredDraft } from './generate';
import { successorsAt } from '../units/queries';

/** A committee whose unit has ended issues nothing more in its own name. */
function assertUnitLive(user: CurrentUser): void {
  if (user.unitValidTo && today() >= user.unitValidTo) throw new AppError('UNIT_ENDED');
}

/**
 * Whether the user's unit may sign on the report unit's letterhead: the unit itself while it exists;
 * once it has ended, the unit that holds its history now (its successor, or, for a level that was
 * abolished, its parent's successor). A higher level may draft and comment, never issue.
 */
export async function holdsLetterhead({ db, user }: Ctx, unitId: number): Promise<boolean> {
  if (user.unitId === null) return false;
  const u = await findUnitEnd(db, unitId);
  if (!u) return false;
  const ended = u.valid_to !== 'infinity' && u.valid_to <= today();
  if (!ended) return user.unitId === unitId;
  let holders = (await successorsAt(db, unitId, today())).filter((x) => x !== unitId);
  if (!holders.length && u.parent_id !== null) holders = await successorsAt(db, u.parent_id, today());
  return holders.includes(user.unitId);
}

function present(j: JobView, user: CurrentUser | null, letterhead = !!user && user.unitId === j.unit_id): ReportJob {
  return {
    id: j.id,
    template: j.template as ReportTemplate,
    unitId: j.unit_id,
    unitName: j.unit_name,
    from: j.period_from,
    to: j.period_to,
    status: j.status as ReportStatus,
    progress: j.progress,
    step: j.step,
    findings: j.findings as Finding[],
    overrideReason: j.override_reason,
    error: j.error,
    createdAt: j.created_at,
    version: j.version,
    nextTasks: (j.next_tasks ?? []) as string[],
    issued:
      j.issue_id === null
        ? null
        : {
            id: j.issue_id,
            number: j.number!,
            symbol: j.symbol!,
            issuedOn: j.issued_on!,
            docxSha256: j.docx_sha256!,
            xlsxSha256: j.xlsx_sha256!,
            docxUrl: `/api/reports/${j.id}/docx`,
            xlsxUrl: `/api/reports/${j.id}/xlsx`,
            published: j.published,
          },
    canSubmit: !!user && j.status === 'draft' && can(user, 'report.generate'),
    canIssue: !!user && j.status === 'submitted' && can(user, 'report.issue') && letterhead,
    canPublish: !!user && j.status === 'issued' && !j.published && can(user, 'report.publish'),
    canUnpublish: !!user && j.status === 'issued' && j.published && can(user, 'report.publish'),
  };
}

/** Where a report lies, for the endpoint table: its unit on its scope date. */
export async function locateReport(db: Db, id: number): Promise<Located> {
  const job = await jobById(db, id);
  if (!job) throw new AppError('REPORT_NOT_FOUND');
  return { unitId: job.unit_id, date: job.scope_date };
}

/** Queues a new draft version for a unit and period the user may report on; the worker computes it. */
export async function requestReport(ctx: Ctx, body: CreateReport): Promise<ReportJob> {
  const { db, user } = ctx;
  // A term is five years; ten is the longest period a report may cover.
  if (body.from > body.to || Number(body.to.slice(0, 4)) - Number(body.from.slice(0, 4)) > 10) throw new AppError('REPORT_PERIOD_INVALID');
  const unit = await findUnitValidity(db, body.unit);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  if (body.to < unit.valid_from || (unit.valid_to !== 'infinity' && body.from >= unit.valid_to)) throw new AppError('REPORT_PERIOD_INVALID');
  // Scope is judged on the period's last day the unit existed: the city's 2019–2024 report belongs to
  // whoever holds the city's history now (the province). The endpoint table cannot name that date, so
  // the report's unit is checked here (the registrar checked the permission).
  const scopeDate = unit.valid_to !== 'infinity' && body.to >= unit.valid_to ? dayBefore(unit.valid_to) : body.to;
  await assertUnitAccess(db, user, 'report.generate', body.unit, scopeDate);
  assertUnitLive(user);
  const id = await db.tx(async (tx) => {
    // One version number per unit, template and period, taken under a lock (two requests at once).
    await lockReportVersions(tx, body.unit);
    const prev = await latestVersion(tx, { unitId: body.unit, template: body.template, from: body.from, to: body.to });
    const tasks = body.nextTasks ?? prev?.next_tasks ?? [];
    const id = await insertJob(tx, {
      template: body.template,
      unitId: body.unit,
      from: body.from,
      to: body.to,
      scopeDate,
      requestedBy: user.id,
      version: (prev?.version ?? 0) + 1,
      nextTasks: JSON.stringify(tasks),
    });
    await audit(tx, user, { action: 'report.request', entity: 'report', entityId: id, unitId: body.unit, after: { ...body, version: (prev?.version ?? 0) + 1 } });
    return id;
  });
  return present((await jobById(db, id))!, user);
}

/** A job after a change, as the user now sees it. */
async function reread(ctx: Ctx, id: number): Promise<ReportJob> {
  const job = (await jobById(ctx.db, id))!;
  return present(job, ctx.user, await holdsLetterhead(ctx, job.unit_id));
}

/** A job the registrar let the user read (its unit on its scope date: the record's locator). */
async function readable(ctx: Ctx, id: number): Promise<JobView> {
  const job = await jobById(ctx.db, id);
  if (!job) throw new AppError('REPORT_NOT_FOUND');
  return job;
}

/** A job for a write: the registrar checked the permission over its unit; an ended committee writes nothing more. */
async function writable(ctx: Ctx, id: number): Promise<JobView> {
  const job = await readable(ctx, id);
  assertUnitLive(ctx.user);
  return job;
}

export async function getReport(ctx: Ctx, { id }: { id: number }): Promise<ReportJob> {
  const job = await readable(ctx, id);
  const out = present(job, ctx.user, await holdsLetterhead(ctx, job.unit_id));
  if (!job.draft) return out;
  const period = { from: job.period_from, to: job.period_to };
  const p = loadDraft(job.draft as StoredDraft, job.template as ReportTemplate, period);
  const sections = new Map(SECTIONS.map((x) => [x.id, x.title]));
  out.figures = p.figures.map((f) => {
    const value = p.values.get(f.id)?.value ?? null;
    return {
      id: f.id,
      section: sections.get(f.section)!,
      wording: figureText(f, period),
      value,
      text: formatFigure(value, f.uom),
      metricKey: f.metric?.key ?? null,
      dim: f.metric?.dim ?? null,
      ...slicePeriod(period, f.period),
    };
  });
  out.preview = outlineOf(p);
  return out;
}

export async function listReports(ctx: Ctx, q: ReportListQuery): Promise<ReportJob[]> {
  const rows = await listJobs(ctx.db, reachOf(ctx.user), q);
  return rows.map((r) => present(r, ctx.user));
}

/** Submits a draft for review; one with contradictions only with a reason, audited and kept with it. */
export async function submitReport(ctx: Ctx, { id, overrideReason }: { id: number; overrideReason?: string }): Promise<ReportJob> {
  const job = await writable(ctx, id);
  if (job.status !== 'draft') throw new AppError('REPORT_NOT_DRAFT');
  const findings = job.findings as Finding[];
  if (findings.length && !overrideReason) throw new AppError('REPORT_HAS_FINDINGS');
  await ctx.db.tx(async (tx) => {
    if (!(await submitJob(tx, id, ctx.user.id, findings.length ? overrideReason : null))) throw new AppError('REPORT_NOT_DRAFT');
    await audit(tx, ctx.user, {
      action: 'report.submit',
      entity: 'report',
      entityId: id,
      unitId: job.unit_id,
      before: { status: job.status, findings: findings.length },
      after: { status: 'submitted', version: job.version, reason: findings.length ? overrideReason : undefined },
    });
  });
  return reread(ctx, id);
}

async function issuable(ctx: Ctx, id: number): Promise<JobView> {
  const job = await writable(ctx, id);
  if (!(await holdsLetterhead(ctx, job.unit_id))) throw new AppError('REPORT_LETTERHEAD');
  if (job.status !== 'submitted') throw new AppError(job.status === 'issued' ? 'REPORT_PERIOD_ISSUED' : 'REPORT_NOT_SUBMITTED');
  return job;
}

/** The number issuing would take now, for the confirmation the user must give. */
export async function issuePreview(ctx: Ctx, { id }: { id: number }): Promise<IssuePreview> {
  const job = await issuable(ctx, id);
  const issuedOn = today();
  const number = await nextNumber(ctx.db, job.unit_id, Number(issuedOn.slice(0, 4)));
  return { number, symbol: `${number}/BC-MTTQ`, issuedOn, unitName: job.unit_name };
}

/** Issues a submitted draft under the confirmed number (the only place a number is taken). */
export async function issueReport(ctx: Ctx, { id, number }: { id: number; number: number }): Promise<ReportJob> {
  const job = await issuable(ctx, id);
  await issueDraft(ctx, job, number);
  return reread(ctx, id);
}

export async function publishReport(ctx: Ctx, { id }: { id: number }): Promise<ReportJob> {
  const job = await writable(ctx, id);
  const issueId = job.issue_id;
  if (issueId === null) throw new AppError('REPORT_NOT_ISSUED');
  if (job.published) throw new AppError('REPORT_ALREADY_PUBLISHED');
  await ctx.db.tx(async (tx) => {
    if (!(await publishIssue(tx, issueId, ctx.user.id))) throw new AppError('REPORT_ALREADY_PUBLISHED');
    await audit(tx, ctx.user, { action: 'report.publish', entity: 'report', entityId: id, unitId: job.unit_id, after: { symbol: job.symbol } });
  });
  return reread(ctx, id);
}

/** Withdraws a published report from the public portal; the reason is audited and kept. */
export async function unpublishReport(ctx: Ctx, { id, reason }: { id: number; reason: string }): Promise<ReportJob> {
  const job = await writable(ctx, id);
  const issueId = job.issue_id;
  if (issueId === null) throw new AppError('REPORT_NOT_ISSUED');
  await ctx.db.tx(async (tx) => {
    if (!(await unpublishIssue(tx, issueId, ctx.user.id, reason))) throw new AppError('REPORT_NOT_PUBLISHED');
    await audit(tx, ctx.user, {
      action: 'report.unpublish',
      entity: 'report',
      entityId: id,
      unitId: job.unit_id,
      before: { published: true },
      after: { symbol: job.symbol, reason },
    });
  });
  return reread(ctx, id);
}

export async function listComments(ctx: Ctx, { id }: { id: number }): Promise<ReportComment[]> {
  await readable(ctx, id);
  const rows = await commentsOf(ctx.db, id);
  return rows.map((r) => ({ id: r.id, author: r.author, unitName: r.unit_name, body: r.body, createdAt: r.created_at }));
}

/** Any level that may draft the report may comment on it (a higher level comments, the unit signs). */
export async function addComment(ctx: Ctx, { id, body }: { id: number; body: string }): Promise<ReportComment[]> {
  const job = await writable(ctx, id);
  await ctx.db.tx(async (tx) => {
    const cid = await insertComment(tx, id, ctx.user.id, body);
    await audit(tx, ctx.user, { action: 'report.comment', entity: 'report', entityId: id, unitId: job.unit_id, after: { commentId: cid } });
  });
  return listComments(ctx, { id });
}

export type ReportFile = { bytes: Buffer; filename: string; contentType: string; sha256: string };

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function fileOf(db: Db, jobId: number, kind: 'docx' | 'xlsx', publicOnly: boolean): Promise<ReportFile> {
  const row = await issuedFile(db, jobId, kind, publicOnly);
  if (!row) throw new AppError(publicOnly ? 'REPORT_NOT_FOUND' : 'REPORT_NOT_ISSUED');
  const suffix = kind === 'xlsx' ? '-phu-luc' : '';
  return {
    bytes: Buffer.from(row.bytes),
    sha256: row.sha,
    contentType: TYPES[kind],
    filename: `bao-cao-${row.number}-BC-MTTQ-${row.issued_on}${suffix}.${kind}`,
  };
}

export async function reportFile(ctx: Ctx, { id, kind }: { id: number; kind: 'docx' | 'xlsx' }): Promise<ReportFile> {
  await readable(ctx, id);
  return fileOf(ctx.db, id, kind, false);
}

/** Reports their units chose to publish: no account needed. */
export async function publicReports(ctx: Pick<PublicCtx, 'db'>, q: { unit?: number }): Promise<PublicReport[]> {
  const rows = await publishedIssues(ctx.db, q.unit);
  return rows.map((r) => ({
    id: r.id,
    unitName: r.unit_name,
    template: r.template,
    from: r.period_from,
    to: r.period_to,
    symbol: r.symbol,
    issuedOn: r.issued_on,
    docxSha256: r.docx_sha256,
    docxUrl: `/api/public/reports/${r.id}/docx`,
    xlsxUrl: `/api/public/reports/${r.id}/xlsx`,
  }));
}

export function publicReportFile(ctx: Pick<PublicCtx, 'db'>, { id, kind }: { id: number; kind: 'docx' | 'xlsx' }): Promise<ReportFile> {
  return fileOf(ctx.db, id, kind, true);
}
