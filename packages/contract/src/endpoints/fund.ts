import { z } from 'zod';
import { IdParams } from '../common';
import {
  Account,
  AccountListQuery,
  Campaign,
  CampaignCreated,
  CampaignListQuery,
  CloseMonth,
  Closing,
  CreateBankAccount,
  CreateCampaign,
  CreateDonation,
  CreateFund,
  DecideDisbursement,
  Disbursement,
  DisbursementListQuery,
  Donation,
  DonationListQuery,
  DonationPage,
  DonationReceipt,
  Fund,
  FundListQuery,
  Ledger,
  LedgerQuery,
  Proposal,
  ProposalListQuery,
  ProposeDisbursement,
  ProposeTransfer,
  ReverseEntry,
  ReverseImport,
} from '../fund';
import {
  ImportJob,
  ImportJobParams,
  PublicCampaign,
  PublicCampaignDetail,
  PublicDistributionPage,
  PublicDistributionQuery,
  PublicDonationPage,
  PublicDonationQuery,
  StatementImportFields,
  StatementPreview,
  StatementPreviewFields,
  VietQrQuery,
} from '../fund-public';
import { PUBLIC, SIGNED_IN, atBody, atFirst, atQuery, atRecord, atRecordIn, defineEndpoints, recordIn, unitIn } from '../endpoint';

/** A bank's yearly export split by month or by page runs to dozens of files; a .zip counts as one. */
export const STATEMENT_MAX_FILES = 200;
const statementUpload = {
  mode: 'required',
  maxFiles: STATEMENT_MAX_FILES,
  maxFileBytes: 32 * 1024 * 1024,
  minFiles: 1,
  tooLarge: 'BODY_TOO_LARGE',
  tooMany: 'IMPORT_TOO_MANY_FILES',
} as const;

/*
 * Funds, campaigns, donations, payments and their ledger (signed in). Records are found by their
 * locators (modules/fund/module.ts); a receipt or payment names its campaign or fund, whose unit is
 * checked on the fact's date. Acts that move money need two people: the proposal is checked at the
 * proposer's unit, the decision at the record's.
 */
