import type { ReportListQuery } from '@contract/reports';
import type { ReportTemplate } from '@contract/reports-values';
import type { Db } from '../../db/db';
import { reachCondition, type Reach } from '../../platform/access';

export type JobRow = {
  id: number;
  template: string;
  unit_id: number;
  period_from: string;
  period_to: string;
  scope_date: string;
  status: string;
  progress: number;
  step: string;
  findings: unknown;
  override_reason: string | null;
  error: string | null;
  attempts: number;
  requested_by: number | null;
  created_at: string;
  version: number;
  next_tasks: string[];
  /** Only read by jobById (lists leave it out: it is large). */
  draft?: unknown;
};

export const JOB_COLS = `j.id, j.template, j.unit_id, j.period_from, j.period_to, j.scope_date, j.status, j.progress, j.step,
  j.findings, j.override_reason, j.error, j.attempts, j.requested_by, j.created_at::text as created_at, j.version, j.next_tasks`;

/** The unit's name on a date (its latest name before, if it had none then). */
export const UNIT_NAME_AT = (unitExpr: string, dateExpr: string) =>
  `(select v.name from unit_versions v where v.unit_id = ${unitExpr}
     order by (v.valid_from <= ${dateExpr} and ${dateExpr} < v.valid_to) desc, v.valid_from desc limit 1)`;

export type JobView = JobRow & {
  unit_name: string;
  issue_id: number | null;
  number: number | null;
  symbol: string | null;
  issued_on: string | null;
  docx_sha256: string | null;
  xlsx_sha256: string | null;
  published: boolean;
};

export const JOB_VIEW = `select ${JOB_COLS}, ${UNIT_NAME_AT('j.unit_id', 'j.scope_date')} as unit_name,
    i.id as issue_id, i.number, i.symbol, i.issued_on, i.docx_sha256, i.xlsx_sha256, (p.issue_id is not null and p.unpublished_at is null) as published
  from report_jobs j
  left join report_issues i on i.job_id = j.id
  left join report_publications p on p.issue_id = i.id`;

export async function jobById(db: Db, id: number): Promise<JobView | undefined> {
  const [row] = await db.query<JobView>(`${JOB_VIEW.replace('select ', 'select j.draft, ')} where j.id = $1`, [id]);
  return row;
}

const MAX_ATTEMPTS = 5;

/**
 * Takes the oldest waiting job, or a running one whose worker stopped renewing its lease (a restart),
 * so two workers never take the same job.
 */
export async function claimJob(db: Db, leaseSeconds: number): Promise<JobRow | undefined> {
  return db.tx(async (tx) => {
    // A job that keeps killing its worker is given up rather than retried for ever.
    await tx.query(
      `update report_jobs set status = 'failed', error = 'gave up after ${MAX_ATTEMPTS} attempts', lease_until = null, updated_at = now()
        where status = 'running' and lease_until < now() and attempts >= ${MAX_ATTEMPTS}`,
    );
    const [row] = await tx.query<JobRow>(
      `update report_jobs j set status = 'running', attempts = attempts + 1, step = 'started', updated_at = now(),
              lease_until = now() + make_interval(secs => $1)
        where j.id = (select id from report_jobs
                       where status = 'queued' or (status = 'running' and lease_until < now())
                       order by id limit 1 for update skip locked)
        returning ${JOB_COLS}`,
      [leaseSeconds],
    );
    return row;
  });
}

export async function setProgress(db: Db, id: number, progress: number, step: string, leaseSeconds: number): Promise<void> {
  await db.query(
    `update report_jobs set progress = $2, step = $3, updated_at = now(), lease_until = now() + make_interval(secs => $4)
      where id = $1 and status = 'running'`,
    [id, Math.round(progress), step, leaseSeconds],
  );
}

export async function unitFacts(db: Db, unitId: number, date: string) {
  const [u] = await db.query<{ id: number; code: string; level: string; name: string; valid_from: string; valid_to: string }>(
    `select u.id, u.code, u.level, ${UNIT_NAME_AT('u.id', '$2::date')} as name, u.valid_from::text, u.valid_to::text
       from units u where u.id = $1`,
    [unitId, date],
  );
  const children = await db.query<{ id: number; name: string }>(
    `select unit_id as id, name from unit_versions where parent_id = $1 and valid_from <= $2::date and $2::date < valid_to`,
    [unitId, date],
  );
  children.sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true }));
  return { unit: u, children };
}

