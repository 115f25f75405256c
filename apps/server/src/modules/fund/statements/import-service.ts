// Importing bank statements: every credit becomes a donation, matched to a campaign by the VietQR
// reference in its memo when there is one. The whole upload is one transaction: it goes in whole or
// not at all, and lines already imported (same key) are skipped, so importing twice adds nothing.
import crypto from 'node:crypto';
import type { Db } from '../../../db/db';
import { assertUnitAccess, type CurrentUser } from '../../../platform/access';
import { audit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { recordDonationsBulk, type BulkDonationLine } from '../donation-service';
import { campaignRow, fundRow } from '../queries';
import { referencedCampaign } from '../vietqr';
import { parseBankStatements } from './banks';
import { parseGeneric, readTable, type ColumnMapping, type UploadedFile } from './generic';
import type { ParsedStatement, RecoveredRow, RowProblem, StatementLine } from './types';
import { invalidatePublicCache } from '../public/cache';
import { refreshStatistics } from '../../../platform/statistics';

export type ImportTarget = { campaignId?: number | null; fundId?: number | null; accountId?: number | null };
export type ImportRequest = {
  files: UploadedFile[];
  target: ImportTarget;
  /** 'bank': the VietinBank/Agribank formats; 'generic': any CSV/XLSX with the columns in `mapping`. */
  format: 'bank' | 'generic';
  mapping?: ColumnMapping | null;
};

export type ImportResult = {
  importId: number;
  files: ParsedStatement['files'];
  rowsRead: number;
  credits: number;
  inserted: number;
  skipped: number;
  amount: number;
  matchedByReference: number;
  recovered: RecoveredRow[];
  entryIds: number[];
};

export type Progress = { phase: 'parsing' | 'writing' | 'done'; total: number; done: number };

/** Lines per call of recordDonationsBulk: one balanced journal entry each, and a progress step. */
const BATCH = 10_000;
const MAX_PROBLEMS_SHOWN = 200;

/** Reads the upload into statement lines; any unreadable row rejects the whole upload, each named. */
export async function parseUpload(req: ImportRequest): Promise<ParsedStatement> {
  let parsed: ParsedStatement;
  if (req.format === 'generic') {
    if (!req.mapping) throw new AppError('VALIDATION', { mapping: 'required for a generic import' });
    parsed = { lines: [], problems: [], recovered: [], files: [] };
    for (const f of req.files) {
      const { rows, problem } = await readTable(f);
      if (problem) {
        parsed.problems.push(problem);
        continue;
      }
      const one = parseGeneric(f.name, rows, req.mapping, null);
      parsed.lines.push(...one.lines);
      parsed.problems.push(...one.problems);
      parsed.files.push(...one.files);
    }
  } else {
    parsed = parseBankStatements(req.files.map((f) => ({ name: f.name, text: f.data.toString('utf8') })));
  }
  if (parsed.problems.length) throw invalid(parsed.problems);
  if (!parsed.lines.length) throw new AppError('IMPORT_INVALID', { problems: [], reason: 'no rows' });
  return parsed;
}

function invalid(problems: RowProblem[]): AppError {
  return new AppError('IMPORT_INVALID', { problemCount: problems.length, problems: problems.slice(0, MAX_PROBLEMS_SHOWN) });
}

type Group = { accountId: number; campaignId: number | null; fundId: number; lines: StatementLine[] };

/**
 * Imports parsed lines in the caller's transaction (or a new one). `user` null is the demo loader.
 * Bank accounts are found by the account number in the file name unless `target.accountId` is given.
 */
export async function importParsed(
  db: Db, user: CurrentUser | null, parsed: ParsedStatement, target: ImportTarget,
  onProgress: (p: Progress) => void = () => {},
): Promise<ImportResult> {
  const startedAt = new Date().toISOString();
  const credits = parsed.lines.filter((l) => l.credit > 0);
  onProgress({ phase: 'writing', total: credits.length, done: 0 });
  return db.tx(async (tx) => {
    const campaign = target.campaignId ? await campaignRow(tx, target.campaignId) : null;
    const fund = await fundRow(tx, campaign?.fund_id ?? target.fundId ?? 0);
    const unitId = fund.unit_id;
    if (user) await assertUnitAccess(tx, user, 'fund.write', unitId, credits[0]?.date);

    // Accounts opened for the campaign come first when the same number is listed twice.
    const accounts = await tx.query<{ id: number; account_no: string | null; kind: string; unit_id: number }>(
      `select id, account_no, kind, unit_id from fund_accounts where unit_id = $1 and kind in ('bank', 'cash')
        order by campaign_id is not distinct from $2 desc, campaign_id nulls first, id`, [unitId, campaign?.id ?? null],
    );
    const accountFor = (l: StatementLine): number => {
      if (target.accountId) {
        const a = accounts.find((x) => x.id === target.accountId);
        if (!a) throw new AppError('FUND_ACCOUNT_NOT_FOUND', { accountId: target.accountId });
        return a.id;
      }
      const a = accounts.find((x) => x.kind === 'bank' && x.account_no === l.account);
      if (!a) throw new AppError('FUND_ACCOUNT_NOT_FOUND', { accountNo: l.account, file: l.file });
      return a.id;
    };
    // Campaigns of the same unit that a memo's reference may name.
    const campaigns = new Map((await tx.query<{ id: number; fund_id: number }>(
      'select id, fund_id from fund_campaigns where unit_id = $1', [unitId],
    )).map((c) => [c.id, c.fund_id]));

    const groups = new Map<string, Group>();
    let matchedByReference = 0;
    for (const l of credits) {
      const accountId = accountFor(l);
      const ref = referencedCampaign(l.memo);
      let campaignId = campaign?.id ?? null;
      let fundId = fund.id;
      if (ref !== null && campaigns.has(ref)) {
        campaignId = ref;
        fundId = campaigns.get(ref)!;
        matchedByReference++;
      }
      const k = `${accountId}:${campaignId}:${fundId}`;
      const g = groups.get(k) ?? groups.set(k, { accountId, campaignId, fundId, lines: [] }).get(k)!;
      g.lines.push(l);
    }

    let inserted = 0;
    let skipped = 0;
    let amount = 0;
    let done = 0;
    const entryIds: number[] = [];
    for (const g of groups.values()) {
      for (let i = 0; i < g.lines.length; i += BATCH) {
        const part = g.lines.slice(i, i + BATCH);
        const r = await recordDonationsBulk(tx, user, {
          ...(g.campaignId ? { campaignId: g.campaignId } : { fundId: g.fundId }),
          accountId: g.accountId,
          lines: part.map((l) => toDonationLine(l, g.accountId)),
          memo: `Thu ủng hộ theo sao kê ${[...new Set(part.map((l) => l.file))].join(', ')}`.slice(0, 500),
        });
        inserted += r.inserted;
        skipped += r.skipped;
        amount += r.total;
        if (r.entryId) entryIds.push(r.entryId);
        done += part.length;
        onProgress({ phase: 'writing', total: credits.length, done });
      }
    }
    const [{ id: importId }] = await tx.query<{ id: number }>(
      `insert into fund_statement_imports (unit_id, campaign_id, fund_id, account_id, files, status, rows_read, credits, inserted,
         skipped, amount, matched_by_reference, recovered, entry_ids, created_by, started_at)
       values ($1, $2, $3, $4, $5, 'done', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
      [unitId, campaign?.id ?? null, fund.id, [...groups.values()][0]?.accountId ?? null,
        JSON.stringify(parsed.files), parsed.lines.length, credits.length, inserted, skipped, amount, matchedByReference,
        JSON.stringify(parsed.recovered), entryIds, user?.id ?? null, startedAt],
    );
    const result: ImportResult = {
      importId, files: parsed.files, rowsRead: parsed.lines.length, credits: credits.length, inserted, skipped, amount,
      matchedByReference, recovered: parsed.recovered, entryIds,
    };
    await audit(tx, user, {
      action: 'import', entity: 'fund_statement_import', entityId: importId, unitId,
      after: { ...result, files: parsed.files.map((f) => f.file) },
    });
    onProgress({ phase: 'done', total: credits.length, done: credits.length });
    return result;
  }).then(async (r) => {
    if (r.inserted > 0) await refreshStatistics(db, ['fund_donations']);
    invalidatePublicCache();
    return r;
  });
}

// The key names the books' account too: a statement line belongs to one account of one unit's books.
function toDonationLine(l: StatementLine, accountId: number): BulkDonationLine {
  return {
    receivedOn: l.date,
    amount: l.credit,
    donorName: l.donorName,
    donorKind: l.donorName ? 'individual' : 'anonymous',
    memo: l.memo || null,
    reference: l.reference,
    statementLineKey: `${accountId}/${l.key}`,
    // The bank published these lines in full; the memo stays visible either way.
    publishName: true,
  };
}

// ---------- jobs: a long import runs in the background and reports progress ----------

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
export async function startImport(db: Db, user: CurrentUser, req: ImportRequest): Promise<ImportJob> {
  const unitId = await targetUnit(db, req.target);
  const parsed = await parseUpload(req);
  // Checked here so that a refusal is the response, not a failed job; the writer checks each batch again.
  await assertUnitAccess(db, user, 'fund.write', unitId, parsed.lines[0].date);
  for (const [id, j] of jobs) if (Date.now() - j.startedAt > JOB_TTL_MS) jobs.delete(id);
  const job: ImportJob = {
    id: crypto.randomUUID(), userId: user.id, status: 'running',
    progress: { phase: 'writing', total: parsed.lines.length, done: 0 }, result: null, error: null, startedAt: Date.now(),
  };
  jobs.set(job.id, job);
  importParsed(db, user, parsed, req.target, (p) => (job.progress = p)).then(
    (r) => Object.assign(job, { status: 'done', result: r }),
    (e) => Object.assign(job, { status: 'failed', error: e instanceof AppError ? e.toBody().error : new AppError('INTERNAL').toBody().error }),
  );
  return job;
}

/** A job of the asking user (job ids are not shared). */
export function importJob(user: CurrentUser, id: string): ImportJob {
  const job = jobs.get(id);
  if (!job || job.userId !== user.id) throw new AppError('NOT_FOUND');
  return job;
}

async function targetUnit(db: Db, t: ImportTarget): Promise<number> {
  if (t.campaignId) return (await campaignRow(db, t.campaignId)).unit_id;
  if (t.fundId) return (await fundRow(db, t.fundId)).unit_id;
  throw new AppError('VALIDATION', { campaignId: 'a campaign or a fund is required' });
}
