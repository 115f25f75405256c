// Payments' SQL: proposed, decided, reversed.
import type { Disbursement } from '@contract/fund';
import type { Db } from '../../db/db';

/** A household paid from a unit's fund lives in that unit's area, now or in a unit whose history rolls into it. */
export async function householdInUnitArea(db: Db, unitId: number, householdId: number): Promise<boolean> {
  const ok = await db.query(
    `select 1 from households h
      where h.id = $2 and (exists (select 1 from unit_closure c where c.ancestor_id = $1 and c.descendant_id = h.unit_id)
        or exists (select 1 from unit_lineage_closure l join unit_closure c on c.ancestor_id = l.predecessor_id
                    where l.successor_id = $1 and c.descendant_id = h.unit_id))`,
    [unitId, householdId],
  );
  return ok.length > 0;
}

export type DisbursementInsert = {
  unitId: number;
  fundId: number;
  campaignId: number | null;
  payAccountId: number;
  kind: Disbursement['kind'];
  purpose: string;
  amount: number;
  paidOn: string;
  householdId: number | null;
  beneficiaryName: string | null;
  beneficiaryVillage: string | null;
  projectName: string | null;
  targetUnitId: number | null;
  packages: number | null;
  note: string | null;
  proposedBy: number;
  idempotencyKey: string | null;
};

/** The proposal's id, or undefined when its idempotency key was already used. */
export async function insertDisbursement(db: Db, v: DisbursementInsert): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    `insert into fund_disbursements (unit_id, fund_id, campaign_id, pay_account_id, kind, purpose, amount, paid_on, household_id,
         beneficiary_name, beneficiary_village, project_name, target_unit_id, packages, note, proposed_by, idempotency_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       on conflict (idempotency_key) do nothing returning id`,
    [
      v.unitId,
      v.fundId,
      v.campaignId,
      v.payAccountId,
      v.kind,
      v.purpose,
      v.amount,
      v.paidOn,
      v.householdId,
      v.beneficiaryName,
      v.beneficiaryVillage,
      v.projectName,
      v.targetUnitId,
      v.packages,
      v.note,
      v.proposedBy,
      v.idempotencyKey,
    ],
  );
  return rows[0]?.id;
}

export async function findDisbursementByKey(db: Db, idempotencyKey: string | null): Promise<{ id: number }> {
  const [first] = await db.query<{ id: number }>('select id from fund_disbursements where idempotency_key = $1', [idempotencyKey]);
  return first;
}

export type DisbursementToDecide = { id: number; unit_id: number; status: string; proposed_by: number; decided_by: number | null; paid_on: string };

/** The payment locked until commit, for its decision. */
export async function lockDisbursement(db: Db, id: number): Promise<DisbursementToDecide | undefined> {
  const [row] = await db.query<DisbursementToDecide>('select id, unit_id, status, proposed_by, decided_by, paid_on from fund_disbursements where id = $1 for update', [id]);
  return row;
}

export async function markDisbursementApproved(db: Db, id: number, decidedBy: number, note: string | null, entryId: number): Promise<void> {
  await db.query(`update fund_disbursements set status = 'approved', decided_by = $2, decided_at = now(), decision_note = $3, entry_id = $4 where id = $1`, [
    id,
    decidedBy,
    note,
    entryId,
  ]);
}

export async function markDisbursementRejected(db: Db, id: number, decidedBy: number, note: string | null): Promise<void> {
  await db.query(`update fund_disbursements set status = 'rejected', decided_by = $2, decided_at = now(), decision_note = $3 where id = $1`, [id, decidedBy, note]);
}

export async function setDisbursementReversal(db: Db, id: number, reversalEntryId: number): Promise<void> {
  await db.query('update fund_disbursements set reversal_entry_id = $2 where id = $1', [id, reversalEntryId]);
}
