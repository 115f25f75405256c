// Donations' SQL: receipts, one donation, a statement's bulk insert, reversals.
import { createRequire } from 'node:module';
import type { Donation, DonorKind } from '@contract/fund';
import type { Db } from '../../db/db';

/** Next receipt number of the unit's year; the counter row stays locked until commit, so numbers have no gaps. */
export async function nextReceiptNo(db: Db, unitId: number, year: number): Promise<number> {
  const [r] = await db.query<{ last_no: number }>(
    `insert into fund_receipt_counters (unit_id, year, last_no) values ($1, $2, 1)
     on conflict (unit_id, year) do update set last_no = fund_receipt_counters.last_no + 1 returning last_no`,
    [unitId, year],
  );
  return r.last_no;
}

/** The donation booked by an entry (a repeated idempotency key answers the first one). */
export async function donationIdByEntry(db: Db, entryId: number): Promise<number | undefined> {
  const [first] = await db.query<{ id: number }>('select id from fund_donations where entry_id = $1', [entryId]);
  return first?.id;
}

export type DonationInsert = {
  unitId: number;
  fundId: number;
  campaignId: number | null;
  accountId: number;
  receivedOn: string;
  amount: number;
  kind: Donation['kind'];
  goodsDescription: string | null;
  goodsQuantity: number | null | undefined;
  goodsUnit: string | null;
  donorKind: DonorKind;
  donorName: string | null;
  donorAddress: string | null;
  publishName: boolean;
  memo: string | null;
  reference: string | null;
  searchText: string;
  receiptYear: number;
  receiptNo: number;
  entryId: number;
  createdBy: number;
};

