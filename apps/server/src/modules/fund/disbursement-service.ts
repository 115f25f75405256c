import type { DecideDisbursement, Disbursement, ProposeDisbursement } from '@contract/fund';
import type { Db } from '../../db/db';
import { can, today, unitsInScope, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { balanceAccountOf, ensureUnitAccounts, postEntry, reverseEntryLines, type LineInput } from './ledger';
import { accountRow, disbursementById, resolveTarget, type DisbursementData } from './queries';

/** Adds canDecide for the reader: the approving role, in scope, and not the proposer. */
export async function withDecide({ db, user }: Ctx, rows: DisbursementData[]): Promise<Disbursement[]> {
  const pendingUnits = [...new Set(rows.filter((r) => r.status === 'proposed').map((r) => r.unitId))];
  const ok = await unitsInScope(db, user, 'fund.approve', pendingUnits);
  // A user whose unit has ended may still decide payments dated before its end.
  const open = (r: DisbursementData) => !user.unitValidTo || r.paidOn < user.unitValidTo;
  return rows.map((r) => ({ ...r, canDecide: r.status === 'proposed' && r.proposedBy !== user.id && ok.has(r.unitId) && open(r) && can(user, 'fund.approve') }));
}

async function assertTargetUnit(tx: Db, kind: 'transfer_up' | 'allocation_down', unitId: number, targetUnitId: number, date: string) {
  // Up: the target holds the paying unit in its subtree on that date; down: the reverse.
  const [ancestor, descendant] = kind === 'transfer_up' ? [targetUnitId, unitId] : [unitId, targetUnitId];
  const rows = await tx.query(
    `select 1 from unit_closure where ancestor_id = $1 and descendant_id = $2 and ancestor_id <> descendant_id
        and valid_from <= $3::date and $3::date < valid_to`,
    [ancestor, descendant, date],
  );
  if (!rows.length) throw new AppError('FUND_TARGET_UNIT', { targetUnitId });
}

/** A household paid from a unit's fund lives in that unit's area, now or in a unit whose history rolls into it. */
async function assertHouseholdInScope(tx: Db, unitId: number, householdId: number): Promise<void> {
  const ok = await tx.query(
    `select 1 from households h
      where h.id = $2 and (exists (select 1 from unit_closure c where c.ancestor_id = $1 and c.descendant_id = h.unit_id)
        or exists (select 1 from unit_lineage_closure l join unit_closure c on c.ancestor_id = l.predecessor_id
                    where l.successor_id = $1 and c.descendant_id = h.unit_id))`,
    [unitId, householdId],
  );
  if (!ok.length) throw new AppError('FUND_REFERENCE_SCOPE', { householdId });
}

/**
 * Proposes a payment (first of the two people). Books nothing: the approval does. Runs in the
 * caller's transaction when given one, so another module can propose in the same act as its own
 * record (that caller checks the fund's unit; a route's is checked by the registrar). A repeated
 * idempotency key answers the first proposal.
 */
export async function proposeDisbursement({ db, user }: Ctx, input: ProposeDisbursement): Promise<Disbursement> {
  return db.tx(async (tx) => {
    const { fund, campaign } = await resolveTarget(tx, input);
    if (input.paidOn > today()) throw new AppError('FUND_FUTURE_DATE', { paidOn: input.paidOn });
    const ctx = { db: tx, user };
    if (input.householdId) await assertHouseholdInScope(tx, fund.unit_id, input.householdId);
    if (input.paidOn < fund.opened_on) throw new AppError('FUND_BEFORE_OPENING', { openedOn: fund.opened_on });
    const k = input.kind;
    const named =
      k === 'household'
        ? !!(input.householdId || input.beneficiaryName?.trim())
        : k === 'project'
          ? !!input.projectName?.trim()
          : k === 'transfer_up' || k === 'allocation_down'
            ? !!input.targetUnitId
            : !!(input.beneficiaryName?.trim() || input.projectName?.trim());
    if (!named) throw new AppError('FUND_BENEFICIARY_REQUIRED');
    if (k === 'transfer_up' || k === 'allocation_down') await assertTargetUnit(tx, k, fund.unit_id, input.targetUnitId!, input.paidOn);
    const own = await ensureUnitAccounts(tx, fund.unit_id);
    const payAccountId = input.payAccountId ?? own.cash;
    const pay = await accountRow(tx, payAccountId);
    if (pay.unit_id !== fund.unit_id) throw new AppError('FUND_ACCOUNT_UNIT', { accountId: payAccountId });
    if (!['cash', 'bank', 'goods'].includes(pay.kind)) throw new AppError('FUND_ACCOUNT_KIND', { accountId: payAccountId });
    // Scoped to the unit and the person, like donations.
    const key = input.idempotencyKey ? `${fund.unit_id}:${user.id}:${input.idempotencyKey}` : null;
    const rows = await tx.query<{ id: number }>(
      `insert into fund_disbursements (unit_id, fund_id, campaign_id, pay_account_id, kind, purpose, amount, paid_on, household_id,
         beneficiary_name, beneficiary_village, project_name, target_unit_id, packages, note, proposed_by, idempotency_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       on conflict (idempotency_key) do nothing returning id`,
      [
        fund.unit_id,
        fund.id,
        campaign?.id ?? null,
        payAccountId,
        k,
        input.purpose,
        input.amount,
        input.paidOn,
        input.householdId ?? null,
        input.beneficiaryName?.trim() || null,
        input.beneficiaryVillage?.trim() || null,
        input.projectName?.trim() || null,
        input.targetUnitId ?? null,
        input.packages ?? null,
        input.note?.trim() || null,
        user.id,
        key,
      ],
    );
    if (!rows.length) {
      const [first] = await tx.query<{ id: number }>('select id from fund_disbursements where idempotency_key = $1', [key]);
      return (await withDecide(ctx, [await disbursementById(tx, first.id)]))[0];
    }
    const after = await disbursementById(tx, rows[0].id);
    await audit(tx, user, { action: 'propose', entity: 'fund_disbursement', entityId: after.id, unitId: fund.unit_id, after });
    return (await withDecide(ctx, [after]))[0];
  });
}

/** Loads a proposal locked for the decision, after checking the decider may make it. */
/**
 * Loads a proposal locked for the decision, after checking the decider may make it. The same decision
 * sent again by the same person (a retry) answers 'repeat': nothing more is booked.
 */
async function lockForDecision({ db: tx, user }: Ctx, id: number, decision: 'approved' | 'rejected'): Promise<'decide' | 'repeat'> {
  const [row] = await tx.query<{ id: number; unit_id: number; status: string; proposed_by: number; decided_by: number | null; paid_on: string }>(
    'select id, unit_id, status, proposed_by, decided_by, paid_on from fund_disbursements where id = $1 for update',
    [id],
  );
  if (!row) throw new AppError('FUND_DISBURSEMENT_NOT_FOUND', { disbursementId: id });
  if (row.proposed_by === user.id) throw new AppError('FUND_SELF_APPROVAL');
  if (row.status === decision && row.decided_by === user.id) return 'repeat';
  if (row.status !== 'proposed') throw new AppError('FUND_NOT_PROPOSED', { status: row.status });
  return 'decide';
}

/** The lines a payment books: out of the fund (or campaign) balance, out of the account paid from. */
async function paymentLines(tx: Db, d: DisbursementData): Promise<LineInput[]> {
  const balance = await balanceAccountOf(tx, d.fundId, d.campaignId);
  if (d.kind !== 'transfer_up')
    return [
      { accountId: balance, debit: d.amount },
      { accountId: d.payAccountId, credit: d.amount },
    ];
  // A transfer up passes through "payable to the higher level": owed, then paid in the same act.
  const { payableUp } = await ensureUnitAccounts(tx, d.unitId);
  return [
    { accountId: balance, debit: d.amount },
    { accountId: payableUp, credit: d.amount },
    { accountId: payableUp, debit: d.amount },
    { accountId: d.payAccountId, credit: d.amount },
  ];
}

/**
 * Approves a proposal (the second person) and books its entry, dated on the payment date. Refused
 * when the fund (or campaign, or the account paid from) does not hold the amount: the accounts are
 * locked, so of many concurrent approvals only those the balance covers succeed.
 */
export async function approveDisbursement({ db, user }: Ctx, id: number, input: DecideDisbursement = {}): Promise<Disbursement> {
  return db.tx(async (tx) => {
    const ctx = { db: tx, user };
    if ((await lockForDecision(ctx, id, 'approved')) === 'repeat') return (await withDecide(ctx, [await disbursementById(tx, id)]))[0];
    const before = await disbursementById(tx, id);
    const purposeText = before.beneficiaryName ?? before.projectName ?? before.targetUnitName ?? '';
    const { entryId } = await postEntry(tx, {
      unitId: before.unitId,
      date: before.paidOn,
      kind: 'disbursement',
      createdBy: user.id,
      idempotencyKey: `disbursement:${id}`,
      memo: `Chi ${before.campaignName ?? before.fundName} — ${purposeText}`.trim(),
      lines: await paymentLines(tx, before),
    });
    await tx.query(`update fund_disbursements set status = 'approved', decided_by = $2, decided_at = now(), decision_note = $3, entry_id = $4 where id = $1`, [
      id,
      user.id,
      input.note?.trim() || null,
      entryId,
    ]);
    const after = await disbursementById(tx, id);
    await audit(tx, user, { action: 'approve', entity: 'fund_disbursement', entityId: id, unitId: before.unitId, before, after });
    return (await withDecide(ctx, [after]))[0];
  });
}

export async function rejectDisbursement({ db, user }: Ctx, id: number, input: DecideDisbursement = {}): Promise<Disbursement> {
  return db.tx(async (tx) => {
    const ctx = { db: tx, user };
    if ((await lockForDecision(ctx, id, 'rejected')) === 'repeat') return (await withDecide(ctx, [await disbursementById(tx, id)]))[0];
    const before = await disbursementById(tx, id);
    await tx.query(`update fund_disbursements set status = 'rejected', decided_by = $2, decided_at = now(), decision_note = $3 where id = $1`, [
      id,
      user.id,
      input.note?.trim() || null,
    ]);
    const after = await disbursementById(tx, id);
    await audit(tx, user, { action: 'reject', entity: 'fund_disbursement', entityId: id, unitId: before.unitId, before, after });
    return (await withDecide(ctx, [after]))[0];
  });
}

/** Corrects an approved payment with a reversing entry and a reason; the money returns to the fund. */
export async function reverseDisbursement({ db, user }: Ctx, id: number, input: { reason: string; date?: string }): Promise<Disbursement> {
  return db.tx(async (tx) => {
    const ctx = { db: tx, user };
    const before = await disbursementById(tx, id);
    const date = input.date ?? today();
    if (before.status !== 'approved' || before.entryId === null) throw new AppError('FUND_NOT_PROPOSED', { status: before.status });
    if (before.reversed) throw new AppError('FUND_ALREADY_REVERSED');
    const { entryId } = await reverseEntryLines(tx, before.entryId, { date, reason: input.reason, createdBy: user.id });
    await tx.query('update fund_disbursements set reversal_entry_id = $2 where id = $1', [id, entryId]);
    const after = await disbursementById(tx, id);
    await audit(tx, user, { action: 'reverse', entity: 'fund_disbursement', entityId: id, unitId: before.unitId, before, after: { ...after, reason: input.reason } });
    return (await withDecide(ctx, [after]))[0];
  });
}
