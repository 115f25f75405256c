import { z } from 'zod';
import { IdParams } from '@contract/common';
import {
  Account, Campaign, CampaignCreated, CampaignListQuery, CloseMonth, Closing, CreateBankAccount, CreateCampaign, CreateDonation,
  CreateFund, DecideDisbursement, Disbursement, DisbursementListQuery, Donation, DonationListQuery, DonationPage, DonationReceipt,
  Fund, FundListQuery, Ledger, LedgerQuery, Proposal, ProposalListQuery, ProposeDisbursement, ProposeTransfer, ReverseEntry, ReverseImport,
} from '@contract/fund';
import { readReplica, type Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import { approveDisbursement, proposeDisbursement, rejectDisbursement, reverseDisbursement } from './disbursement-service';
import { recordDonation } from './donation-service';
import { approveProposal, listProposals, proposeDonationReversal, proposeImportReversal, proposeTransfer, rejectProposal } from './proposal-service';
import {
  getCampaign, getFund, getLedger, getReceipt, listAccounts, listCampaigns, listDisbursements, listDonations, listFunds,
} from './read-service';
import { closeMonth, createBankAccount, createCampaign, createFund } from './service';
import { publicFundRoutes } from './public/routes';
import { statementRoutes } from './statements/routes';
import { invalidatePublicCache } from './public/cache';

/** The fund module's routes (signed-in under /api/fund; public ones in their own files, called from here). */
export async function fundRoutes(app: App, db: Db): Promise<void> {
  const tags = ['fund'];
  const user = (req: Parameters<typeof ctxOf>[1]) => ctxOf(db, req).user;
  // A booked change shows on the public statement at once: cleared after the response, so after commit.
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.url.startsWith('/api/fund/') && reply.statusCode < 400) invalidatePublicCache();
  });

  app.get('/api/fund/funds', { schema: { tags, querystring: FundListQuery, response: { 200: z.array(Fund) } } },
    async (req) => listFunds(db, user(req), req.query));
  app.get('/api/fund/funds/:id', { schema: { tags, params: IdParams, response: { 200: Fund } } },
    async (req) => getFund(db, user(req), req.params.id));
  app.post('/api/fund/funds', { schema: { tags, body: CreateFund, response: { 200: Fund } } },
    async (req) => createFund(db, user(req), req.body));

  app.get('/api/fund/campaigns', { schema: { tags, querystring: CampaignListQuery, response: { 200: z.array(Campaign) } } },
    async (req) => listCampaigns(db, user(req), req.query));
  app.get('/api/fund/campaigns/:id', { schema: { tags, params: IdParams, response: { 200: Campaign } } },
    async (req) => getCampaign(db, user(req), req.params.id));
  app.post('/api/fund/campaigns', { schema: { tags, body: CreateCampaign, response: { 200: CampaignCreated } } },
    async (req) => createCampaign(db, user(req), req.body));

  app.get('/api/fund/accounts', { schema: { tags, querystring: z.object({ unit: IdParams.shape.id }), response: { 200: z.array(Account) } } },
    async (req) => listAccounts(db, user(req), req.query.unit));
  app.post('/api/fund/accounts', { schema: { tags, body: CreateBankAccount, response: { 200: Account } } },
    async (req) => createBankAccount(db, user(req), req.body));

  app.get('/api/fund/donations', { schema: { tags, querystring: DonationListQuery, response: { 200: DonationPage } } },
    async (req) => listDonations(db, user(req), req.query));
  app.post('/api/fund/donations', { schema: { tags, body: CreateDonation, response: { 200: Donation } } },
    async (req) => recordDonation(db, user(req), req.body));
  app.get('/api/fund/donations/:id/receipt', { schema: { tags, params: IdParams, response: { 200: DonationReceipt } } },
    async (req) => getReceipt(db, user(req), req.params.id));
  // Reversals and transfers are proposed by one person and approved by another (/api/fund/proposals).
  app.post('/api/fund/donations/:id/reverse', { schema: { tags, params: IdParams, body: ReverseEntry, response: { 200: Proposal } } },
    async (req) => proposeDonationReversal(db, user(req), req.params.id, req.body));
  app.post('/api/fund/statement-imports/:id/reverse', { schema: { tags, params: IdParams, body: ReverseImport, response: { 200: Proposal } } },
    async (req) => proposeImportReversal(db, user(req), req.params.id, req.body));
  app.get('/api/fund/proposals', { schema: { tags, querystring: ProposalListQuery, response: { 200: z.array(Proposal) } } },
    async (req) => listProposals(db, user(req), req.query));
  app.post('/api/fund/proposals/:id/approve', { schema: { tags, params: IdParams, body: DecideDisbursement, response: { 200: Proposal } } },
    async (req) => approveProposal(db, user(req), req.params.id, req.body.note));
  app.post('/api/fund/proposals/:id/reject', { schema: { tags, params: IdParams, body: DecideDisbursement, response: { 200: Proposal } } },
    async (req) => rejectProposal(db, user(req), req.params.id, req.body.note));

  app.get('/api/fund/disbursements', { schema: { tags, querystring: DisbursementListQuery, response: { 200: z.array(Disbursement) } } },
    async (req) => listDisbursements(db, user(req), req.query));
  app.post('/api/fund/disbursements', { schema: { tags, body: ProposeDisbursement, response: { 200: Disbursement } } },
    async (req) => proposeDisbursement(db, user(req), req.body));
  app.post('/api/fund/disbursements/:id/approve', { schema: { tags, params: IdParams, body: DecideDisbursement, response: { 200: Disbursement } } },
    async (req) => approveDisbursement(db, user(req), req.params.id, req.body));
  app.post('/api/fund/disbursements/:id/reject', { schema: { tags, params: IdParams, body: DecideDisbursement, response: { 200: Disbursement } } },
    async (req) => rejectDisbursement(db, user(req), req.params.id, req.body));
  app.post('/api/fund/disbursements/:id/reverse', { schema: { tags, params: IdParams, body: ReverseEntry, response: { 200: Disbursement } } },
    async (req) => reverseDisbursement(db, user(req), req.params.id, req.body));

  app.get('/api/fund/ledger', { schema: { tags, querystring: LedgerQuery, response: { 200: Ledger } } },
    async (req) => getLedger(db, user(req), req.query));
  app.post('/api/fund/transfers', { schema: { tags, body: ProposeTransfer, response: { 200: Proposal } } },
    async (req) => proposeTransfer(db, user(req), req.body));
  app.post('/api/fund/closings', { schema: { tags, body: CloseMonth, response: { 200: Closing } } },
    async (req) => closeMonth(db, user(req), req.body));

  await statementRoutes(app, db);
  // The public statement reads the streaming replica when there is one (until these routes join the
  // endpoint table, where their entries carry readReplica: true).
  await publicFundRoutes(app, readReplica(db));
}
