// Statement import jobs (fund_import_jobs): the row any server process reads, its progress and its lease.
import type { Db } from '../../../db/db';
import type { ImportResult, Progress } from './import-service';

export type JobStatus = 'running' | 'done' | 'failed';
export type JobError = { code: string; message: string; messageEn: string; details?: unknown };
export type JobRow = {
  id: string;
  user_id: number;
  status: JobStatus;
  progress: Progress;
  result: ImportResult | null;
  error: JobError | null;
  started_ms: number;
  updated_ms: number;
};

/** Finished jobs are kept this long for the user to read their result. */
const KEEP = `interval '1 day'`;
const COLS = `id::text, user_id, status, progress, result, error, (extract(epoch from started_at) * 1000)::float8 as started_ms,
  (extract(epoch from updated_at) * 1000)::float8 as updated_ms`;

export async function writeJobProgress(db: Db, id: string, progress: Progress, leaseSeconds: number): Promise<void> {
  await db.query(
    `update fund_import_jobs set progress = $2, lease_until = now() + make_interval(secs => $3), updated_at = now()
          where id = $1 and status = 'running'`,
    [id, JSON.stringify(progress), leaseSeconds],
  );
}

export async function renewJobLease(db: Db, id: string, leaseSeconds: number): Promise<void> {
  await db.query(`update fund_import_jobs set lease_until = now() + make_interval(secs => $2) where id = $1 and status = 'running'`, [id, leaseSeconds]);
}

export async function clearOldJobs(db: Db): Promise<void> {
  await db.query(`delete from fund_import_jobs where started_at < now() - ${KEEP}`);
}

export async function insertJob(db: Db, id: string, userId: number, progress: Progress, leaseSeconds: number): Promise<JobRow> {
  const [row] = await db.query<JobRow>(
    `insert into fund_import_jobs (id, user_id, progress, lease_until) values ($1, $2, $3, now() + make_interval(secs => $4)) returning ${COLS}`,
    [id, userId, JSON.stringify(progress), leaseSeconds],
  );
  return row;
}

export async function finishJobRow(db: Db, id: string, status: JobStatus, result: ImportResult | null, error: JobError | null): Promise<void> {
  await db.query(`update fund_import_jobs set status = $2, result = $3, error = $4, lease_until = now(), updated_at = now() where id = $1`, [
    id,
    status,
    result && JSON.stringify(result),
    error && JSON.stringify(error),
  ]);
}

export async function deleteJob(db: Db, id: string): Promise<void> {
  await db.query('delete from fund_import_jobs where id = $1', [id]);
}

/** A running job whose lease has passed: its process stopped without finishing it. */
export async function failLapsedJob(db: Db, id: string, error: JobError): Promise<void> {
  await db.query(`update fund_import_jobs set status = 'failed', error = $2, updated_at = now() where id = $1 and status = 'running' and lease_until < now()`, [
    id,
    JSON.stringify(error),
  ]);
}

export async function jobRow(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.query<JobRow>(`select ${COLS} from fund_import_jobs where id = $1`, [id]);
  return row;
}
