import { z } from 'zod';
import { Id, IsoDate } from './common';
import {
  CAMPAIGN_APPEALS,
  ACCOUNT_KINDS,
  DECREE93_CODES,
  DISBURSEMENT_KINDS,
  DISBURSEMENT_PURPOSES,
  DISBURSEMENT_STATUSES,
  DONATION_KINDS,
  DONATION_SOURCES,
  DONOR_KINDS,
  ENTRY_KINDS,
  FUND_KINDS,
} from './fund-values';

export * from './fund-values';

/*
 * Funds, campaigns and their ledger. Money is integer VND (a JS number; VND fits in 2^53).
 * Every fact sits at a unit on a date; access follows the unit scope rule on that date.
 */

export const FundKind = z.enum(FUND_KINDS);
export const AccountKind = z.enum(ACCOUNT_KINDS);
export const DonorKind = z.enum(DONOR_KINDS);
export const DonationKind = z.enum(DONATION_KINDS);
export const DisbursementKind = z.enum(DISBURSEMENT_KINDS);
export const DisbursementPurpose = z.enum(DISBURSEMENT_PURPOSES);
export const DisbursementStatus = z.enum(DISBURSEMENT_STATUSES);
export const Decree93Code = z.enum(DECREE93_CODES);
export type FundKind = z.infer<typeof FundKind>;
export type AccountKind = z.infer<typeof AccountKind>;
export type DonorKind = z.infer<typeof DonorKind>;
export type DonationKind = z.infer<typeof DonationKind>;
export type DisbursementKind = z.infer<typeof DisbursementKind>;
export type DisbursementPurpose = z.infer<typeof DisbursementPurpose>;
export type DisbursementStatus = z.infer<typeof DisbursementStatus>;
export type Decree93Code = z.infer<typeof Decree93Code>;

/** A positive amount in whole đồng. */
export const Vnd = z.number().int().positive().max(9_000_000_000_000_000);
const Name = z.string().trim().min(1).max(300);
const Text = z.string().trim().max(2000);
/** A client-chosen key: the same key again returns the first result and books nothing. */
export const IdempotencyKey = z.string().trim().min(8).max(200);

// ---------- funds and campaigns ----------

export const Fund = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: FundKind,
  name: z.string(),
  openedOn: IsoDate,
  note: z.string().nullable(),
  balance: z.number().int(),
  raised: z.number().int(),
  distributed: z.number().int(),
  campaignCount: z.number().int(),
});
export type Fund = z.infer<typeof Fund>;

export const CreateFund = z.object({
  unitId: Id,
  kind: FundKind,
  name: Name,
  openedOn: IsoDate,
  note: Text.optional(),
});
export type CreateFund = z.infer<typeof CreateFund>;

export const FundListQuery = z.object({
  unit: Id.optional(),
  /** Also the funds of units below (as they stood when each was opened). */
  scope: z.enum(['unit', 'subtree']).default('unit'),
});
export type FundListQuery = z.infer<typeof FundListQuery>;

export const Decree93Status = z.object({ warnings: z.array(Decree93Code), flags: z.array(Decree93Code) });
export type Decree93Status = z.infer<typeof Decree93Status>;

export const CampaignTotals = z.object({
  raised: z.number().int(),
  raisedMoney: z.number().int(),
  raisedGoods: z.number().int(),
  donationCount: z.number().int(),
  distributed: z.number().int(),
  transferredUp: z.number().int(),
  balance: z.number().int(),
  /** raised ÷ quota in percent with one decimal, when a quota was set. */
  achievementRate: z.number().nullable(),
});
export type CampaignTotals = z.infer<typeof CampaignTotals>;

export const Campaign = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  fundId: Id,
  fundName: z.string(),
  fundKind: FundKind,
  name: z.string(),
  purpose: z.string(),
  receiveFrom: IsoDate,
  receiveTo: IsoDate,
  distributeBy: IsoDate,
  quota: z.number().int().nullable(),
  quotaUnitId: Id.nullable(),
  quotaUnitName: z.string().nullable(),
  isPublic: z.boolean(),
  totals: CampaignTotals,
  decree93: Decree93Status,
});
export type Campaign = z.infer<typeof Campaign>;

export const CreateCampaign = z.object({
  unitId: Id,
  fundId: Id,
  name: Name,
  purpose: Text.min(1),
  receiveFrom: IsoDate,
  receiveTo: IsoDate,
  distributeBy: IsoDate,
  quota: Vnd.optional(),
  quotaUnitId: Id.optional(),
  isPublic: z.boolean().optional(),
  appeal: z.enum(CAMPAIGN_APPEALS).optional(),
});
export type CreateCampaign = z.infer<typeof CreateCampaign>;

export const CampaignListQuery = z.object({ unit: Id.optional(), fund: Id.optional(), scope: z.enum(['unit', 'subtree']).default('unit') });
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

/** Creation answers with the Decree 93 warnings the dates raise (saved all the same). */
export const CampaignCreated = z.object({ campaign: Campaign, warnings: z.array(Decree93Code) });
export type CampaignCreated = z.infer<typeof CampaignCreated>;

