// Importing bank statements: every credit becomes a donation, matched to a campaign by the VietQR
// reference in its memo when there is one; debits are listed (and proposed as payments when asked).
// Lines already imported (same key, or for generic files the same day, amount and reference/balance/memo)
// are skipped, so importing twice adds nothing.
import type { Db } from '../../../db/db';
import { assertUnitAccess, type CurrentUser } from '../../../platform/access';
import { audit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { recordDonationsBulk, type BulkDonationLine } from '../donation-service';
import { campaignRow, fundRow } from '../queries';
import { referencedCampaign } from '../vietqr';
import { bankStatementSlices, parseBankStatements } from './banks';
import { parseGeneric, readTable, type ColumnMapping, type UploadedFile } from './generic';
import { headerSignature, rememberedFor, rememberMapping, suggestMapping } from './mapping';
import { expandZips } from './zip';
import { proposeDisbursement } from '../disbursement-service';
import type { ParsedStatement, RecoveredRow, RowProblem, StatementLine } from './types';
import { invalidatePublicCache } from '../public/cache';
import { refreshStatistics, refreshStatisticsSoon } from '../../../platform/statistics';
import { cleanSearchPendingList, importAccounts, insertStatementImport, unitCampaignFunds } from './queries';
import { recordedLines, takeMatch, type Known } from './known-lines';

export type ImportTarget = { campaignId?: number | null; fundId?: number | null; accountId?: number | null };
export type ImportRequest = {
  files: UploadedFile[];
  target: ImportTarget;
  /** 'bank': the VietinBank/Agribank formats; 'generic': any CSV/XLSX with the columns in `mapping`. */
  format: 'bank' | 'generic';
  /** null: each file's mapping is suggested from its header (or remembered for the account). */
  mapping?: ColumnMapping | null;
  debits?: DebitChoice;
};

export type DebitLine = { file: string; row: number; date: string; amount: number; memo: string; reference: string | null };

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
  /** Credit lines whose donor's name was recognised, and their share of all credit lines. */
  named: number;
  namedShare: number;
  /** Debit lines (fees, transfers out): listed, and proposed as payments when the accountant chose so. */
  debits: { count: number; amount: number; proposed: number; lines: DebitLine[] };
};

export type FileProgress = { file: string; total: number; done: number };
export type Progress = { phase: 'parsing' | 'writing' | 'done'; total: number; done: number; files?: FileProgress[] };

/** What the accountant chose for debit lines: leave them out of the books, or propose each as a payment. */
export type DebitChoice = 'skip' | 'propose';

export type ImportOptions = {
  debits?: DebitChoice;
  /**
   * 'one': the whole import in one transaction (all of it or none of it; on a server a reader is never
   * blocked by it). 'batches': each batch commits on its own and the event loop is yielded between them,
   * so that on the embedded database (one connection) other requests are served during a long import;
   * a killed import is completed by importing the same files again (lines already in are skipped).
   */
  commit?: 'one' | 'batches';
  /**
   * Planner statistics of the donations after the import: refreshed once it has answered ('soon', the
   * default), before it answers ('wait'), or left to the caller ('none': the demo loads inside one
   * transaction and analyzes everything at its end).
   */
  statistics?: 'soon' | 'wait' | 'none';
  /** The mapping used (generic imports), remembered for the account. */
  remember?: Array<{ accountId: number; signature: string; mapping: ColumnMapping }>;
};

/** Lines per call of recordDonationsBulk: one balanced journal entry each; smaller when each batch commits, so
 * that other requests wait at most one batch. In one transaction a batch boundary costs ~70 ms of round trips
 * in which the database waits (the entry, the access checks, the first chunk built): 10,000-line batches spent
 * 0.7 s of a 5 s import there. Progress is reported per written chunk. */
const BATCH = { one: 25_000, batches: 2_000 };
/** The smallest batch given to an idle writer (see flush). */
const MIN_BATCH = 2_500;
const MAX_PROBLEMS_SHOWN = 200;
const MAX_DEBITS_LISTED = 200;

