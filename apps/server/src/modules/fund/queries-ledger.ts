// The ledger's SQL: journal entries and their lines, the accounts they move, month closings.
// The rules (balanced entries, no balance below zero, reversals) stay in ledger.ts and the services.
import type { EntryKind } from '@contract/fund';
import type { Db } from '../../db/db';

export type EntryInsert = {
  unitId: number;
  date: string;
  kind: EntryKind;
  memo: string;
  idempotencyKey?: string | null;
  reversesEntryId?: number | null;
  reason?: string | null;
  createdBy: number | null;
};

/** The new entry's id, or undefined when its idempotency key was already used. */
export async function insertEntry(db: Db, e: EntryInsert): Promise<number | undefined> {
  const inserted = await db.query<{ id: number }>(
    `insert into fund_entries (unit_id, entry_date, kind, memo, idempotency_key, reverses_entry_id, reason, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (idempotency_key) do nothing returning id`,
    [e.unitId, e.date, e.kind, e.memo, e.idempotencyKey ?? null, e.reversesEntryId ?? null, e.reason ?? null, e.createdBy],
  );
  return inserted[0]?.id;
}

export async function findEntryByKey(db: Db, idempotencyKey: string | null | undefined): Promise<{ id: number } | undefined> {
  return (await db.query<{ id: number }>('select id from fund_entries where idempotency_key = $1', [idempotencyKey]))[0];
}

export type LockedAccount = { id: number; kind: string; balance: number; unit_id: number };

/** Locks the accounts in id order (concurrent entries on the same accounts queue up, without deadlocks). */
export async function lockAccounts(db: Db, ids: number[]): Promise<LockedAccount[]> {
  return db.query<LockedAccount>('select id, kind, balance, unit_id from fund_accounts where id = any($1::bigint[]) order by id for update', [ids]);
}

export async function insertEntryLines(db: Db, entryId: number, lines: Array<{ accountId: number; debit?: number; credit?: number }>): Promise<void> {
  await db.query(
    `insert into fund_entry_lines (entry_id, account_id, debit, credit)
       select $1, a, d, c from unnest($2::bigint[], $3::bigint[], $4::bigint[]) as t(a, d, c)`,
    [entryId, lines.map((l) => l.accountId), lines.map((l) => l.debit ?? 0), lines.map((l) => l.credit ?? 0)],
  );
}

/** The lowest running balance of an account on `date` or any later day with entries. */
export async function lowestBalanceFrom(db: Db, accountId: number, creditNormal: boolean, date: string): Promise<number> {
  const [r] = await db.query<{ low: number }>(
    `with days as (
       select e.entry_date as d, sum(${creditNormal ? 'l.credit - l.debit' : 'l.debit - l.credit'}) as v
         from fund_entry_lines l join fund_entries e on e.id = l.entry_id where l.account_id = $1 group by e.entry_date),
     running as (select d, sum(v) over (order by d) as cum from days),
     upto as (select coalesce(sum(v), 0) as b from days where d <= $2::date)
     select least((select b from upto), coalesce((select min(cum) from running where d >= $2::date), (select b from upto)))::bigint as low`,
    [accountId, date],
  );
  return r.low;
}

export type EntryToReverse = { unit_id: number; memo: string; kind: string; reversed_by: number | null };

/** An entry with the id of the entry reversing it, if any. */
export async function findEntryToReverse(db: Db, entryId: number): Promise<EntryToReverse | undefined> {
  const [entry] = await db.query<EntryToReverse>(
    `select e.unit_id, e.memo, e.kind, (select r.id from fund_entries r where r.reverses_entry_id = e.id) as reversed_by
       from fund_entries e where e.id = $1`,
    [entryId],
  );
  return entry;
}

export async function linesOfEntry(db: Db, entryId: number): Promise<Array<{ account_id: number; debit: number; credit: number }>> {
  return db.query<{ account_id: number; debit: number; credit: number }>('select account_id, debit, credit from fund_entry_lines where entry_id = $1 order by id', [entryId]);
}

/** The debit and credit accounts of a one-line-each entry (a statement batch), with its unit. */
export async function batchEntryAccounts(db: Db, entryId: number): Promise<{ unit_id: number; debit_account: number; credit_account: number }> {
  const [e] = await db.query<{ unit_id: number; debit_account: number; credit_account: number }>(
    `select e.unit_id, (select account_id from fund_entry_lines where entry_id = e.id and debit > 0 limit 1) as debit_account,
              (select account_id from fund_entry_lines where entry_id = e.id and credit > 0 limit 1) as credit_account
         from fund_entries e where e.id = $1`,
    [entryId],
  );
  return e;
}

/** Creates the unit's cash, goods and payable-to-higher-level accounts where missing. */
export async function insertUnitAccounts(db: Db, unitId: number): Promise<void> {
  await db.query(
    `insert into fund_accounts (unit_id, kind, name)
     select $1, k, n from (values ('cash', 'Tiền mặt'), ('goods', 'Hiện vật'), ('payable_up', 'Phải nộp cấp trên')) as v(k, n)
     on conflict do nothing`,
    [unitId],
  );
}

export async function unitAccounts(db: Db, unitId: number): Promise<Array<{ id: number; kind: string }>> {
  return db.query<{ id: number; kind: string }>(`select id, kind from fund_accounts where unit_id = $1 and kind in ('cash', 'goods', 'payable_up')`, [unitId]);
}

/** The balance account of a fund (campaign_id null) or of one campaign, if it exists. */
export async function findBalanceAccount(db: Db, fundId: number, campaignId: number | null): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(`select id from fund_accounts where kind = 'fund' and fund_id = $1 and campaign_id is not distinct from $2`, [fundId, campaignId]);
  return rows[0]?.id;
}

/** Locks every account of the unit (an entry being booked finishes first or waits). */
export async function lockUnitAccounts(db: Db, unitId: number): Promise<void> {
  await db.query('select id from fund_accounts where unit_id = $1 order by id for update', [unitId]);
}

/** Closes the month ('YYYY-MM'); false when it was already closed. */
export async function insertClosing(db: Db, unitId: number, month: string, closedBy: number): Promise<boolean> {
  const rows = await db.query(`insert into fund_closings (unit_id, month, closed_by) values ($1, $2, $3) on conflict do nothing returning month`, [
    unitId,
    month + '-01',
    closedBy,
  ]);
  return rows.length > 0;
}
