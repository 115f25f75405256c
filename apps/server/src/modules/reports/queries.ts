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
