// Proposals' SQL (transfers and reversals decided by a second person).
import type { Proposal } from '@contract/fund';
import type { Db } from '../../db/db';

export type ProposalRow = {
  id: number;
  unit_id: number;
  kind: Proposal['kind'];
  payload: Record<string, unknown>;
  reason: string;
  status: Proposal['status'];
  proposed_by: number;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  result: unknown;
};

export async function insertProposalRow(
  db: Db,
  v: { unitId: number; kind: Proposal['kind']; payload: Record<string, unknown>; reason: string; proposedBy: number },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>('insert into fund_proposals (unit_id, kind, payload, reason, proposed_by) values ($1, $2, $3, $4, $5) returning id', [
    v.unitId,
    v.kind,
    JSON.stringify(v.payload),
    v.reason,
    v.proposedBy,
  ]);
  return id;
}

export async function findProposal(db: Db, id: number): Promise<ProposalRow | undefined> {
  const [p] = await db.query<ProposalRow>('select * from fund_proposals where id = $1', [id]);
  return p;
}

/** The proposal locked until commit, for its decision. */
export async function lockProposalForDecision(db: Db, id: number): Promise<ProposalRow | undefined> {
  const [p] = await db.query<ProposalRow>('select * from fund_proposals where id = $1 for update', [id]);
  return p;
}

export async function markProposalApproved(db: Db, id: number, decidedBy: number, note: string | null, result: unknown): Promise<void> {
  await db.query(`update fund_proposals set status = 'approved', decided_by = $2, decided_at = now(), decision_note = $3, result = $4 where id = $1`, [
    id,
    decidedBy,
    note,
    JSON.stringify(result),
  ]);
}

export async function markProposalRejected(db: Db, id: number, decidedBy: number, note: string | null): Promise<void> {
  await db.query(`update fund_proposals set status = 'rejected', decided_by = $2, decided_at = now(), decision_note = $3 where id = $1`, [id, decidedBy, note]);
}

/** Proposals still open that `userId` did not make, oldest first (of one unit, or all). */
export async function pendingProposalsNotBy(db: Db, userId: number, unitId: number | null): Promise<Array<{ id: number; unit_id: number }>> {
  return db.query<{ id: number; unit_id: number }>(
    `select id, unit_id from fund_proposals where status = 'proposed' and proposed_by <> $1 and ($2::bigint is null or unit_id = $2)
        order by proposed_at, id limit 200`,
    [userId, unitId],
  );
}

export async function proposalIdsOfUnit(db: Db, unitId: number, status: Proposal['status'] | null): Promise<Array<{ id: number }>> {
  return db.query<{ id: number }>('select id from fund_proposals where unit_id = $1 and ($2::text is null or status = $2) order by proposed_at desc, id desc limit 200', [
    unitId,
    status,
  ]);
}

export type ImportToReverse = { unit_id: number; entry_ids: number[]; started_at: string };

export async function findStatementImport(db: Db, importId: number): Promise<ImportToReverse | undefined> {
  const [imp] = await db.query<ImportToReverse>('select unit_id, entry_ids, started_at::date::text as started_at from fund_statement_imports where id = $1', [importId]);
  return imp;
}

/** A balance account's balance and the name of its fund and campaign. */
export async function balanceAccountInfo(db: Db, accountId: number): Promise<{ balance: number; fund_name: string | null; campaign_name: string | null } | undefined> {
  const [acc] = await db.query<{ balance: number; fund_name: string | null; campaign_name: string | null }>(
    `select a.balance, f.name as fund_name, c.name as campaign_name from fund_accounts a left join fund_funds f on f.id = a.fund_id
       left join fund_campaigns c on c.id = a.campaign_id where a.id = $1`,
    [accountId],
  );
  return acc;
}

export async function userDisplayName(db: Db, userId: number): Promise<string | undefined> {
  const [who] = await db.query<{ name: string }>('select display_name as name from users where id = $1', [userId]);
  return who?.name;
}
