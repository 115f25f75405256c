// A long import runs in the background and reports its progress per file and row; the user follows it.
// The job lives in PostgreSQL (fund_import_jobs), so any server process answers for it: the one that runs
// it writes its progress there and renews a lease; a job whose lease has passed belonged to a process that
// stopped, and is reported failed (FUND_IMPORT_INTERRUPTED) — on a server its one transaction wrote nothing;
// on PGlite the batches already committed stay and the same upload again skips them.
import crypto from 'node:crypto';
import type { Db } from '../../../db/db';
import { assertPermission, assertUnitAccess, type Ctx } from '../../../platform/access';
import { AppError } from '../../../platform/errors';
import {
  clearOldJobs,
  deleteJob,
  failLapsedJob,
  finishJobRow,
  insertJob,
  jobRow,
  renewJobLease,
  writeJobProgress,
  type JobError,
  type JobRow,
  type JobStatus,
} from './queries-jobs';
import { importParsed, importUpload, parseUpload, targetUnit, type ImportOptions, type ImportRequest, type ImportResult, type Progress } from './import-service';

export type ImportJob = {
  id: string;
  userId: number;
  status: JobStatus;
  progress: Progress;
  result: ImportResult | null;
  error: JobError | null;
  startedAt: number;
  finishedAt: number | null;
};

/** How long a job stays 'running' without its process renewing it (IMPORT_LEASE_SECONDS, for tests). */
const leaseSeconds = () => Math.max(1, Number(process.env.IMPORT_LEASE_SECONDS ?? 30));
const toJob = (r: JobRow): ImportJob => ({
  id: r.id,
  userId: r.user_id,
  status: r.status,
  progress: r.progress,
  result: r.result,
  error: r.error,
  startedAt: Math.round(r.started_ms),
  finishedAt: r.status === 'running' ? null : Math.round(r.updated_ms),
});
const errorBody = (e: unknown) => (e instanceof AppError ? e : new AppError('INTERNAL')).toBody().error;

/**
 * Writes the latest progress and renews the lease; one write at a time, the newest progress wins (the
 * importer reports per batch, faster than it is worth writing on a busy database).
 */
function jobWriter(db: Db, id: string) {
  let pending: Progress | null = null;
  let writing: Promise<void> | null = null;
  const loop = async () => {
    while (pending) {
      const p = pending;
      pending = null;
      await writeJobProgress(db, id, p, leaseSeconds()).catch(() => {}); // a lost write is renewed by the next one, or the lease tells readers the process stopped
    }
  };
  const kick = () => {
    if (!writing)
      writing = loop().finally(() => {
        writing = null;
        if (pending) kick();
      });
  };
  return {
    progress(p: Progress) {
      pending = p;
      kick();
    },
    renew: () => renewJobLease(db, id, leaseSeconds()).catch(() => {}),
    async settled() {
      while (writing) await writing;
    },
  };
}

/**
 * A job row of `userId` (old ones cleared), its progress writer, a lease renewed while it runs (also
 * during a long batch that reports no progress), and the two ways it ends: `finish` (the process that ran
 * the import has the last word, even over a reader that took its lease as lapsed) and `discard` (refused
 * before it was answered: no job).
 */
async function openJob(db: Db, userId: number, progress: Progress) {
  await clearOldJobs(db);
  const job = toJob(await insertJob(db, crypto.randomUUID(), userId, progress, leaseSeconds()));
  const writer = jobWriter(db, job.id);
  const renew = setInterval(() => void writer.renew(), (leaseSeconds() * 1000) / 3);
  renew.unref();
  const stop = async () => {
    clearInterval(renew);
    await writer.settled();
  };
  return {
    job,
    writer,
    async finish(status: 'done' | 'failed', result: ImportResult | null, error: JobError | null) {
      await stop();
      await finishJobRow(db, job.id, status, result, error);
    },
    async discard() {
      await stop();
      await deleteJob(db, job.id);
    },
  };
}

/** Parses now (so a bad file is refused in the response), then writes in the background. */
export async function startImport({ db, user }: Ctx, req: ImportRequest): Promise<ImportJob> {
  const unitId = await targetUnit(db, req.target);
  if (db.kind !== 'pglite' && req.format === 'bank') return startStreamingImport({ db, user }, req, unitId);
  const parsed = await parseUpload(req, db);
  // The lines' dates are known only now (the registrar checked the target's unit): checked here so that a
  // refusal is the response, not a failed job; the writer checks each batch again.
  await assertUnitAccess(db, user, 'fund.write', unitId, parsed.lines[0].date);
  const { job, writer, finish } = await openJob(db, user.id, { phase: 'writing', total: parsed.lines.length, done: 0 });
  const remember =
    req.format === 'generic' && req.target.accountId
      ? [...new Map([...parsed.signatures.values()].map((s) => [s.signature, { accountId: req.target.accountId!, ...s }])).values()]
      : [];
  const opts: ImportOptions = { debits: req.debits ?? 'skip', commit: db.kind === 'pglite' ? 'batches' : 'one', remember };
  importParsed(db, user, parsed, req.target, (p) => writer.progress(p), opts)
    .then(
      (r) => finish('done', r, null),
      (e) => finish('failed', null, errorBody(e)),
    )
    .catch(() => {}); // the job row could not be written: its lease lapses and readers report it failed
  return job;
}

/**
 * The same on a server for bank statements: the job writes while the files are read (importUpload, one
 * transaction), and the response still waits until every file has been read — a bad file is refused in
 * the response (its job row removed, the transaction rolled back), as before; a good upload is answered
 * with its job while the rest of the writing goes on.
 */
async function startStreamingImport({ db, user }: Ctx, req: ImportRequest, unitId: number): Promise<ImportJob> {
  // No job for someone who may not write here at all; the unit's scope on the lines' dates is checked
  // by the import at the first line, before anything is written.
  await assertUnitAccess(db, user, 'fund.read', unitId);
  assertPermission(user, 'fund.write');
  const { job, writer, finish, discard } = await openJob(db, user.id, { phase: 'parsing', total: 0, done: 0 });
  let lines = -1;
  let last: Progress = { phase: 'parsing', total: 0, done: 0 };
  let answer!: { ok: (n: number) => void; refuse: (e: unknown) => void };
  const parsed = new Promise<number>((ok, refuse) => (answer = { ok, refuse }));
  importUpload(
    db,
    user,
    req,
    (p) => writer.progress((last = p)),
    { debits: req.debits ?? 'skip', commit: 'one' },
    (n) => answer.ok((lines = n)),
  )
    .then(
      (r) => finish('done', r, null),
      async (e) => {
        if (lines >= 0) return finish('failed', null, errorBody(e));
        // Refused before every file was read (unreadable rows, no access to the lines' dates): the response.
        await discard();
        answer.refuse(e);
      },
    )
    .catch(() => {}); // the job row could not be written: its lease lapses and readers report it failed
  const total = await parsed;
  // The answer's progress is in the job row before it is sent: another process asked next shows the same.
  const progress: Progress = last.phase === 'done' ? last : { ...last, phase: 'writing', total };
  writer.progress(progress);
  await writer.settled();
  return { ...job, progress };
}

/** A job of the asking user (job ids are not shared), read from the database by whichever process is asked. */
export async function importJob({ db, user }: Ctx, id: string): Promise<ImportJob> {
  // Its process stopped without finishing it: say so once, for every reader after.
  await failLapsedJob(db, id, errorBody(new AppError('FUND_IMPORT_INTERRUPTED')));
  const row = await jobRow(db, id);
  if (!row || row.user_id !== user.id) throw new AppError('NOT_FOUND');
  return toJob(row);
}
