import type { EntryKind } from '@contract/fund';
import type { Db } from '../../db/db';
import { AppError } from '../../platform/errors';
import {
  findBalanceAccount,
  findEntryByKey,
  findEntryToReverse,
  insertEntry,
  insertEntryLines,
  insertUnitAccounts,
  linesOfEntry,
  lockAccounts,
  lowestBalanceFrom,
  unitAccounts,
} from './queries-ledger';

export type LineInput = { accountId: number; debit?: number; credit?: number };

export type PostEntryInput = {
  unitId: number;
  date: string;
  kind: EntryKind;
  memo: string;
  lines: LineInput[];
  idempotencyKey?: string | null;
  reversesEntryId?: number | null;
  reason?: string | null;
  createdBy: number | null;
};

const DB_CODES = ['FUND_APPEND_ONLY', 'FUND_PERIOD_CLOSED', 'FUND_UNBALANCED', 'FUND_ACCOUNT_UNIT', 'FUND_FUTURE_DATE', 'FUND_BALANCE_FROM_LEDGER'] as const;

/** Turns the ledger triggers' errors into coded AppErrors; anything else passes through. */
export function fundDbError(err: unknown): unknown {
  const e = err as { message?: string; code?: string; constraint?: string };
  const code = DB_CODES.find((c) => e?.message === c || e?.message?.startsWith(c + ' '));
  if (code) return new AppError(code);
  if (e?.message === 'FUND_UNIT_NOT_VALID') return new AppError('UNIT_NOT_VALID_AT_DATE');
  if (e?.code === '23514' && (e.constraint === 'fund_accounts_balance_nonnegative' || e.message?.includes('fund_accounts_balance_nonnegative'))) {
    return new AppError('FUND_INSUFFICIENT');
  }
  return err;
}

/** Runs fn, translating the database's ledger errors. */
export async function withFundErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw fundDbError(err);
  }
}

// The sign a line moves an account's balance by: funds and payables are credit-normal.
const CREDIT_NORMAL = new Set(['fund', 'payable_up']);

/**
 * Books one balanced entry in the caller's transaction. With an idempotency key already used, books
 * nothing and answers the first entry (`created: false`). The accounts are locked in id order first,
 * so concurrent payments from one fund queue up and none can take the balance below zero.
 */
export async function postEntry(db: Db, e: PostEntryInput): Promise<{ entryId: number; created: boolean }> {
  const debit = e.lines.reduce((s, l) => s + (l.debit ?? 0), 0);
  const credit = e.lines.reduce((s, l) => s + (l.credit ?? 0), 0);
  if (debit !== credit || debit <= 0 || e.lines.some((l) => (l.debit ?? 0) < 0 || (l.credit ?? 0) < 0)) {
    throw new AppError('FUND_UNBALANCED', { debit, credit });
  }
  return db.tx((tx) =>
    withFundErrors(async () => {
      const entryId = await insertEntry(tx, e);
      if (entryId === undefined) {
        const first = await findEntryByKey(tx, e.idempotencyKey);
        return { entryId: first!.id, created: false };
      }
      const ids = [...new Set(e.lines.map((l) => l.accountId))].sort((a, b) => a - b);
      const accounts = await lockAccounts(tx, ids);
      if (accounts.length !== ids.length) throw new AppError('FUND_ACCOUNT_NOT_FOUND');
      for (const a of accounts) {
        if (a.unit_id !== e.unitId) throw new AppError('FUND_ACCOUNT_UNIT', { accountId: a.id });
        const delta = e.lines
          .filter((l) => l.accountId === a.id)
          .reduce((s, l) => s + (CREDIT_NORMAL.has(a.kind) ? (l.credit ?? 0) - (l.debit ?? 0) : (l.debit ?? 0) - (l.credit ?? 0)), 0);
        if (a.balance + delta < 0) throw new AppError('FUND_INSUFFICIENT', { accountId: a.id, available: a.balance, needed: -delta });
        // A payment dated in the past must also have been covered then, and on every later day:
        // otherwise the books would show the fund below zero for that stretch.
        if (delta < 0) {
          const low = await lowestBalanceFrom(tx, a.id, CREDIT_NORMAL.has(a.kind), e.date);
          if (low + delta < 0) throw new AppError('FUND_INSUFFICIENT', { accountId: a.id, available: low, needed: -delta, asOf: e.date });
        }
      }
      await insertEntryLines(tx, entryId, e.lines);
      return { entryId, created: true };
    }),
  );
}

/** Books the mirror image of an entry (debits become credits), dated `date`, with the reason. */
export async function reverseEntryLines(
  tx: Db,
  entryId: number,
  opts: { date: string; reason: string; createdBy: number | null; idempotencyKey?: string | null },
): Promise<{ entryId: number; created: boolean }> {
  const entry = await findEntryToReverse(tx, entryId);
  if (!entry) throw new AppError('FUND_ENTRY_NOT_FOUND');
  if (entry.kind === 'reversal') throw new AppError('FUND_REVERSAL_OF_REVERSAL');
  if (entry.reversed_by !== null) {
    if (opts.idempotencyKey) {
      const again = await findEntryByKey(tx, opts.idempotencyKey);
      if (again) return { entryId: again.id, created: false };
    }
    throw new AppError('FUND_ALREADY_REVERSED', { reversalEntryId: entry.reversed_by });
  }
  const lines = await linesOfEntry(tx, entryId);
  try {
    return await postEntry(tx, {
      unitId: entry.unit_id,
      date: opts.date,
      kind: 'reversal',
      memo: `Đảo bút toán #${entryId}: ${entry.memo}`,
      reversesEntryId: entryId,
      reason: opts.reason,
      createdBy: opts.createdBy,
      idempotencyKey: opts.idempotencyKey,
      lines: lines.map((l) => ({ accountId: l.account_id, debit: l.credit, credit: l.debit })),
    });
  } catch (err) {
    const e = err as { code?: string; constraint?: string; message?: string };
    // Two reversals racing: the unique reverses_entry_id lets one through.
    if (e?.code === '23505' && (e.constraint ?? e.message ?? '').includes('reverses_entry_id')) throw new AppError('FUND_ALREADY_REVERSED');
    throw err;
  }
}

/** The unit's cash, goods and payable-to-higher-level accounts, created on first use. */
export async function ensureUnitAccounts(tx: Db, unitId: number): Promise<{ cash: number; goods: number; payableUp: number }> {
  await insertUnitAccounts(tx, unitId);
  const rows = await unitAccounts(tx, unitId);
  const by = (k: string) => rows.find((r) => r.kind === k)!.id;
  return { cash: by('cash'), goods: by('goods'), payableUp: by('payable_up') };
}

/** The balance account of a fund (campaign_id null) or of one campaign. */
export async function balanceAccountOf(tx: Db, fundId: number, campaignId: number | null): Promise<number> {
  const id = await findBalanceAccount(tx, fundId, campaignId);
  if (id === undefined) throw new AppError('FUND_ACCOUNT_NOT_FOUND', { fundId, campaignId });
  return id;
}