// ---------- accounts ----------

export const Account = z.object({
  id: Id,
  unitId: Id,
  kind: AccountKind,
  name: z.string(),
  fundId: Id.nullable(),
  campaignId: Id.nullable(),
  bankName: z.string().nullable(),
  bankBin: z.string().nullable(),
  accountNo: z.string().nullable(),
  accountHolder: z.string().nullable(),
  balance: z.number().int(),
});
export type Account = z.infer<typeof Account>;

/** A unit's accounts (cash, goods, bank, fund balances). */
export const AccountListQuery = z.object({ unit: Id });
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export const CreateBankAccount = z.object({
  unitId: Id,
  name: Name,
  bankName: Name,
  bankBin: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
  accountNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4,30}$/),
  accountHolder: Name.optional(),
  campaignId: Id.optional(),
});
export type CreateBankAccount = z.infer<typeof CreateBankAccount>;

// ---------- donations ----------

export const Donation = z.object({
  id: Id,
  unitId: Id,
  fundId: Id,
  fundName: z.string(),
  campaignId: Id.nullable(),
  campaignName: z.string().nullable(),
  accountId: Id,
  accountName: z.string(),
  receivedOn: IsoDate,
  amount: z.number().int(),
  kind: DonationKind,
  goodsDescription: z.string().nullable(),
  goodsQuantity: z.number().nullable(),
  goodsUnit: z.string().nullable(),
  donorKind: DonorKind,
  donorName: z.string().nullable(),
  donorAddress: z.string().nullable(),
  publishName: z.boolean(),
  memo: z.string().nullable(),
  reference: z.string().nullable(),
  source: z.enum(DONATION_SOURCES),
  /** "000123/2025" — the receipt number, per unit and year (manual donations). */
  receiptNo: z.string().nullable(),
  entryId: Id,
  reversed: z.boolean(),
});
export type Donation = z.infer<typeof Donation>;

