import crypto from 'node:crypto';
import type { ReportTemplate } from '@contract/reports-values';
import type { Finding } from '@contract/reports';
import type { Db } from '../../db/db';
import { audit } from '../../platform/audit';
import { today } from '../../platform/access';
import type { Figure } from './coverage';
import { computeFigures, type FigureValues } from './compute';
import { checkFigures } from './checks';
import { renderDocx, type ReportHead, type TargetLine } from './docx';
import { renderXlsx } from './xlsx';
import { closingLine, HIGHLIGHTS, reportTitle, templateFigures } from './templates';
import { setProgress, unitFacts, type JobRow } from './queries';
import { viDate } from './format';
import { crossCheckTargets, targetProgress } from './targets';

// Renewed at every step; a worker silent this long is taken for dead and its job resumed.
export const LEASE_SECONDS = 60;
const PARENT_BODY = 'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM';
const PLACE_PREFIX = /^(Tỉnh|Thành phố|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn|Đặc khu|Thôn|Tổ dân phố)\s+/i;

export type Prepared = {
  head: ReportHead; figures: Figure[]; values: FigureValues; findings: Finding[];
  units: Array<{ id: number; name: string }>; caption: string; targets: TargetLine[]; template: ReportTemplate;
};

/** Everything but the number: figures, checks, and a first rendering to collect what is printed where. */
export async function prepareReport(
  db: Db,
  job: Pick<JobRow, 'id' | 'template' | 'unit_id' | 'period_from' | 'period_to' | 'scope_date'>,
  opts: { figures?: Figure[]; progress?: (pct: number, step: string) => Promise<void> } = {},
): Promise<Prepared> {
  const template = job.template as ReportTemplate;
  const progress = opts.progress ?? (async () => {});
  const { unit, children } = await unitFacts(db, job.unit_id, job.scope_date);
  const figures = opts.figures ?? templateFigures(template);
  await progress(5, 'figures');
  const values = await computeFigures(db, figures, {
    unitId: unit.id, childIds: children.map((c) => c.id), period: { from: job.period_from, to: job.period_to },
    onProgress: (d, t) => progress(5 + (70 * d) / t, 'figures'),
  });
  // Annual and term reports state the targets' progress in the period's last year.
  const year = Number(job.period_to.slice(0, 4));
  const progressOfTargets = template === 'annual' || template === 'term' ? await targetProgress(db, unit.id, year) : { lines: [], ratios: [] };
  const targets = progressOfTargets.lines;
  const head: ReportHead = {
    parentBody: PARENT_BODY,
    issuingBody: unit.name.toLocaleUpperCase('vi'),
    symbol: '…/BC-MTTQ',
    place: unit.name.replace(PLACE_PREFIX, ''),
    issuedOn: today(),
    title: reportTitle(template, job.period_from, job.period_to),
    resultsHeading: template === 'term'
      ? `I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG NHIỆM KỲ ${job.period_from.slice(0, 4)} – ${job.period_to.slice(0, 4)}`
      : 'I. KẾT QUẢ THỰC HIỆN CÁC CHƯƠNG TRÌNH HÀNH ĐỘNG',
    partOneHeading: template === 'term' ? 'Phần thứ nhất\nKẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM' : undefined,
  };
  const units = [{ id: unit.id, name: unit.name }, ...children];
  const caption = `${unit.name} — ${head.title} (số liệu từ ${viDate(job.period_from)} đến ${viDate(job.period_to)})`;
  await progress(80, 'checks');
  const occ = new Map<string, Set<string>>();
  await renderDocx(head, figures, values, { highlights: HIGHLIGHTS, targets, closing: closingLine(template), occ, fullOutline: template === 'term' });
  await renderXlsx(caption, figures, values, units, occ);
  const findings = [
    ...checkFigures(figures, values, { occurrences: occ }),
    ...crossCheckTargets(figures, values, progressOfTargets.ratios, { from: job.period_from, to: job.period_to }, year),
  ];
  return { head, figures, values, findings, units, caption, targets, template };
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** Allocates the next number of the unit's year, renders the final files and stores them, in one transaction. */
export async function issueReport(db: Db, job: JobRow, p: Prepared, issuedBy: number | null): Promise<number> {
  return db.tx(async (tx) => {
    const year = Number(p.head.issuedOn.slice(0, 4));
    await tx.query('select pg_advisory_xact_lock(2024112908, $1::int)', [job.unit_id]);
    const [{ n }] = await tx.query<{ n: number }>(
      'select coalesce(max(number), 0)::int + 1 as n from report_issues where unit_id = $1 and year = $2', [job.unit_id, year]);
    const head = { ...p.head, symbol: `${n}/BC-MTTQ` };
    const occ = new Map<string, Set<string>>();
    const docx = await renderDocx(head, p.figures, p.values, { highlights: HIGHLIGHTS, targets: p.targets, closing: closingLine(p.template), occ, fullOutline: p.template === 'term' });
    const xlsx = await renderXlsx(p.caption, p.figures, p.values, p.units, occ);
    const figures = Object.fromEntries([...p.values].map(([id, v]) => [id, v.value]));
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into report_issues (job_id, unit_id, template, period_from, period_to, year, number, symbol, issued_on, issued_by,
                                  docx, docx_sha256, xlsx, xlsx_sha256, figures)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
      [job.id, job.unit_id, job.template, job.period_from, job.period_to, year, n, head.symbol, head.issuedOn, issuedBy,
        docx, sha256(docx), xlsx, sha256(xlsx), JSON.stringify(figures)],
    );
    // Only the worker still holding the job may finish it (one whose lease lapsed may have been overtaken).
    const done = await tx.query(
      `update report_jobs set status = 'issued', progress = 100, step = 'issued', findings = $2, lease_until = null, updated_at = now()
        where id = $1 and status = 'running' returning id`,
      [job.id, JSON.stringify(p.findings)],
    );
    if (!done.length) throw new Error(`report job ${job.id} is no longer running here`);
    await audit(tx, null, {
      action: 'report.issue', entity: 'report', entityId: job.id, unitId: job.unit_id,
      after: { symbol: head.symbol, issuedOn: head.issuedOn, requestedBy: job.requested_by, overrideReason: job.override_reason, docxSha256: sha256(docx), xlsxSha256: sha256(xlsx), findings: p.findings.length },
    });
    return id;
  });
}

/** Runs one claimed job to its end: issued, or blocked by contradictions (unless overridden with a reason). */
export async function runJob(db: Db, job: JobRow, opts: { figures?: Figure[] } = {}): Promise<void> {
  const progress = (pct: number, step: string) => setProgress(db, job.id, pct, step, LEASE_SECONDS);
  const prepared = await prepareReport(db, job, { ...opts, progress });
  if (prepared.findings.length && !job.override_reason) {
    await db.query(
      `update report_jobs set status = 'blocked', progress = 100, step = 'blocked', findings = $2, lease_until = null, updated_at = now()
        where id = $1 and status = 'running'`,
      [job.id, JSON.stringify(prepared.findings)],
    );
    return;
  }
  await progress(90, 'issuing');
  await issueReport(db, job, prepared, job.requested_by);
}
