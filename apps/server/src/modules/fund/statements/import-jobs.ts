// A long import runs in the background and reports its progress per file and row; the user follows it.
import crypto from 'node:crypto';
import { assertUnitAccess, type Ctx } from '../../../platform/access';
import { AppError } from '../../../platform/errors';
import { importParsed, parseUpload, targetUnit, type ImportOptions, type ImportRequest, type ImportResult, type Progress } from './import-service';


export type ImportJob = {
  id: string;
  userId: number;
  status: 'running' | 'done' | 'failed';
  progress: Progress;
  result: ImportResult | null;
  error: { code: string; message: string; messageEn: string; details?: unknown } | null;
  startedAt: number;
};

const jobs = new Map<string, ImportJob>();
const JOB_TTL_MS = 60 * 60 * 1000;

/** Parses now (so a bad file is refused in the response), then writes in the background. */
export async function startImport({ db, user }: Ctx, req: ImportRequest): Promise<ImportJob> {
  const unitId = await targetUnit(db, req.target);
  const parsed = await parseUpload(req, db);
  // The lines' dates are known only now (the registrar checked the target's unit): checked here so that a
  // refusal is the response, not a failed job; the writer checks each batch again.
  await assertUnitAccess(db, user, 'fund.write', unitId, parsed.lines[0].date);
  for (const [id, j] of jobs) if (Date.now() - j.startedAt > JOB_TTL_MS) jobs.delete(id);
  const job: ImportJob = {
    id: crypto.randomUUID(), userId: user.id, status: 'running',
    progress: { phase: 'writing', total: parsed.lines.length, done: 0 }, result: null, error: null, startedAt: Date.now(),
  };
  jobs.set(job.id, job);
  const remember = req.format === 'generic' && req.target.accountId
    ? [...new Map([...parsed.signatures.values()].map((s) => [s.signature, { accountId: req.target.accountId!, ...s }])).values()]
    : [];
  const opts: ImportOptions = { debits: req.debits ?? 'skip', commit: db.kind === 'pglite' ? 'batches' : 'one', remember };
  importParsed(db, user, parsed, req.target, (p) => (job.progress = p), opts).then(
    (r) => Object.assign(job, { status: 'done', result: r }),
    (e) => Object.assign(job, { status: 'failed', error: e instanceof AppError ? e.toBody().error : new AppError('INTERNAL').toBody().error }),
  );
  return job;
}

/** A job of the asking user (job ids are not shared). */
export function importJob({ user }: Ctx, id: string): ImportJob {
  const job = jobs.get(id);
  if (!job || job.userId !== user.id) throw new AppError('NOT_FOUND');
  return job;
}

