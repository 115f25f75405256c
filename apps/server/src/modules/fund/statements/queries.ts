// Statements' own SQL: the column mappings remembered per bank account and header layout.
import type { Db } from '../../../db/db';
import type { ColumnMapping } from './generic';
import type { ImportResult } from './import-service';

export async function upsertStatementMapping(db: Db, accountId: number, signature: string, mapping: ColumnMapping, userId: number | null): Promise<void> {
  await db.query(
    `insert into fund_statement_mappings (account_id, header, mapping, updated_by) values ($1, $2, $3, $4)
     on conflict (account_id, header) do update set mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = now()`,
    [accountId, signature, JSON.stringify(mapping), userId],
  );
}

export async function statementMappingsOf(db: Db, accountId: number): Promise<Array<{ header: string; mapping: ColumnMapping }>> {
  return db.query<{ header: string; mapping: ColumnMapping }>('select header, mapping from fund_statement_mappings where account_id = $1', [accountId]);
}

/** The unit's bank and cash accounts; those opened for the campaign first (the same number may be listed twice). */
export async function importAccounts(db: Db, unitId: number, campaignId: number | null): Promise<Array<{ id: number; account_no: string | null; kind: string; unit_id: number }>> {
  return db.query(
    `select id, account_no, kind, unit_id from fund_accounts where unit_id = $1 and kind in ('bank', 'cash')
          order by campaign_id is not distinct from $2 desc, campaign_id nulls first, id`,
    [unitId, campaignId],
  );
}

/** The unit's campaigns and their funds (a memo's VietQR reference may name one). */
export async function unitCampaignFunds(db: Db, unitId: number): Promise<Array<{ id: number; fund_id: number }>> {
  return db.query<{ id: number; fund_id: number }>('select id, fund_id from fund_campaigns where unit_id = $1', [unitId]);
}

/** What an import records of itself (its counts as in its result). */
export type StatementImportRow = Pick<ImportResult, 'files' | 'rowsRead' | 'credits' | 'inserted' | 'skipped' | 'amount' | 'matchedByReference' | 'recovered' | 'entryIds'> & {
  unitId: number;
  campaignId: number | null;
  fundId: number;
  accountId: number | null;
  createdBy: number | null;
  startedAt: string;
};

export async function insertStatementImport(db: Db, v: StatementImportRow): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into fund_statement_imports (unit_id, campaign_id, fund_id, account_id, files, status, rows_read, credits, inserted,
           skipped, amount, matched_by_reference, recovered, entry_ids, created_by, started_at)
         values ($1, $2, $3, $4, $5, 'done', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
    [
      v.unitId,
      v.campaignId,
      v.fundId,
      v.accountId,
      JSON.stringify(v.files),
      v.rowsRead,
      v.credits,
      v.inserted,
      v.skipped,
      v.amount,
      v.matchedByReference,
      JSON.stringify(v.recovered),
      v.entryIds,
      v.createdBy,
      v.startedAt,
    ],
  );
  return id;
}

/** Merges the donors' word index's pending list (see import-service mergeSearchIndex). */
export async function cleanSearchPendingList(db: Db): Promise<void> {
  await db.query(`select gin_clean_pending_list('fund_donations_search_tokens')`);
}

/** Statement lines already recorded on an account between two days (a generic re-import matches them). */
export async function recordedStatementRows(
  db: Db,
  accountId: number,
  from: string,
  to: string,
  fundId: number,
): Promise<Array<{ d: string; amount: number; reference: string | null; statement_balance: number | null; memo: string | null }>> {
  return db.query(
    `select received_on as d, amount, reference, statement_balance, memo from fund_donations
      where fund_id = $4 and received_on between $2 and $3 and account_id = $1 and source = 'statement'`,
    [accountId, from, to, fundId],
  );
}

/** The donations' secondary indexes (not unique, not the key): the demo rebuilds them around its bulk load. */
export async function donationSecondaryIndexes(db: Db): Promise<Array<{ name: string; def: string }>> {
  return db.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indrelid = 'fund_donations'::regclass and not i.indisunique and not i.indisprimary`,
  );
}

export async function dropIndexes(db: Db, indexes: Array<{ name: string }>): Promise<void> {
  for (const i of indexes) await db.exec(`drop index ${i.name}`);
}

/** Builds indexes from their definitions; the GIN build sorts its entries in memory, 64 MB by default made it spill and merge. */
export async function buildIndexes(db: Db, indexes: Array<{ def: string }>): Promise<void> {
  await db.exec(`set local maintenance_work_mem = '256MB'`);
  for (const i of indexes) await db.exec(i.def);
}
