// Statements' own SQL: the column mappings remembered per bank account and header layout.
import type { Db } from '../../../db/db';
import type { ColumnMapping } from './generic';

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
