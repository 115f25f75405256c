import type { DecideDisbursement, Disbursement, ProposeDisbursement } from '@contract/fund';
import type { Db } from '../../db/db';
import { can, today, unitsInScope, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { balanceAccountOf, ensureUnitAccounts, postEntry, reverseEntryLines, type LineInput } from './ledger';
import { accountRow, disbursementById, resolveTarget, unitAboveOn, type DisbursementData } from './queries';
import {
  findDisbursementByKey,
  householdInUnitArea,
  insertDisbursement,
  lockDisbursement,
  markDisbursementApproved,
  markDisbursementRejected,
  setDisbursementReversal,
} from './queries-disbursements';

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
  if (!(await unitAboveOn(tx, ancestor, descendant, date))) throw new AppError('FUND_TARGET_UNIT', { targetUnitId });
}

/** A household paid from a unit's fund lives in that unit's area, now or in a unit whose history rolls into it. */
async function assertHouseholdInScope(tx: Db, unitId: number, householdId: number): Promise<void> {
  if (!(await householdInUnitArea(tx, unitId, householdId))) throw new AppError('FUND_REFERENCE_SCOPE', { householdId });
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
    const id = await insertDisbursement(tx, {
      unitId: fund.unit_id,
      fundId: fund.id,
      campaignId: campaign?.id ?? null,
      payAccountId,
      kind: k,
      purpose: input.purpose,
      amount: input.amount,
      paidOn: input.paidOn,
      householdId: input.householdId ?? null,
      beneficiaryName: input.beneficiaryName?.trim() || null,
      beneficiaryVillage: input.beneficiaryVillage?.trim() || null,
      projectName: input.projectName?.trim() || null,
      targetUnitId: input.targetUnitId ?? null,
      packages: input.packages ?? null,
      note: input.note?.trim() || null,
      proposedBy: user.id,
      idempotencyKey: key,
    });
    if (id === undefined) {
      const first = await findDisbursementByKey(tx, key);
      return (await withDecide(ctx, [await disbursementById(tx, first.id)]))[0];
    }
    const after = await disbursementById(tx, id);
    await audit(tx, user, { action: 'propose', entity: 'fund_disbursement', entityId: after.id, unitId: fund.unit_id, after });
    return (await withDecide(ctx, [after]))[0];
  });
}

/**
 * Loads a proposal locked for the decision, after checking the decider may make it. The same decision
 * sent again by the same person (a retry) answers 'repeat': nothing more is booked.
 */
async function lockForDecision({ db: tx, user }: Ctx, id: number, decision: 'approved' | 'rejected'): Promise<'decide' | 'repeat'> {
  const row = await lockDisbursement(tx, id);
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
    await markDisbursementApproved(tx, id, user.id, input.note?.trim() || null, entryId);
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
    await markDisbursementRejected(tx, id, user.id, input.note?.trim() || null);
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
    await setDisbursementReversal(tx, id, entryId);
    const after = await disbursementById(tx, id);
    await audit(tx, user, { action: 'reverse', entity: 'fund_disbursement', entityId: id, unitId: before.unitId, before, after: { ...after, reason: input.reason } });
    return (await withDecide(ctx, [after]))[0];
  });
}