/** Reads the upload into statement lines; any unreadable row rejects the whole upload, each named. */
export async function parseUpload(req: ImportRequest, db?: Db): Promise<ParsedStatement & { signatures: Map<string, { signature: string; mapping: ColumnMapping }> }> {
  let parsed: ParsedStatement;
  const signatures = new Map<string, { signature: string; mapping: ColumnMapping }>();
  const files = await expandZips(req.files);
  if (req.format === 'generic') {
    parsed = { lines: [], problems: [], recovered: [], files: [] };
    for (const f of files) {
      const { rows, problem } = await readTable(f);
      if (problem) {
        parsed.problems.push(problem);
        continue;
      }
      const remembered = !req.mapping && db && req.target.accountId ? await rememberedFor(db, req.target.accountId, rows) : null;
      const mapping = req.mapping ?? remembered ?? suggestMapping(rows);
      if (!mapping) {
        parsed.problems.push({
          file: f.name,
          row: 0,
          line: 1,
          reason: 'không nhận ra cột ngày và số tiền; hãy chọn cột / no date or amount column recognised: choose the columns',
        });
        continue;
      }
      signatures.set(f.name, { signature: headerSignature(rows, mapping), mapping });
      const one = parseGeneric(f.name, rows, mapping, null);
      for (const l of one.lines) parsed.lines.push(l);
      parsed.problems.push(...one.problems);
      parsed.files.push(...one.files);
    }
  } else {
    parsed = parseBankStatements(files.map((f) => ({ name: f.name, text: f.data.toString('utf8') })));
  }
  if (parsed.problems.length) throw invalid(parsed.problems);
  if (!parsed.lines.length) throw new AppError('IMPORT_INVALID', { problems: [], reason: 'no rows' });
  return Object.assign(parsed, { signatures });
}

/**
 * Reads and imports a bank statement upload in one go, writing each slice of lines while the next is read
 * (on a server the parse and the database's writes then run on two cores instead of one after the
 * other). For one transaction only (commit 'one'): the whole upload is still refused when any row is
 * unreadable — every problem is collected, nothing more is written once one is found, and the refusal
 * rolls back what was. `onParsed` is called with the number of lines once every file has been read
 * without a problem (the route answers then, as it did after parseUpload).
 */
export async function importUpload(
  db: Db,
  user: CurrentUser | null,
  req: ImportRequest,
  onProgress: (p: Progress) => void = () => {},
  opts: ImportOptions = {},
  onParsed: (lines: number) => void = () => {},
): Promise<ImportResult> {
  if (req.format !== 'bank' || opts.commit === 'batches') throw new Error('importUpload: bank statements in one transaction only');
  const files = await expandZips(req.files);
  const parsed: Omit<ParsedStatement, 'lines'> = { problems: [], recovered: [], files: [] };
  async function* slices() {
    let lines = 0;
    for (const slice of bankStatementSlices(
      files.map((f) => ({ name: f.name, text: f.data.toString('utf8') })),
      parsed,
    )) {
      lines += slice.length;
      if (!parsed.problems.length) yield slice; // once refused, the rest is only read for its problems
    }
    if (parsed.problems.length) throw invalid(parsed.problems);
    if (!lines) throw new AppError('IMPORT_INVALID', { problems: [], reason: 'no rows' });
    onParsed(lines);
  }
  return importLines(db, user, { slices: slices(), parsed }, req.target, onProgress, { ...opts, commit: 'one' });
}

function invalid(problems: RowProblem[]): AppError {
  return new AppError('IMPORT_INVALID', { problemCount: problems.length, problems: problems.slice(0, MAX_PROBLEMS_SHOWN) });
}

// lines: the group's lines so far (generic ones; of a bank statement the first only); pending: those not yet given to a batch; known: generic lines
// already recorded on the account (read when the group's first batch is written).
type Group = { accountId: number; campaignId: number | null; fundId: number; lines: StatementLine[]; pending: StatementLine[]; known: Known | null };
type Run = <T>(fn: (tx: Db) => Promise<T>) => Promise<T>;

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * Imports parsed lines. `user` null is the demo loader. Bank accounts are found by the account number in
 * the file name unless `target.accountId` is given. Generic lines already recorded on the account (same
 * day and amount, and the same bank reference, running balance or memo) are skipped, so importing a
 * statement again with another column mapping adds nothing.
 */