export const fundEndpoints = defineEndpoints('fund', {
  'GET /api/fund/funds': { query: FundListQuery, response: z.array(Fund), access: atQuery('fund.read', 'unit', { optional: true }) },
  'GET /api/fund/funds/:id': { params: IdParams, response: Fund, access: atRecord('fund.read', 'fund') },
  'POST /api/fund/funds': { body: CreateFund, response: Fund, access: atBody('fund.manage', 'unitId', 'openedOn') },

  'GET /api/fund/campaigns': { query: CampaignListQuery, response: z.array(Campaign), access: atQuery('fund.read', 'unit', { optional: true }) },
  'GET /api/fund/campaigns/:id': { params: IdParams, response: Campaign, access: atRecord('fund.read', 'campaign') },
  'POST /api/fund/campaigns': { body: CreateCampaign, response: CampaignCreated, access: atBody('fund.manage', 'unitId', 'receiveFrom') },

  'GET /api/fund/accounts': { query: AccountListQuery, response: z.array(Account), access: atQuery('fund.read') },
  'POST /api/fund/accounts': { body: CreateBankAccount, response: Account, access: atBody('fund.manage') },

  'GET /api/fund/donations': {
    query: DonationListQuery,
    response: DonationPage,
    access: atFirst('fund.read', recordIn('campaign', 'query', 'campaign'), recordIn('fund', 'query', 'fund'), unitIn('query', 'unit', { optional: true })),
  },
  'POST /api/fund/donations': {
    body: CreateDonation,
    response: Donation,
    access: atFirst('fund.write', recordIn('campaign', 'body', 'campaignId', 'receivedOn'), recordIn('fund', 'body', 'fundId', 'receivedOn')),
  },
  'GET /api/fund/donations/:id/receipt': { params: IdParams, response: DonationReceipt, access: atRecord('fund.read', 'donation') },
  // Reversals and transfers are proposed by one person and approved by another (/api/fund/proposals).
  'POST /api/fund/donations/:id/reverse': { params: IdParams, body: ReverseEntry, response: Proposal, access: atRecord('fund.write', 'donation') },
  'POST /api/fund/statement-imports/:id/reverse': {
    params: IdParams,
    body: ReverseImport,
    response: Proposal,
    access: atRecord('fund.write', 'statement_import'),
  },
  // Listed to those who may propose (fund.write) or decide (fund.approve) at the unit; other readers get none.
  'GET /api/fund/proposals': { query: ProposalListQuery, response: z.array(Proposal), access: atQuery('fund.read', 'unit', { optional: true }) },
  'POST /api/fund/proposals/:id/approve': { params: IdParams, body: DecideDisbursement, response: Proposal, access: atRecord('fund.approve', 'proposal') },
  'POST /api/fund/proposals/:id/reject': { params: IdParams, body: DecideDisbursement, response: Proposal, access: atRecord('fund.approve', 'proposal') },

  'GET /api/fund/disbursements': {
    query: DisbursementListQuery,
    response: z.array(Disbursement),
    access: atFirst('fund.read', recordIn('campaign', 'query', 'campaign'), recordIn('fund', 'query', 'fund'), unitIn('query', 'unit', { optional: true })),
  },
  'POST /api/fund/disbursements': {
    body: ProposeDisbursement,
    response: Disbursement,
    access: atFirst('fund.write', recordIn('campaign', 'body', 'campaignId', 'paidOn'), recordIn('fund', 'body', 'fundId', 'paidOn')),
  },
  'POST /api/fund/disbursements/:id/approve': {
    params: IdParams,
    body: DecideDisbursement,
    response: Disbursement,
    access: atRecord('fund.approve', 'disbursement'),
  },
  'POST /api/fund/disbursements/:id/reject': {
    params: IdParams,
    body: DecideDisbursement,
    response: Disbursement,
    access: atRecord('fund.approve', 'disbursement'),
  },
  // A correction is booked today, whatever the payment's date.
  'POST /api/fund/disbursements/:id/reverse': {
    params: IdParams,
    body: ReverseEntry,
    response: Disbursement,
    access: atRecord('fund.write', 'disbursement', 'id', 'today'),
  },

  'GET /api/fund/ledger': { query: LedgerQuery, response: Ledger, access: atQuery('fund.read') },
  // The paying fund's unit on the transfer's date; the receiving fund's unit is checked by the service.
  'POST /api/fund/transfers': { body: ProposeTransfer, response: Proposal, access: atRecordIn('fund.manage', 'fund', 'body', 'fromFundId', 'date') },
  // The month's last day is the fact's date.
  'POST /api/fund/closings': { body: CloseMonth, response: Closing, access: atBody('fund.manage', 'unitId', 'month') },

  // Statement imports: preview every file, upload (a job that runs in the background), follow the job.
  // The target's unit is checked as of its last day when it has ended (a successor imports its statements);
  // the dates of the lines, known once the files are read, are checked by the import.
  'POST /api/fund/statements/import': {
    body: StatementImportFields,
    response: ImportJob,
    status: 202,
    multipart: statementUpload,
    access: atFirst('fund.write', recordIn('campaign', 'body', 'campaignId'), recordIn('fund', 'body', 'fundId')),
  },
  'GET /api/fund/statements/imports/:id': { params: ImportJobParams, response: ImportJob, access: SIGNED_IN },
  'POST /api/fund/statements/preview': {
    body: StatementPreviewFields,
    response: StatementPreview,
    multipart: statementUpload,
    access: atFirst('fund.write', recordIn('account', 'body', 'accountId'), { from: 'none' }),
  },
});

/** The public statement of campaigns: no session, read-only, cacheable for a short while. */
export const publicFundEndpoints = defineEndpoints('public', {
  'GET /api/public/campaigns': { response: z.array(PublicCampaign), access: PUBLIC, readReplica: true },
  'GET /api/public/campaigns/:id': { params: IdParams, response: PublicCampaignDetail, access: PUBLIC, readReplica: true },
  'GET /api/public/campaigns/:id/donations': { params: IdParams, query: PublicDonationQuery, response: PublicDonationPage, access: PUBLIC, readReplica: true },
  'GET /api/public/campaigns/:id/donations.csv': { params: IdParams, query: PublicDonationQuery, access: PUBLIC, readReplica: true },
  'GET /api/public/campaigns/:id/distributions': { params: IdParams, query: PublicDistributionQuery, response: PublicDistributionPage, access: PUBLIC, readReplica: true },
  'GET /api/public/campaigns/:id/vietqr.svg': { params: IdParams, query: VietQrQuery, access: PUBLIC, readReplica: true },
});
