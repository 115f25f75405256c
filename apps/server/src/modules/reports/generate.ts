import crypto from 'node:crypto';
import type { ReportTemplate } from '@contract/reports-values';
import type { Finding, ReportBlock } from '@contract/reports';
import type { Db } from '../../db/db';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { today, type Ctx } from '../../platform/access';
import { FIGURE_BY_ID, type Figure } from './coverage';
import { computeFigures, type FigureValues, type Period } from './compute';
import { checkFigures } from './checks';
import { renderDocx, type ReportHead } from './docx';
import { renderXlsx } from './xlsx';
import { buildOutline, type TargetLine } from './outline';
import { closingLine, HIGHLIGHTS, reportTitle, templateFigures } from './templates';
import { insertIssue, isPeriodIssued, lockReportNumbers, markJobIssued, nextNumber, setProgress, storeJobDraft, unitFacts, type JobRow } from './queries';
import { viDate } from './format';
import { crossCheckTargets, targetProgress } from './targets';
import { carriedTasks } from './tasks';

// Renewed at every step; a worker silent this long is taken for dead and its job resumed.
export const LEASE_SECONDS = 60;
const PARENT_BODY = 'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM';
const PLACE_PREFIX = /^(Tỉnh|Thành phố|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn|Đặc khu|Thôn|Tổ dân phố)\s+/i;
/** The number of a document not yet issued. */
export const DRAFT_SYMBOL = '…/BC-MTTQ';

export type Prepared = {
  head: ReportHead;
  figures: Figure[];
  values: FigureValues;
  findings: Finding[];
  units: Array<{ id: number; name: string }>;
  caption: string;
  targets: TargetLine[];
  template: ReportTemplate;
  nextTasks: string[];
  period: Period;
};

/** What a draft keeps (report_jobs.draft): enough to print it again, identically, under a number. */
export type StoredDraft = {
  head: ReportHead;
  figureIds: string[];
  values: Record<string, { value: number | null; byUnit: Record<number, number | null> }>;
  units: Array<{ id: number; name: string }>;
  caption: string;
  targets: TargetLine[];
  nextTasks: string[];
  period: Period;
};

export function outlineOf(p: Pick<Prepared, 'head' | 'figures' | 'values' | 'targets' | 'template' | 'nextTasks' | 'period'>): ReportBlock[] {
  return buildOutline(p.figures, p.values, {
    period: p.period,
    title: p.head.title,
    partOneHeading: p.head.partOneHeading,
    resultsHeading: p.head.resultsHeading,
    highlights: HIGHLIGHTS,
    targets: p.targets,
    nextTasks: p.nextTasks,
    closing: closingLine(p.template),
  });
}

/** Renders the .docx and the annex; `occ` collects every printed value of every figure (for the checks). */
export async function renderFiles(p: Prepared, head: ReportHead, occ = new Map<string, Set<string>>()) {
  const docx = await renderDocx(head, outlineOf(p), { occ });
  const xlsx = await renderXlsx(p.caption, p.figures, p.values, p.units, occ);
  return { docx, xlsx, occ };
}

/** Everything but the number: figures, checks, and a first rendering to collect what is printed where. */
export async function prepareReport(
  db: Db,
  job: Pick<JobRow, 'id' | 'template' | 'unit_id' | 'period_from' | 'period_to' | 'scope_date'> & { next_tasks?: string[] },
  opts: { figures?: Figure[]; progress?: (pct: number, step: string) => Promise<void> } = {},
): Promise<Prepared> {
  const template = job.template as ReportTemplate;
  const progress = opts.progress ?? (async () => {});
  const { unit, children } = await unitFacts(db, job.unit_id, job.scope_date);
  const figures = opts.figures ?? templateFigures(template);
  await progress(5, 'figures');
  const period = { from: job.period_from, to: job.period_to };
  const values = await computeFigures(db, figures, {
    unitId: unit.id,
    childIds: children.map((c) => c.id),
    period,
    onProgress: (d, t) => progress(5 + (70 * d) / t, 'figures'),
  });
  // Annual and term reports state the targets' progress in the period's last year.
  const year = Number(job.period_to.slice(0, 4));
  const progressOfTargets = template === 'annual' || template === 'term' ? await targetProgress(db, unit.id, year) : { lines: [], ratios: [] };
  const targets = progressOfTargets.lines;
  const head: ReportHead = {
    parentBody: PARENT_BODY,
    issuingBody: unit.name.toLocaleUpperCase('vi'),
    symbol: DRAFT_SYMBOL,
    place: unit.name.replace(PLACE_PREFIX, ''),
    issuedOn: today(),
    title: reportTitle(template, job.period_from, job.period_to),
    resultsHeading:
      template === 'term'
        ? `I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG NHIỆM KỲ ${job.period_from.slice(0, 4)} – ${job.period_to.slice(0, 4)}`
        : 'I. KẾT QUẢ THỰC HIỆN CÁC CHƯƠNG TRÌNH HÀNH ĐỘNG',
    partOneHeading: template === 'term' ? 'Phần thứ nhất\nKẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM' : undefined,
  };
  const units = [{ id: unit.id, name: unit.name }, ...children];
  const caption = `${unit.name} — ${head.title} (số liệu từ ${viDate(job.period_from)} đến ${viDate(job.period_to)})`;
  const nextTasks = [...(job.next_tasks ?? []), ...(await carriedTasks(db, unit.id, period))];
  await progress(80, 'checks');
  const prepared: Prepared = { head, figures, values, findings: [], units, caption, targets, template, nextTasks, period };
  const { occ } = await renderFiles(prepared, head);
  prepared.findings = [...checkFigures(figures, values, { occurrences: occ }), ...crossCheckTargets(figures, values, progressOfTargets.ratios, period, year)];
  return prepared;
}