export async function importParsed(
  db: Db,
  user: CurrentUser | null,
  parsed: ParsedStatement,
  target: ImportTarget,
  onProgress: (p: Progress) => void = () => {},
  opts: ImportOptions = {},
): Promise<ImportResult> {
  return importLines(db, user, { slices: [parsed.lines], parsed }, target, onProgress, opts);
}

/**
 * Lines to import as they are read: slices in file and row order, and what the parse found (files,
 * recovered amounts), complete once the slices end. The slices may throw (a refused upload): the import
 * then fails and, in one transaction, leaves nothing written.
 */
export type LineSource = { slices: Iterable<StatementLine[]> | AsyncIterable<StatementLine[]>; parsed: Omit<ParsedStatement, 'lines'> };

/**
 * Imports lines as they come: each group's batch is written as soon as it is full, while the next slice
 * is read (one statement at a time on the connection; the reader yields between slices so the writes go
 * on). importParsed is the same with every line in one slice.
 */
async function importLines(
  db: Db,
  user: CurrentUser | null,
  source: LineSource,
  target: ImportTarget,
  onProgress: (p: Progress) => void,
  opts: ImportOptions,
): Promise<ImportResult> {
  const startedAt = new Date().toISOString();
  const parsed = source.parsed;
  const perFile = new Map<string, FileProgress>();
  let rowsRead = 0;
  let credits = 0;
  let named = 0;
  let firstDate: string | null = null;
  const debitLines: StatementLine[] = [];
  const progress = (phase: Progress['phase'], done: number) => onProgress({ phase, total: credits, done, files: [...perFile.values()].map((f) => ({ ...f })) });
  progress('writing', 0);

  const body = async (run: Run): Promise<ImportResult> => {
    const prep = await run(async (tx) => {
      const campaign = target.campaignId ? await campaignRow(tx, target.campaignId) : null;
      const fund = await fundRow(tx, campaign?.fund_id ?? target.fundId ?? 0);
      // Accounts opened for the campaign come first when the same number is listed twice.
      const accounts = await importAccounts(tx, fund.unit_id, campaign?.id ?? null);
      // Campaigns of the same unit that a memo's reference may name.
      const campaigns = new Map((await unitCampaignFunds(tx, fund.unit_id)).map((c) => [c.id, c.fund_id]));
      return { campaign, fund, accounts, campaigns };
    });
    const { campaign, fund, accounts, campaigns } = prep;
    const unitId = fund.unit_id;
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

    const groups = new Map<string, Group>();
    let matchedByReference = 0;
    let inserted = 0;
    let skipped = 0;
    let amount = 0;
    let done = 0;
    const entryIds: number[] = [];
    const size = BATCH[opts.commit ?? 'one'];

    // One batch of a group: lines already recorded are skipped, the rest booked with one entry.
    const writeBatch = async (g: Group, part: StatementLine[]) => {
      // Generic lines are matched against what the account held before this import, once per group (all
      // of a generic upload's lines come in one slice, so the group is complete here).
      g.known ??= await run((tx) => recordedLines(tx, g.fundId, g.accountId, g.lines));
      const known = g.known;
      const fresh = part.filter((l) => !takeMatch(known, l));
      skipped += part.length - fresh.length;
      const count = (l: StatementLine) => {
        done++;
        perFile.get(l.file)!.done++;
      };
      if (fresh.length < part.length) {
        const kept = new Set(fresh);
        for (const l of part) if (!kept.has(l)) count(l);
      }
      let counted = 0;
      const advance = (n: number) => {
        for (; counted < n; counted++) count(fresh[counted]);
        progress('writing', done);
      };
      if (fresh.length) {
        const r = await run((tx) =>
          recordDonationsBulk(
            { db: tx, user },
            {
              ...(g.campaignId ? { campaignId: g.campaignId } : { fundId: g.fundId }),
              accountId: g.accountId,
              lines: fresh.map((l) => toDonationLine(l, g.accountId)),
              memo: `Thu ủng hộ theo sao kê ${[...new Set(part.map((l) => l.file))].join(', ')}`.slice(0, 500),
              onWritten: advance,
            },
          ),
        );
        inserted += r.inserted;
        skipped += r.skipped;
        amount += r.total;
        if (r.entryId) entryIds.push(r.entryId);
      }
      advance(fresh.length);
      if (opts.commit === 'batches') await yieldToLoop();
    };
    // Batches are written one after another, while the reader goes on; the first failure stops the import.
    let writing: Promise<void> = Promise.resolve();
    let failed: { error: unknown } | null = null;
    // A batch is given to the writer when it is full, or as soon as the writer has nothing left to do (so
    // the database never waits for lines that are already read): small batches while the reading is
    // ahead of nothing, full ones once it is ahead of the writing.
    let queued = 0;
    const flush = (g: Group, all: boolean) => {
      const min = Math.min(size, MIN_BATCH);
      while (g.pending.length >= size || (all && g.pending.length) || (queued === 0 && g.pending.length >= min)) {
        const part = g.pending.splice(0, size);
        queued++;
        writing = writing
          .then(() => (failed ? undefined : writeBatch(g, part)))
          .catch((error) => void (failed ??= { error }))
          .finally(() => queued--);
      }
    };

    async function readSlices() {
      for await (const slice of source.slices) {
        if (failed) break;
        for (const l of slice) {
          rowsRead++;
          if (!perFile.has(l.file)) perFile.set(l.file, { file: l.file, total: 0, done: 0 });
          if (l.debit > 0) debitLines.push(l);
          if (!(l.credit > 0)) continue;
          if (firstDate === null) {
            firstDate = l.date;
            // The lines' dates come from the file: the first is checked before anything is written (each
            // batch is checked again when written).
            if (user) await run((tx) => assertUnitAccess(tx, user, 'fund.write', unitId, firstDate!));
          }
          credits++;
          if (l.donorName) named++;
          perFile.get(l.file)!.total++;
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
          const g = groups.get(k) ?? groups.set(k, { accountId, campaignId, fundId, lines: [], pending: [], known: null }).get(k)!;
          // Only generic lines are matched against what is recorded (recordedLines); a bank line's key decides, so
          // keeping every line of a long statement alive would only make the garbage collector walk them.
          if (l.bank === 'generic' || !g.lines.length) g.lines.push(l);
          g.pending.push(l);
        }
        for (const g of groups.values()) flush(g, false);
        await yieldToLoop();
      }
    }
    try {
      await readSlices();
    } catch (error) {
      // Refused (or an unknown account) while batches may still be writing: they stop, and are waited for
      // before the caller rolls the transaction back (never a write on a connection already given back).
      failed ??= { error };
      await writing;
      throw error;
    }
    if (!failed) for (const g of groups.values()) flush(g, true);
    await writing;
    const stopped = failed as { error: unknown } | null; // set by the writes (TypeScript cannot see it)
    if (stopped) throw stopped.error;
    if (user && firstDate === null && debitLines.length) await run((tx) => assertUnitAccess(tx, user, 'fund.write', unitId, debitLines[0].date));

    const debits = {
      count: debitLines.length,
      amount: debitLines.reduce((s, l) => s + l.debit, 0),
      proposed: 0,
      lines: debitLines.slice(0, MAX_DEBITS_LISTED).map((l) => ({ file: l.file, row: l.row, date: l.date, amount: l.debit, memo: l.memo, reference: l.reference })),
    };
    if (opts.debits === 'propose' && debitLines.length) {
      if (!user) throw new AppError('FORBIDDEN');
      debits.proposed = await run((tx) => proposeDebits(tx, user, fund.id, campaign?.id ?? null, debitLines, accountFor));
    }

    return run(async (tx) => {
      const counts = { files: parsed.files, rowsRead, credits, inserted, skipped, amount, matchedByReference, recovered: parsed.recovered, entryIds };
      const importId = await insertStatementImport(tx, {
        ...counts,
        unitId,
        campaignId: campaign?.id ?? null,
        fundId: fund.id,
        accountId: [...groups.values()][0]?.accountId ?? null,
        createdBy: user?.id ?? null,
        startedAt,
      });
      for (const m of opts.remember ?? []) await rememberMapping(tx, m.accountId, m.signature, m.mapping, user?.id ?? null);
      const result: ImportResult = {
        importId,
        ...counts,
        named,
        namedShare: credits ? named / credits : 0,
        debits,
      };
      await audit(tx, user, {
        action: 'import',
        entity: 'fund_statement_import',
        entityId: importId,
        unitId,
        after: { ...result, files: parsed.files.map((f) => f.file), debits: { ...debits, lines: undefined } },
      });
      progress('done', credits);
      return result;
    });
  };

  const run = opts.commit === 'batches' ? body(<T>(fn: (tx: Db) => Promise<T>) => db.tx(fn)) : db.tx((tx) => body(<T>(fn: (tx2: Db) => Promise<T>) => fn(tx)));
  return run.then(async (r) => {
    const stats = opts.statistics ?? 'soon';
    if (r.inserted > 0 && stats === 'wait') await Promise.all([refreshStatistics(db, ['fund_donations']), mergeSearchIndex(db)]);
    if (r.inserted > 0 && stats === 'soon') {
      // At once, not after a run of uploads: until the merge every word search reads the whole pending list.
      refreshStatisticsSoon(db, ['fund_donations']);
      void mergeSearchIndex(db);
    }
    invalidatePublicCache();
    return r;
  });
}

