import type {
  Account,
  AccountListQuery,
  Campaign,
  CampaignListQuery,
  Disbursement,
  DisbursementListQuery,
  DonationListQuery,
  DonationPage,
  DonationReceipt,
  Fund,
  FundListQuery,
  Ledger,
  LedgerQuery,
} from '@contract/fund';
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import type { Db } from '../../db/db';
import { today, type Ctx } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { accountsOf, campaignRow, campaignSums, closedThrough, donationById, fundRow } from './queries';
import {
  campaignRowsByIds,
  countEntries,
  fundsByIds,
  ledgerTotals,
  linesOfEntries,
  listCampaignIds,
  listDisbursementRows,
  listDonationPage,
  listEntries,
  listFundIds,
  receiptDetails,
} from './queries-read';
import { withDecide } from './disbursement-service';
import { achievementRate, decree93Status } from './rules';

export async function campaignsByIds(db: Db, ids: number[], on = today()): Promise<Campaign[]> {
  if (!ids.length) return [];
  const rows = await campaignRowsByIds(db, ids);
  const sums = await campaignSums(db, ids);
  return rows.map((c) => {
    const s = sums.get(c.id)!;
    const raised = s.raisedMoney + s.raisedGoods;
    return {
      ...c,
      totals: {
        raised,
        raisedMoney: s.raisedMoney,
        raisedGoods: s.raisedGoods,
        donationCount: s.donationCount,
        distributed: s.distributed,
        transferredUp: s.transferredUp,
        balance: s.balance,
        achievementRate: achievementRate(raised, c.quota),
      },
      decree93: decree93Status(c, s, on),
    };
  });
}

export async function listFunds({ db, user }: Ctx, q: FundListQuery): Promise<Fund[]> {
  return fundsByIds(db, await listFundIds(db, user, q));
}

export async function getFund({ db }: Ctx, id: number): Promise<Fund> {
  const [f] = await fundsByIds(db, [id]);
  if (!f) throw new AppError('FUND_NOT_FOUND', { fundId: id });
  return f;
}

export async function listCampaigns({ db, user }: Ctx, q: CampaignListQuery): Promise<Campaign[]> {
  return campaignsByIds(db, await listCampaignIds(db, user, q));
}

export async function getCampaign({ db }: Ctx, id: number): Promise<Campaign> {
  const [c] = await campaignsByIds(db, [id]);
  if (!c) throw new AppError('FUND_CAMPAIGN_NOT_FOUND', { campaignId: id });
  return c;
}

export async function listAccounts({ db }: Ctx, q: AccountListQuery): Promise<Account[]> {
  return accountsOf(db, q.unit);
}

/** Donations of a fund, campaign or unit (at least one), newest first, with the count and sum of all matching. */
export async function listDonations({ db, user }: Ctx, q: DonationListQuery): Promise<DonationPage> {
  const unitId = q.campaign ? (await campaignRow(db, q.campaign)).unit_id : q.fund ? (await fundRow(db, q.fund)).unit_id : (q.unit ?? user.unitId);
  if (!unitId) return { items: [], total: 0, sum: 0 };
  return listDonationPage(db, unitId, q);
}

const words = new ReadingConfig();
words.unit = ['đồng'];

/** "Ba trăm mười sáu triệu không trăm hai mươi ba nghìn đồng" — capitalised, as written on a receipt. */
export function amountInWords(amount: number): string {
  const s = doReadNumber(String(amount), words);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export async function getReceipt({ db }: Ctx, donationId: number): Promise<DonationReceipt> {
  const d = await donationById(db, donationId);
  const extra = await receiptDetails(db, donationId);
  return { ...d, unitName: extra.unit_name, recordedBy: extra.recorded_by, recordedAt: extra.recorded_at, amountInWords: amountInWords(d.amount) };
}

export async function listDisbursements({ db, user }: Ctx, q: DisbursementListQuery): Promise<Disbursement[]> {
  // Pending for the reader means still proposed.
  if (q.pendingForMe) q.status = 'proposed';
  const rows = await listDisbursementRows(db, user, q);
  const out = await withDecide({ db, user }, rows);
  return q.pendingForMe ? out.filter((d) => d.canDecide) : out;
}

/** A unit's accounts and journal (newest first), with the books' total debits and credits. */
export async function getLedger({ db }: Ctx, q: LedgerQuery): Promise<Ledger> {
  const [accounts, count, totals, entries, closed] = await Promise.all([
    accountsOf(db, q.unit),
    countEntries(db, q),
    ledgerTotals(db, q.unit),
    listEntries(db, q),
    closedThrough(db, q.unit),
  ]);
  const lines = entries.length
    ? await linesOfEntries(
        db,
        entries.map((e) => e.id),
      )
    : [];
  return {
    unitId: q.unit,
    accounts,
    entryCount: count,
    totalDebit: totals.d,
    totalCredit: totals.c,
    closedThrough: closed,
    entries: entries.map((e) => ({ ...e, lines: lines.filter((l) => l.entryId === e.id).map(({ entryId: _e, ...l }) => l) })),
  };
}