export function storeDraft(p: Prepared): StoredDraft {
  return {
    head: p.head,
    figureIds: p.figures.map((f) => f.id),
    values: Object.fromEntries(p.values),
    units: p.units,
    caption: p.caption,
    targets: p.targets,
    nextTasks: p.nextTasks,
    period: p.period,
  };
}

/** The prepared report a stored draft describes (figures the catalogue no longer has are dropped). */
export function loadDraft(d: StoredDraft, template: ReportTemplate, period: Period): Prepared {
  const figures = d.figureIds.map((id) => FIGURE_BY_ID.get(id)).filter((f): f is Figure => !!f);
  return {
    head: d.head,
    figures,
    values: new Map(Object.entries(d.values)),
    findings: [],
    units: d.units,
    caption: d.caption,
    targets: d.targets,
    template,
    nextTasks: d.nextTasks ?? [],
    period: d.period ?? period,
  };
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * Issues a submitted draft under the number the user confirmed: renders the final files from the
 * stored draft and stores them, in one transaction. Another document that took the number first
 * makes it fail (REPORT_NUMBER_CHANGED) with nothing written.
 */
export async function issueDraft({ db, user }: Ctx, job: JobRow, confirmed: number): Promise<void> {
  const p = loadDraft(job.draft as StoredDraft, job.template as ReportTemplate, { from: job.period_from, to: job.period_to });
  await db.tx(async (tx) => {
    const issuedOn = today();
    const year = Number(issuedOn.slice(0, 4));
    await lockReportNumbers(tx, job.unit_id);
    const n = await nextNumber(tx, job.unit_id, year);
    if (n !== confirmed) throw new AppError('REPORT_NUMBER_CHANGED');
    if (await isPeriodIssued(tx, { unitId: job.unit_id, template: job.template, from: job.period_from, to: job.period_to })) throw new AppError('REPORT_PERIOD_ISSUED');
    const head = { ...p.head, symbol: `${n}/BC-MTTQ`, issuedOn };
    const { docx, xlsx } = await renderFiles(p, head);
    const figures = Object.fromEntries([...p.values].map(([id, v]) => [id, v.value]));
    await insertIssue(tx, {
      jobId: job.id,
      unitId: job.unit_id,
      template: job.template,
      from: job.period_from,
      to: job.period_to,
      year,
      number: n,
      symbol: head.symbol,
      issuedOn: head.issuedOn,
      issuedBy: user.id,
      docx,
      docxSha256: sha256(docx),
      xlsx,
      xlsxSha256: sha256(xlsx),
      figures: JSON.stringify(figures),
    });
    if (!(await markJobIssued(tx, job.id))) throw new AppError('REPORT_NOT_SUBMITTED');
    await audit(tx, user, {
      action: 'report.issue',
      entity: 'report',
      entityId: job.id,
      unitId: job.unit_id,
      after: { symbol: head.symbol, issuedOn: head.issuedOn, version: job.version, overrideReason: job.override_reason, docxSha256: sha256(docx), xlsxSha256: sha256(xlsx) },
    });
  });
}

/** Runs one claimed job to its end: a draft version with its figures and findings (never a number). */
export async function runJob(db: Db, job: JobRow, opts: { figures?: Figure[] } = {}): Promise<void> {
  const progress = (pct: number, step: string) => setProgress(db, job.id, pct, step, LEASE_SECONDS);
  const prepared = await prepareReport(db, job, { ...opts, progress });
  await storeJobDraft(db, job.id, JSON.stringify(prepared.findings), JSON.stringify(storeDraft(prepared)));
}