/** A manual donation; returns its id. */
export async function insertDonation(db: Db, v: DonationInsert): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into fund_donations (unit_id, fund_id, campaign_id, account_id, received_on, amount, kind, goods_description,
         goods_quantity, goods_unit, donor_kind, donor_name, donor_address, publish_name, memo, reference, source, search_text,
         receipt_year, receipt_no, entry_id, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'manual', $17, $18, $19, $20, $21) returning id`,
    [
      v.unitId,
      v.fundId,
      v.campaignId,
      v.accountId,
      v.receivedOn,
      v.amount,
      v.kind,
      v.goodsDescription,
      v.goodsQuantity,
      v.goodsUnit,
      v.donorKind,
      v.donorName,
      v.donorAddress,
      v.publishName,
      v.memo,
      v.reference,
      v.searchText,
      v.receiptYear,
      v.receiptNo,
      v.entryId,
      v.createdBy,
    ],
  );
  return id;
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * Which of these statement line keys are already recorded. A batch's keys share their start (the books'
 * account, then the bank's account and the day: see assignKeys), so one walk of the unique index over
 * their span answers for all of them; `= any` probed the index once per key, ~15% of an import's database
 * time. The span is found here in JavaScript's order, which is the column's byte order (collation "C")
 * for ASCII text; a batch with other keys is probed key by key.
 */
export async function recordedLineKeys(db: Db, keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  let lo = keys[0];
  let hi = keys[0];
  for (const k of keys) {
    if (!ASCII.test(k)) {
      const rows = await db.query<{ k: string }>('select statement_line_key as k from fund_donations where statement_line_key = any($1::text[])', [keys]);
      return rows.map((r) => r.k);
    }
    if (k < lo) lo = k;
    else if (k > hi) hi = k;
  }
  const rows = await db.query<{ k: string }>('select statement_line_key as k from fund_donations where statement_line_key between $1 and $2', [lo, hi]);
  const wanted = new Set(keys);
  return rows.map((r) => r.k).filter((k) => wanted.has(k));
}

/** One chunk of a statement's lines: the batch's columns once, the lines' as arrays (same length). */
export type DonationChunk = {
  unitId: number;
  fundId: number;
  campaignId: number | null;
  accountId: number;
  entryId: number;
  createdBy: number | null;
  receivedOn: string[];
  amount: number[];
  donorKind: DonorKind[];
  donorName: Array<string | null>;
  publishName: boolean[];
  memo: Array<string | null>;
  reference: Array<string | null>;
  statementLineKey: string[];
  searchText: string[];
  statementBalance: Array<number | null>;
};

const INSERT_CHUNK = `insert into fund_donations (unit_id, fund_id, campaign_id, account_id, entry_id, kind, source, created_by,
             received_on, amount, donor_kind, donor_name, publish_name, memo, reference, statement_line_key, search_text, statement_balance)
           select $1::bigint, $2::bigint, $3::bigint, $4::bigint, $5::bigint, 'money', 'statement', $6::bigint, t.*
             from unnest($7::date[], $8::bigint[], $9::text[], $10::text[], $11::boolean[], $12::text[], $13::text[], $14::text[], $15::text[],
               $16::bigint[]) as t`;

// node-pg's own conversion of a JavaScript array into PostgreSQL's array text, the one the driver makes when it
// sends a query: made here ahead of time instead (see prepareDonationChunk).
const pgValue = (createRequire(import.meta.url)('pg/lib/utils') as { prepareValue: (v: unknown) => unknown }).prepareValue;

/** A chunk's parameters, ready to send. */
export type PreparedChunk = { params: unknown[] };

/**
 * The parameters of one chunk of statement lines: the batch's columns once, the lines' as arrays (unnest of
 * arrays: one round trip for thousands of rows). On a server they are turned into text here, while the chunk
 * before is being written: the driver would otherwise do it only once that write has answered, a gap of
 * ~10 ms per chunk in which the database waits (PGlite takes the arrays as they are).
 */
export function prepareDonationChunk(db: Db, c: DonationChunk): PreparedChunk {
  const arrays = [c.receivedOn, c.amount, c.donorKind, c.donorName, c.publishName, c.memo, c.reference, c.statementLineKey, c.searchText, c.statementBalance];
  return { params: [c.unitId, c.fundId, c.campaignId, c.accountId, c.entryId, c.createdBy, ...(db.kind === 'postgres' ? arrays.map(pgValue) : arrays)] };
}

/** Inserts a prepared chunk in one statement. */
export function insertDonationChunk(db: Db, c: PreparedChunk): Promise<unknown> {
  return db.query(INSERT_CHUNK, c.params);
}

export async function setDonationReversal(db: Db, id: number, reversalEntryId: number): Promise<void> {
  await db.query('update fund_donations set reversal_entry_id = $2 where id = $1', [id, reversalEntryId]);
}

export async function setDonationsReversal(db: Db, ids: number[], reversalEntryId: number): Promise<void> {
  await db.query('update fund_donations set reversal_entry_id = $2 where id = any($1::bigint[])', [ids, reversalEntryId]);
}

export type DonationToReverse = { id: number; entry_id: number; amount: number; source: string; reversal_entry_id: number | null };

export async function lockDonations(db: Db, ids: number[]): Promise<DonationToReverse[]> {
  return db.query<DonationToReverse>('select id, entry_id, amount, source, reversal_entry_id from fund_donations where id = any($1::bigint[]) order by id for update', [ids]);
}

export async function donationReversalEntry(db: Db, id: number): Promise<number> {
  const [x] = await db.query<{ e: number }>('select reversal_entry_id as e from fund_donations where id = $1', [id]);
  return x.e;
}

/** The import's unreversed donations (all of them, or those of `donationIds`). */
export async function unreversedImportDonations(db: Db, entryIds: number[], donationIds: number[] | null): Promise<Array<{ id: number; received_on: string }>> {
  return db.query<{ id: number; received_on: string }>(
    `select id, received_on from fund_donations where entry_id = any($1::bigint[]) and reversal_entry_id is null
         and ($2::bigint[] is null or id = any($2::bigint[])) order by id`,
    [entryIds, donationIds],
  );
}

/** The sum of some donations and the balance account of their fund (or campaign). */
export async function donationsSum(db: Db, donationIds: number[]): Promise<{ amount: number; account: number | null }> {
  const [s] = await db.query<{ amount: number; account: number | null }>(
    `select coalesce(sum(d.amount), 0)::bigint as amount,
              (select a.id from fund_accounts a where a.kind = 'fund' and a.fund_id = min(d.fund_id) and a.campaign_id is not distinct from min(d.campaign_id)) as account
         from fund_donations d where d.id = any($1::bigint[])`,
    [donationIds],
  );
  return s;
}