/** Report jobs within a reach (on their scope date), newest first. */
export async function listJobs(db: Db, reach: Reach, q: ReportListQuery): Promise<JobView[]> {
  const params: unknown[] = [q.limit];
  const where: string[] = [];
  if (q.unit) {
    params.push(q.unit);
    where.push(`j.unit_id = $${params.length}`);
  }
  if (q.status) {
    params.push(q.status);
    where.push(`j.status = $${params.length}`);
  }
  const scope = reachCondition(reach, 'j.unit_id', 'j.scope_date', params.length + 1);
  params.push(...scope.params);
  where.push(scope.sql);
  return db.query<JobView>(`${JOB_VIEW} where ${where.join(' and ')} order by j.id desc limit $1`, params);
}

export async function commentsOf(db: Db, jobId: number) {
  return db.query<{ id: number; author: string; unit_name: string | null; body: string; created_at: string }>(
    `select c.id, u.display_name as author, ${UNIT_NAME_AT('u.unit_id', 'c.created_at::date')} as unit_name, c.body, c.created_at::text
       from report_comments c join users u on u.id = c.author_id where c.job_id = $1 order by c.id`,
    [jobId],
  );
}

/** An issued report's file (only while published, for the public). */
export async function issuedFile(db: Db, jobId: number, kind: 'docx' | 'xlsx', publicOnly: boolean) {
  const [row] = await db.query<{ bytes: Buffer | Uint8Array; sha: string; number: number; year: number; issued_on: string }>(
    `select i.${kind === 'xlsx' ? 'xlsx' : 'docx'} as bytes, i.${kind === 'xlsx' ? 'xlsx' : 'docx'}_sha256 as sha, i.number, i.year, i.issued_on from report_issues i
      ${publicOnly ? 'join report_publications p on p.issue_id = i.id and p.unpublished_at is null' : ''} where i.job_id = $1`,
    [jobId],
  );
  return row;
}

/** Published reports (of a unit, or all), latest first. */
export async function publishedIssues(db: Db, unit?: number) {
  return db.query<{ id: number; unit_name: string; template: ReportTemplate; period_from: string; period_to: string; symbol: string; issued_on: string; docx_sha256: string }>(
    `select i.job_id as id, ${UNIT_NAME_AT('i.unit_id', 'i.period_to')} as unit_name, i.template, i.period_from, i.period_to,
            i.symbol, i.issued_on, i.docx_sha256
       from report_issues i join report_publications p on p.issue_id = i.id and p.unpublished_at is null
      where ($1::bigint is null or i.unit_id = $1) order by p.published_at desc, i.id desc limit 200`,
    [unit ?? null],
  );
}

/** A job that failed: only while its worker still holds it. */
export async function failJob(db: Db, id: number, error: string): Promise<void> {
  await db.query(`update report_jobs set status = 'failed', error = $2, lease_until = null, updated_at = now() where id = $1 and status = 'running'`, [id, error]);
}

/** A finished draft with its findings: only the worker still holding the job may store it (one whose lease lapsed may have been overtaken). */
export async function storeJobDraft(db: Db, id: number, findings: string, draft: string): Promise<void> {
  await db.query(
    `update report_jobs set status = 'draft', progress = 100, step = 'draft', findings = $2, draft = $3, lease_until = null, updated_at = now()
      where id = $1 and status = 'running'`,
    [id, findings, draft],
  );
}

/** The unit's end and its last parent, to find who holds its letterhead. */
export async function findUnitEnd(db: Db, unitId: number): Promise<{ valid_to: string; parent_id: number | null } | undefined> {
  const [u] = await db.query<{ valid_to: string; parent_id: number | null }>(
    `select u.valid_to::text, (select v.parent_id from unit_versions v where v.unit_id = u.id order by v.valid_to desc limit 1) as parent_id
       from units u where u.id = $1`,
    [unitId],
  );
  return u;
}

export async function findUnitValidity(db: Db, unitId: number): Promise<{ valid_from: string; valid_to: string } | undefined> {
  const [unit] = await db.query<{ valid_from: string; valid_to: string }>('select valid_from::text, valid_to::text from units where id = $1', [unitId]);
  return unit;
}

/** Serialises the version numbers of a unit's report requests (two requests at once). */
export async function lockReportVersions(db: Db, unitId: number): Promise<void> {
  await db.query('select pg_advisory_xact_lock(2024112909, $1::int)', [unitId]);
}

/** The latest version of a unit's report for a template and period. */
export async function latestVersion(db: Db, v: { unitId: number; template: string; from: string; to: string }): Promise<{ version: number; next_tasks: string[] } | undefined> {
  const [prev] = await db.query<{ version: number; next_tasks: string[] }>(
    `select version, next_tasks from report_jobs where unit_id = $1 and template = $2 and period_from = $3 and period_to = $4
        order by version desc limit 1`,
    [v.unitId, v.template, v.from, v.to],
  );
  return prev;
}