/**
 * The donors' word index takes an import's rows into its GIN pending list (migration 0015c: the merge is
 * not paid inside the import), but every word search reads that whole list until it is merged: after the
 * real statements' 98,967 lines, a search for a word nobody wrote took 350 ms instead of 5 ms (and the
 * started product's uncached searches missed their goal). Merged once the import is committed, like the
 * statistics; searches meanwhile still find everything. A failure (the database closing) changes nothing
 * but speed: the next import, vacuum or a full list merges it.
 */
async function mergeSearchIndex(db: Db): Promise<void> {
  await cleanSearchPendingList(db).catch(() => {});
}

/** Each debit line proposed as a payment out of the fund, for a second person to approve. */
async function proposeDebits(
  tx: Db,
  user: CurrentUser,
  fundId: number,
  campaignId: number | null,
  lines: StatementLine[],
  accountFor: (l: StatementLine) => number,
): Promise<number> {
  let n = 0;
  for (const l of lines) {
    const accountId = accountFor(l);
    await proposeDisbursement(
      { db: tx, user },
      {
        ...(campaignId ? { campaignId } : { fundId }),
        kind: 'other',
        amount: l.debit,
        paidOn: l.date,
        payAccountId: accountId,
        purpose: 'other',
        note: `Chi theo sao kê ${l.file}, dòng ${l.row}: ${l.memo || l.reference || ''}`.slice(0, 2000),
        beneficiaryName: (l.counterparty || l.memo || 'Ngân hàng').slice(0, 200),
        idempotencyKey: `statement-debit:${accountId}/${l.key}`,
      },
    );
    n++;
  }
  return n;
}

// The key names the books' account too: a statement line belongs to one account of one unit's books.
function toDonationLine(l: StatementLine, accountId: number): BulkDonationLine {
  return {
    receivedOn: l.date,
    amount: l.credit,
    donorName: l.donorName,
    donorKind: l.donorName ? 'individual' : 'anonymous',
    memo: l.memo || null,
    searchMemo: l.plainMemo ?? null,
    reference: l.reference,
    statementLineKey: `${accountId}/${l.key}`,
    statementBalance: l.balance,
    // The bank published these lines in full: the memo stays visible (phone and account numbers masked
    // on the public statement) and searchable even when no donor's name was recognised.
    publishName: true,
  };
}

export async function targetUnit(db: Db, t: ImportTarget): Promise<number> {
  if (t.campaignId) return (await campaignRow(db, t.campaignId)).unit_id;
  if (t.fundId) return (await fundRow(db, t.fundId)).unit_id;
  throw new AppError('VALIDATION', { campaignId: 'a campaign or a fund is required' });
}
