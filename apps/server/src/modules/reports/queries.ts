import type { Db } from '../../db/db';

export type JobRow = {
  id: number; template: string; unit_id: number; period_from: string; period_to: string; scope_date: string;
  status: string; progress: number; step: string; findings: unknown; override_reason: string | null;
  error: string | null; attempts: number; requested_by: number | null; created_at: string;
  version: number; next_tasks: string[];
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
  unit_name: string; issue_id: number | null; number: number | null; symbol: string | null; issued_on: string | null;
  docx_sha256: string | null; xlsx_sha256: string | null; published: boolean;
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