export async function insertJob(
  db: Db,
  v: { template: string; unitId: number; from: string; to: string; scopeDate: string; requestedBy: number; version: number; nextTasks: string },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into report_jobs (template, unit_id, period_from, period_to, scope_date, requested_by, version, next_tasks)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [v.template, v.unitId, v.from, v.to, v.scopeDate, v.requestedBy, v.version, v.nextTasks],
  );
  return id;
}

/** Submits a draft (with the reason for its findings, if any); false when it is no longer a draft. */
export async function submitJob(db: Db, id: number, userId: number, overrideReason: string | null | undefined): Promise<boolean> {
  const [row] = await db.query<{ id: number }>(
    `update report_jobs set status = 'submitted', step = 'submitted', submitted_by = $2, submitted_at = now(), updated_at = now(),
              override_reason = coalesce($3, override_reason), override_by = case when $3::text is null then override_by else $2 end
        where id = $1 and status = 'draft' returning id`,
    [id, userId, overrideReason],
  );
  return !!row;
}

/** Publishes an issue, or publishes it again after a withdrawal; false when it is already published. */
export async function publishIssue(db: Db, issueId: number, userId: number): Promise<boolean> {
  const rows = await db.query(
    `insert into report_publications (issue_id, published_by) values ($1, $2)
       on conflict (issue_id) do update set published_at = now(), published_by = $2, unpublished_at = null, unpublished_by = null, unpublish_reason = null
        where report_publications.unpublished_at is not null
       returning issue_id`,
    [issueId, userId],
  );
  return rows.length > 0;
}

/** Withdraws a published issue; false when it was not published. */
export async function unpublishIssue(db: Db, issueId: number, userId: number, reason: string): Promise<boolean> {
  const rows = await db.query(
    `update report_publications set unpublished_at = now(), unpublished_by = $2, unpublish_reason = $3
        where issue_id = $1 and unpublished_at is null returning issue_id`,
    [issueId, userId, reason],
  );
  return rows.length > 0;
}

export async function insertComment(db: Db, jobId: number, authorId: number, body: string): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>('insert into report_comments (job_id, author_id, body) values ($1, $2, $3) returning id', [jobId, authorId, body]);
  return id;
}

// ---- issuing ----

/** The next number of the unit's year (what issuing now would take). */
export async function nextNumber(db: Db, unitId: number, year: number): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>('select coalesce(max(number), 0)::int + 1 as n from report_issues where unit_id = $1 and year = $2', [unitId, year]);
  return n;
}

/** Serialises the numbering of a unit's documents until the transaction ends. */
export async function lockReportNumbers(db: Db, unitId: number): Promise<void> {
  await db.query('select pg_advisory_xact_lock(2024112908, $1::int)', [unitId]);
}

/** Whether a report of the unit, template and period was issued already. */
export async function isPeriodIssued(db: Db, v: { unitId: number; template: string; from: string; to: string }): Promise<boolean> {
  const [other] = await db.query(`select 1 from report_jobs where unit_id = $1 and template = $2 and period_from = $3 and period_to = $4 and status = 'issued'`, [
    v.unitId,
    v.template,
    v.from,
    v.to,
  ]);
  return !!other;
}

export async function insertIssue(
  db: Db,
  v: {
    jobId: number;
    unitId: number;
    template: string;
    from: string;
    to: string;
    year: number;
    number: number;
    symbol: string;
    issuedOn: string;
    issuedBy: number;
    docx: Buffer;
    docxSha256: string;
    xlsx: Buffer;
    xlsxSha256: string;
    figures: string;
  },
): Promise<void> {
  await db.query(
    `insert into report_issues (job_id, unit_id, template, period_from, period_to, year, number, symbol, issued_on, issued_by,
                                  docx, docx_sha256, xlsx, xlsx_sha256, figures)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [v.jobId, v.unitId, v.template, v.from, v.to, v.year, v.number, v.symbol, v.issuedOn, v.issuedBy, v.docx, v.docxSha256, v.xlsx, v.xlsxSha256, v.figures],
  );
}

/** Marks a submitted job issued; false when it was not submitted. */
export async function markJobIssued(db: Db, id: number): Promise<boolean> {
  const done = await db.query(`update report_jobs set status = 'issued', step = 'issued', updated_at = now() where id = $1 and status = 'submitted' returning id`, [id]);
  return done.length > 0;
}
