// The public statement of campaigns (no sign-in) and statement imports: schemas shared with the web app.
import { z } from 'zod';
import { Id, IsoDate } from './common';
import { PUBLIC_DONATION_SORTS } from './fund-public-values';

const Vnd = z.number().int();

export const PublicCampaign = z.object({
  id: Id,
  name: z.string(),
  purpose: z.string(),
  unitName: z.string(),
  receiveFrom: IsoDate,
  receiveTo: IsoDate,
  distributeBy: IsoDate,
  receivedMoney: Vnd,
  receivedGoods: Vnd,
  distributed: Vnd,
  balance: Vnd,
  donationCount: z.number().int(),
  lastUpdate: z.string().nullable(),
});
export type PublicCampaign = z.infer<typeof PublicCampaign>;

export const PublicBankAccount = z.object({
  bankName: z.string().nullable(),
  bankBin: z.string().nullable(),
  accountNo: z.string(),
  accountHolder: z.string().nullable(),
  /** The VietQR text (NAPAS) carrying the campaign's reference in its memo; null when the bank has no BIN. */
  vietQr: z.string().nullable(),
  reference: z.string(),
  qrSvgUrl: z.string().nullable(),
});

const Breakdown = z.object({ key: z.string(), label: z.string(), amount: Vnd, count: z.number().int() });

export const PublicCampaignDetail = PublicCampaign.extend({
  distributedByPurpose: z.array(Breakdown),
  distributedByUnit: z.array(Breakdown),
  donorsByKind: z.array(Breakdown),
  accounts: z.array(PublicBankAccount),
  reference: z.string(),
  /** The receiving period has ended: no accounts or QR are shown, only the open campaigns to give to. */
  closed: z.boolean(),
  openCampaigns: z.array(z.object({ id: Id, name: z.string() })),
});
export type PublicCampaignDetail = z.infer<typeof PublicCampaignDetail>;

const Amount = z.coerce.number().int().min(0).max(9_000_000_000_000_000);

export const PublicDonationQuery = z.object({
  q: z.string().trim().max(100).optional(),
  min: Amount.optional(),
  max: Amount.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: z.enum(PUBLIC_DONATION_SORTS).default('newest'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicDonationQuery = z.infer<typeof PublicDonationQuery>;

export const PublicDonation = z.object({
  id: Id,
  receivedOn: IsoDate,
  amount: Vnd,
  kind: z.enum(['money', 'goods']),
  /** null: anonymous, or the donor chose not to publish their name. */
  donorName: z.string().nullable(),
  memo: z.string().nullable(),
  goodsDescription: z.string().nullable(),
});
export type PublicDonation = z.infer<typeof PublicDonation>;

export const PublicDonationPage = z.object({
  items: z.array(PublicDonation),
  page: z.number().int(),
  size: z.number().int(),
  /** Counting every match is costly on millions of rows: exact, at least, or an estimate. */
  total: z.object({ count: z.number().int(), kind: z.enum(['exact', 'atLeast', 'estimate']) }),
  hasMore: z.boolean(),
});
export type PublicDonationPage = z.infer<typeof PublicDonationPage>;

export const PublicDistribution = z.object({
  id: Id,
  paidOn: IsoDate,
  kind: z.string(),
  kindLabel: z.string(),
  purpose: z.string(),
  amount: Vnd,
  /** Masked: "Nguyễn V. A. — thôn Đông"; a unit's or project's name in full. */
  recipient: z.string(),
  packages: z.number().int().nullable(),
});
export type PublicDistribution = z.infer<typeof PublicDistribution>;

export const PublicDistributionQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) });
export const PublicDistributionPage = z.object({
  items: z.array(PublicDistribution),
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
});
export type PublicDistributionPage = z.infer<typeof PublicDistributionPage>;

export const VietQrQuery = z.object({ amount: z.coerce.number().int().positive().max(9_999_999_999_999).optional(), account: z.string().optional() });

// ---------- statement imports (signed in) ----------

const Col = z.number().int().min(0).max(500).nullish();
/** Columns (0-based) of a bank's export: the date, one signed amount or separate credit/debit columns, and the rest. */
export const StatementMapping = z
  .object({
    date: z.number().int().min(0).max(500),
    amount: Col,
    credit: Col,
    debit: Col,
    balance: Col,
    memo: Col,
    name: Col,
    reference: Col,
    headerRow: z.boolean().optional(),
    skipRows: z.number().int().min(0).max(100).optional(),
  })
  .refine((m) => (m.amount ?? m.credit) !== null && (m.amount ?? m.credit) !== undefined, { message: 'an amount or a credit column is required' });
export type StatementMapping = z.infer<typeof StatementMapping>;

export const StatementPreview = z.object({
  files: z.array(
    z.object({
      name: z.string(),
      rowCount: z.number().int(),
      rows: z.array(z.array(z.string())),
      /** The mapping remembered for the account and this layout, else suggested from the header names. */
      mapping: StatementMapping.nullable(),
      mappingSource: z.enum(['remembered', 'suggested']).nullable(),
    }),
  ),
});
export type StatementPreview = z.infer<typeof StatementPreview>;

const FileProgress = z.object({ file: z.string(), total: z.number().int(), done: z.number().int() });

export const ImportJob = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.object({
    phase: z.enum(['parsing', 'writing', 'done']),
    total: z.number().int(),
    done: z.number().int(),
    files: z.array(FileProgress).optional(),
  }),
  result: z
    .object({
      importId: z.number().int(),
      rowsRead: z.number().int(),
      credits: z.number().int(),
      inserted: z.number().int(),
      skipped: z.number().int(),
      amount: Vnd,
      matchedByReference: z.number().int(),
      files: z.array(z.object({ file: z.string(), bank: z.string(), account: z.string().nullable(), rows: z.number().int(), credit: Vnd, debit: Vnd })),
      recovered: z.array(z.object({ file: z.string(), row: z.number().int(), line: z.number().int(), amount: Vnd, memoShowsAmount: z.boolean() })),
      entryIds: z.array(z.number().int()),
      named: z.number().int(),
      namedShare: z.number(),
      debits: z.object({
        count: z.number().int(),
        amount: Vnd,
        proposed: z.number().int(),
        lines: z.array(z.object({ file: z.string(), row: z.number().int(), date: IsoDate, amount: Vnd, memo: z.string(), reference: z.string().nullable() })),
      }),
    })
    .nullable(),
  error: z.object({ code: z.string(), message: z.string(), messageEn: z.string(), details: z.unknown().optional() }).nullable(),
  /** When it ended (ms since the epoch), null while running. */
  finishedAt: z.number().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobParams = z.object({ id: z.string().uuid() });

const FormId = z.coerce.number().int().positive();
/** The form fields of a statement upload (multipart: every value arrives as text). */
export const StatementImportFields = z.object({
  campaignId: FormId.optional(),
  fundId: FormId.optional(),
  accountId: FormId.optional(),
  format: z.enum(['bank', 'generic']).default('bank'),
  /** A StatementMapping as JSON (generic files). */
  mapping: z.string().optional(),
  debits: z.enum(['skip', 'propose']).default('skip'),
});
export type StatementImportFields = z.infer<typeof StatementImportFields>;
/** The form fields of a preview: the account whose remembered mapping applies, if any. */
export const StatementPreviewFields = z.object({ accountId: FormId.optional() });
export type StatementPreviewFields = z.infer<typeof StatementPreviewFields>;
