// Acts that move money without a payment proposal — a transfer between funds, the reversal of a donation,
// of a statement import or of chosen lines of it — need two people like payments: one proposes with a
// reason (fund.write, fund.manage for transfers), another approves (fund.approve), and the approval books
// the entries. Every step is audited.
import type { Proposal, ProposeTransfer, ReverseImport } from '@contract/fund';
import type { Db } from '../../db/db';
import { assertUnitAccess, can, today, unitsInScope, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { bookDonationReversal } from './donation-service';
import { balanceAccountOf, postEntry, withFundErrors } from './ledger';
import { accountRow, donationById, fundRow } from './queries';
import { donationReversalEntry, donationsSum, lockDonations, setDonationsReversal, unreversedImportDonations } from './queries-donations';
import { batchEntryAccounts } from './queries-ledger';
import {
  balanceAccountInfo,
  findProposal,
  findStatementImport,
  insertProposalRow,
  lockProposalForDecision,
  markProposalApproved,
  markProposalRejected,
  pendingProposalsNotBy,
  proposalIdsOfUnit,
  userDisplayName,
  type ProposalRow,
} from './queries-proposals';
import { bookTransfer, type TransferInput } from './service';

async function insertProposal(tx: Db, user: CurrentUser, unitId: number, kind: Proposal['kind'], payload: Record<string, unknown>, reason: string) {
  const id = await insertProposalRow(tx, { unitId, kind, payload, reason, proposedBy: user.id });
  const after = await proposalById(tx, id);
  await audit(tx, user, { action: 'propose', entity: 'fund_proposal', entityId: id, unitId, after });
  return after;
}

/** A transfer between funds, proposed: checked now as it will be booked, booked on approval. */
export async function proposeTransfer({ db, user }: Ctx, t: ProposeTransfer): Promise<Proposal> {
  return db.tx(async (tx) => {
    const [from, to] = [await fundRow(tx, t.fromFundId), await fundRow(tx, t.toFundId)];
    // The paying fund's unit was checked by the registrar; the receiving fund may lie at another unit.
    await assertUnitAccess(tx, user, 'fund.manage', to.unit_id, t.inDate ?? t.date);
    for (const id of [t.fromAccountId, t.toAccountId]) {
      const a = await accountRow(tx, id);
      if (a.kind !== 'cash' && a.kind !== 'bank') throw new AppError('FUND_ACCOUNT_KIND', { accountId: id });
    }
    const { reason, ...transfer } = t;
    return insertProposal(tx, user, from.unit_id, 'transfer', transfer, reason);
  });
}

/** The reversal of one donation (manual or a statement line), proposed. */
export async function proposeDonationReversal({ db, user }: Ctx, donationId: number, input: { reason: string }): Promise<Proposal> {
  return db.tx(async (tx) => {
    const d = await donationById(tx, donationId);
    if (d.reversed) throw new AppError('FUND_ALREADY_REVERSED');
    return insertProposal(tx, user, d.unitId, 'donation_reversal', { donationIds: [donationId] }, input.reason);
  });
}

/** The reversal of a whole statement import, or of chosen donations of it, proposed. */
export async function proposeImportReversal({ db, user }: Ctx, importId: number, input: ReverseImport): Promise<Proposal> {
  return db.tx(async (tx) => {
    const imp = await findStatementImport(tx, importId);
    if (!imp) throw new AppError('FUND_IMPORT_NOT_FOUND', { importId });
    const rows = await unreversedImportDonations(tx, imp.entry_ids, input.donationIds ?? null);
    if (input.donationIds && rows.length !== new Set(input.donationIds).size) {
      throw new AppError('VALIDATION', { donationIds: 'not all of them are unreversed lines of this import' });
    }
    if (!rows.length) throw new AppError('FUND_ALREADY_REVERSED');
    return insertProposal(tx, user, imp.unit_id, 'import_reversal', { importId, donationIds: rows.map((r) => r.id) }, input.reason);
  });
}

async function lockProposal(tx: Db, user: CurrentUser, id: number): Promise<ProposalRow> {
  const p = await lockProposalForDecision(tx, id);
  if (!p) throw new AppError('FUND_PROPOSAL_NOT_FOUND', { proposalId: id });
  if (p.proposed_by === user.id) throw new AppError('FUND_SELF_DECISION');
  if (p.status !== 'proposed') throw new AppError('FUND_PROPOSAL_DECIDED', { status: p.status });
  return p;
}

/** The second person approves: the act is booked now, in the same transaction as the decision. */
export async function approveProposal({ db, user }: Ctx, id: number, note?: string): Promise<Proposal> {
  return db.tx(async (tx) => {
    const p = await lockProposal(tx, user, id);
    let result: unknown;
    if (p.kind === 'transfer') {
      const t = p.payload as unknown as TransferInput;
      // The proposal's (paying) unit was checked by the registrar; the receiving fund's unit is checked here.
      await assertUnitAccess(tx, user, 'fund.approve', (await fundRow(tx, t.toFundId)).unit_id, t.inDate ?? t.date);
      result = await bookTransfer(tx, t, user.id);
    } else result = await reverseDonations(tx, user, p.payload.donationIds as number[], p.reason);
    await markProposalApproved(tx, id, user.id, note?.trim() || null, result);
    const after = await proposalById(tx, id);
    await audit(tx, user, { action: 'approve', entity: 'fund_proposal', entityId: id, unitId: p.unit_id, after });
    return after;
  });
}

export async function rejectProposal({ db, user }: Ctx, id: number, note?: string): Promise<Proposal> {
  return db.tx(async (tx) => {
    const p = await lockProposal(tx, user, id);
    await markProposalRejected(tx, id, user.id, note?.trim() || null);
    const after = await proposalById(tx, id);
    await audit(tx, user, { action: 'reject', entity: 'fund_proposal', entityId: id, unitId: p.unit_id, after });
    return after;
  });
}

/**
 * Takes back donations: a manual donation by reversing its entry; statement lines by one correction entry
 * per batch (debit the fund or campaign, credit the bank account), each line marked reversed.
 */
async function reverseDonations(tx: Db, user: CurrentUser, ids: number[], reason: string) {
  const date = today();
  const rows = await lockDonations(tx, ids);
  if (rows.some((r) => r.reversal_entry_id !== null)) throw new AppError('FUND_ALREADY_REVERSED');
  const entries: number[] = [];
  const byEntry = new Map<number, typeof rows>();
  for (const r of rows) {
    if (r.source === 'manual') {
      await bookDonationReversal(tx, user, r.id, reason, date);
      entries.push(await donationReversalEntry(tx, r.id));
    } else (byEntry.get(r.entry_id) ?? byEntry.set(r.entry_id, []).get(r.entry_id)!).push(r);
  }
  for (const [entryId, lines] of byEntry) {
    const e = await batchEntryAccounts(tx, entryId);
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const { entryId: corr } = await postEntry(tx, {
      unitId: e.unit_id,
      date,
      kind: 'correction',
      reason,
      createdBy: user.id,
      memo: `Điều chỉnh ${lines.length} dòng sao kê của bút toán #${entryId}`,
      lines: [
        { accountId: e.credit_account, debit: total },
        { accountId: e.debit_account, credit: total },
      ],
    });
    await withFundErrors(() =>
      setDonationsReversal(
        tx,
        lines.map((l) => l.id),
        corr,
      ),
    );
    entries.push(corr);
  }
  return { reversed: rows.length, amount: rows.reduce((s, r) => s + r.amount, 0), entryIds: entries };
}

/**
 * Proposals of a unit (fund.write or fund.approve in scope), or, with `pendingForMe`, those the reader may
 * decide in every unit of their scope: still proposed, not their own, fund.approve over the unit.
 */
export async function listProposals({ db, user }: Ctx, q: { unit?: number; status?: Proposal['status']; pendingForMe?: boolean }): Promise<Proposal[]> {
  if (q.pendingForMe) {
    if (!can(user, 'fund.approve')) return [];
    const rows = await pendingProposalsNotBy(db, user.id, q.unit ?? null);
    const ok = await unitsInScope(db, user, 'fund.approve', [...new Set(rows.map((r) => r.unit_id))]);
    const mine = await Promise.all(rows.filter((r) => ok.has(r.unit_id)).map((r) => proposalById(db, r.id, user)));
    return mine.filter((p) => p.canDecide);
  }
  const unitId = q.unit ?? user.unitId;
  if (!unitId) throw new AppError('VALIDATION', { unit: 'required' });
  // The unit was checked by the registrar (fund.read); only those who propose or decide see the proposals.
  if (!can(user, 'fund.write') && !can(user, 'fund.approve')) return [];
  const rows = await proposalIdsOfUnit(db, unitId, q.status ?? null);
  return Promise.all(rows.map((r) => proposalById(db, r.id, user)));
}

/**
 * A proposal with the amount it moves and the balance of the fund (or campaign) it takes from, before and
 * after; with `user`, whether that user may decide it.
 */
export async function proposalById(db: Db, id: number, user?: CurrentUser): Promise<Proposal> {
  const p = await findProposal(db, id);
  if (!p) throw new AppError('FUND_PROPOSAL_NOT_FOUND', { proposalId: id });
  let amount: number;
  let balanceAccount: number | null;
  if (p.kind === 'transfer') {
    amount = Number(p.payload.amount);
    balanceAccount = await balanceAccountOf(db, Number(p.payload.fromFundId), (p.payload.fromCampaignId as number | undefined) ?? null);
  } else {
    const s = await donationsSum(db, p.payload.donationIds as number[]);
    amount = s.amount;
    balanceAccount = s.account;
  }
  const acc = balanceAccount ? await balanceAccountInfo(db, balanceAccount) : undefined;
  const before = acc?.balance ?? null;
  const proposerName = await userDisplayName(db, p.proposed_by);
  const decided = p.status !== 'proposed';
  let canDecide = false;
  if (user && !decided && p.proposed_by !== user.id && can(user, 'fund.approve')) {
    canDecide =
      (await unitsInScope(db, user, 'fund.approve', [p.unit_id])).has(p.unit_id) &&
      // A user whose unit has ended may still decide acts dated before its end.
      (!user.unitValidTo || (p.kind === 'transfer' ? String(p.payload.date) : today()) < user.unitValidTo);
  }
  return {
    id: p.id,
    unitId: p.unit_id,
    kind: p.kind,
    payload: p.payload,
    reason: p.reason,
    status: p.status,
    proposedBy: p.proposed_by,
    proposedAt: new Date(p.proposed_at).toISOString(),
    decidedBy: p.decided_by,
    decidedAt: p.decided_at ? new Date(p.decided_at).toISOString() : null,
    decisionNote: p.decision_note,
    result: p.result ?? null,
    amount,
    balanceBefore: decided || before === null ? null : before,
    balanceAfter: decided || before === null ? null : before - amount,
    proposedByName: proposerName ?? '',
    fundName: acc ? (acc.campaign_name ?? acc.fund_name) : null,
    canDecide,
  };
}