export const CreateDonation = z.object({
  /** The fund, or the campaign (whose fund is implied). */
  fundId: Id.optional(),
  campaignId: Id.optional(),
  /** Where the money landed (cash or a bank account); goods go to the unit's goods account by default. */
  accountId: Id.optional(),
  receivedOn: IsoDate,
  kind: DonationKind.optional(),
  amount: Vnd,
  goodsDescription: Text.optional(),
  goodsQuantity: z.number().positive().optional(),
  goodsUnit: z.string().trim().max(50).optional(),
  donorKind: DonorKind,
  donorName: Name.optional(),
  donorAddress: Text.optional(),
  publishName: z.boolean().optional(),
  memo: Text.optional(),
  reference: z.string().trim().max(100).optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
/** kind defaults to money, publishName to true. */
export type CreateDonation = z.infer<typeof CreateDonation>;

export const DonationListQuery = z.object({
  fund: Id.optional(),
  campaign: Id.optional(),
  unit: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DonationListQuery = z.infer<typeof DonationListQuery>;

export const DonationPage = z.object({ items: z.array(Donation), total: z.number().int(), sum: z.number().int() });
export type DonationPage = z.infer<typeof DonationPage>;

/** What the printed receipt (phiếu thu / giấy biên nhận) shows. */
export const DonationReceipt = Donation.extend({
  unitName: z.string(),
  amountInWords: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type DonationReceipt = z.infer<typeof DonationReceipt>;

// ---------- disbursements ----------

export const Disbursement = z.object({
  id: Id,
  unitId: Id,
  fundId: Id,
  fundName: z.string(),
  campaignId: Id.nullable(),
  campaignName: z.string().nullable(),
  payAccountId: Id,
  payAccountName: z.string(),
  kind: DisbursementKind,
  purpose: DisbursementPurpose,
  amount: z.number().int(),
  paidOn: IsoDate,
  householdId: Id.nullable(),
  beneficiaryName: z.string().nullable(),
  beneficiaryVillage: z.string().nullable(),
  projectName: z.string().nullable(),
  targetUnitId: Id.nullable(),
  targetUnitName: z.string().nullable(),
  packages: z.number().int().nullable(),
  note: z.string().nullable(),
  status: DisbursementStatus,
  proposedBy: Id,
  proposedByName: z.string(),
  proposedAt: z.string(),
  decidedBy: Id.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  entryId: Id.nullable(),
  reversed: z.boolean(),
  /** While proposed: the balance of the fund (or campaign) it is paid from now, and after it, for the approver to confirm. */
  balanceBefore: z.number().int().nullable(),
  balanceAfter: z.number().int().nullable(),
  /** Whether the reader may approve or reject it (right role, in scope, not the proposer). */
  canDecide: z.boolean(),
});
export type Disbursement = z.infer<typeof Disbursement>;

export const ProposeDisbursement = z.object({
  fundId: Id.optional(),
  campaignId: Id.optional(),
  /** Cash, bank or goods account paid from; the unit's cash account when left out. */
  payAccountId: Id.optional(),
  kind: DisbursementKind,
  purpose: DisbursementPurpose,
  amount: Vnd,
  paidOn: IsoDate,
  householdId: Id.optional(),
  beneficiaryName: Name.optional(),
  beneficiaryVillage: z.string().trim().max(200).optional(),
  projectName: Name.optional(),
  targetUnitId: Id.optional(),
  packages: z.number().int().positive().optional(),
  note: Text.optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type ProposeDisbursement = z.infer<typeof ProposeDisbursement>;

export const DecideDisbursement = z.object({ note: Text.optional() });
export type DecideDisbursement = z.infer<typeof DecideDisbursement>;

export const DisbursementListQuery = z.object({
  unit: Id.optional(),
  fund: Id.optional(),
  campaign: Id.optional(),
  status: DisbursementStatus.optional(),
  /** Only what the reader may decide: proposals awaiting them. */
  pendingForMe: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DisbursementListQuery = z.infer<typeof DisbursementListQuery>;

// ---------- ledger ----------

export const EntryLine = z.object({ accountId: Id, accountName: z.string(), accountKind: AccountKind, debit: z.number().int(), credit: z.number().int() });
export const Entry = z.object({
  id: Id,
  unitId: Id,
  entryDate: IsoDate,
  kind: z.enum(ENTRY_KINDS),
  memo: z.string(),
  reversesEntryId: Id.nullable(),
  reversedByEntryId: Id.nullable(),
  reason: z.string().nullable(),
  createdByName: z.string().nullable(),
  lines: z.array(EntryLine),
});
export type Entry = z.infer<typeof Entry>;

export const LedgerQuery = z.object({
  unit: Id,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const Ledger = z.object({
  unitId: Id,
  accounts: z.array(Account),
  entries: z.array(Entry),
  entryCount: z.number().int(),
  /** Over all the unit's entries: they must be equal. */
  totalDebit: z.number().int(),
  totalCredit: z.number().int(),
  /** Last day of the last closed month, or null. */
  closedThrough: IsoDate.nullable(),
});
export type Ledger = z.infer<typeof Ledger>;

export const ReverseEntry = z.object({ reason: z.string().trim().min(3).max(1000), idempotencyKey: IdempotencyKey.optional() });
export type ReverseEntry = z.infer<typeof ReverseEntry>;

/** Money moved between two funds' books (e.g. an ended unit's balance to its successor), as two entries. */
export const CreateTransfer = z.object({
  fromFundId: Id,
  fromCampaignId: Id.optional(),
  fromAccountId: Id,
  toFundId: Id,
  toCampaignId: Id.optional(),
  toAccountId: Id,
  amount: Vnd,
  date: IsoDate,
  inDate: IsoDate.optional(),
  memo: z.string().trim().min(3).max(500),
});
export type CreateTransfer = z.infer<typeof CreateTransfer>;
export const TransferResult = z.object({ outEntryId: Id, inEntryId: Id });
export type TransferResult = z.infer<typeof TransferResult>;

export const CloseMonth = z.object({ unitId: Id, month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM') });
export type CloseMonth = z.infer<typeof CloseMonth>;
export const Closing = z.object({ unitId: Id, month: z.string(), closedThrough: IsoDate });
export type Closing = z.infer<typeof Closing>;

// ---------- two-person corrections and transfers (issue 15) ----------

export const PROPOSAL_KINDS = ['transfer', 'donation_reversal', 'import_reversal'] as const;
export const ProposalKind = z.enum(PROPOSAL_KINDS);
export const Proposal = z.object({
  id: Id,
  unitId: Id,
  kind: ProposalKind,
  payload: z.record(z.string(), z.unknown()),
  reason: z.string(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  proposedBy: Id,
  proposedAt: z.string(),
  decidedBy: Id.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  result: z.unknown().nullable(),
  /** The amount the act moves, and the fund's (or campaign's) balance before and after it, for the approver to confirm. */
  amount: z.number().int(),
  balanceBefore: z.number().int().nullable(),
  balanceAfter: z.number().int().nullable(),
  /** Who proposed it, and the fund (or campaign) the money leaves, as the approver reads them. */
  proposedByName: z.string(),
  fundName: z.string().nullable(),
  /** Whether the reader may approve or refuse it (fund.approve in scope, not the proposer, still proposed). */
  canDecide: z.boolean(),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposeTransfer = CreateTransfer.extend({ reason: z.string().trim().min(3).max(1000) });
export type ProposeTransfer = z.infer<typeof ProposeTransfer>;
/** Reverse a whole statement import, or only the chosen donations of it. */
export const ReverseImport = z.object({ reason: z.string().trim().min(3).max(1000), donationIds: z.array(Id).min(1).max(10_000).optional() });
export type ReverseImport = z.infer<typeof ReverseImport>;
export const ProposalListQuery = z.object({
  unit: Id.optional(),
  status: z.enum(['proposed', 'approved', 'rejected']).optional(),
  /** Only what the reader may decide, in every unit of their scope (the unit is then not needed). */
  pendingForMe: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
});
