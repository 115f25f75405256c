import { Negotiator } from '@fastify/accept-negotiator';
import { StatementMapping } from '@contract/fund-public';
import { fundEndpoints, publicFundEndpoints } from '@contract/endpoints/fund';
import { AppError } from '../../platform/errors';
import { bind, type BoundEndpoint, type Upload } from '../../platform/endpoints';
import { approveDisbursement, proposeDisbursement, rejectDisbursement, reverseDisbursement } from './disbursement-service';
import { recordDonation } from './donation-service';
import { approveProposal, listProposals, proposeDonationReversal, proposeImportReversal, proposeTransfer, rejectProposal } from './proposal-service';
import { qrSvg } from './qr-code';
import { getCampaign, getFund, getLedger, getReceipt, listAccounts, listCampaigns, listDisbursements, listDonations, listFunds } from './read-service';
import { closeMonth, createBankAccount, createCampaign, createFund } from './service';
import { invalidatePublicCache } from './public/cache';
import { campaignVietQr, listPublicCampaigns, publicCampaignDetail, publicDistributions, publicDonations, publicDonationsCsv } from './public/queries';
import type { UploadedFile } from './statements/generic';
import { importJob, startImport } from './statements/import-jobs';
import { previewFiles } from './statements/preview';

// q-values and `identity;q=0` honoured: a client that refuses gzip gets the plain file.
const gzipNegotiator = new Negotiator({ supportedValues: ['gzip', 'identity'] });
const acceptsGzip = (header: string | string[] | undefined) => typeof header === 'string' && gzipNegotiator.negotiate(header) === 'gzip';

/** An uploaded statement file, named without the browser's folders. */
const statementFiles = (files: Upload[]): UploadedFile[] => files.map((f) => ({ name: f.filename.replace(/^.*[\\/]/, ''), data: f.data }));

function parseMapping(text: string) {
  try {
    return StatementMapping.parse(JSON.parse(text));
  } catch {
    throw new AppError('VALIDATION', { mapping: 'columns for date and amount are required' });
  }
}

/** The fund module's handlers (signed in): access was checked by the registrar from the table. */
const signedIn = bind(fundEndpoints, {
  'GET /api/fund/funds': (ctx, { query }) => listFunds(ctx, query),
  'GET /api/fund/funds/:id': (ctx, { params }) => getFund(ctx, params.id),
  'POST /api/fund/funds': (ctx, { body }) => createFund(ctx, body),

  'GET /api/fund/campaigns': (ctx, { query }) => listCampaigns(ctx, query),
  'GET /api/fund/campaigns/:id': (ctx, { params }) => getCampaign(ctx, params.id),
  'POST /api/fund/campaigns': (ctx, { body }) => createCampaign(ctx, body),

  'GET /api/fund/accounts': (ctx, { query }) => listAccounts(ctx, query),
  'POST /api/fund/accounts': (ctx, { body }) => createBankAccount(ctx, body),

  'GET /api/fund/donations': (ctx, { query }) => listDonations(ctx, query),
  'POST /api/fund/donations': (ctx, { body }) => recordDonation(ctx, body),
  'GET /api/fund/donations/:id/receipt': (ctx, { params }) => getReceipt(ctx, params.id),
  'POST /api/fund/donations/:id/reverse': (ctx, { params, body }) => proposeDonationReversal(ctx, params.id, body),
  'POST /api/fund/statement-imports/:id/reverse': (ctx, { params, body }) => proposeImportReversal(ctx, params.id, body),
  'GET /api/fund/proposals': (ctx, { query }) => listProposals(ctx, query),
  'POST /api/fund/proposals/:id/approve': (ctx, { params, body }) => approveProposal(ctx, params.id, body.note),
  'POST /api/fund/proposals/:id/reject': (ctx, { params, body }) => rejectProposal(ctx, params.id, body.note),

  'GET /api/fund/disbursements': (ctx, { query }) => listDisbursements(ctx, query),
  'POST /api/fund/disbursements': (ctx, { body }) => proposeDisbursement(ctx, body),
  'POST /api/fund/disbursements/:id/approve': (ctx, { params, body }) => approveDisbursement(ctx, params.id, body),
  'POST /api/fund/disbursements/:id/reject': (ctx, { params, body }) => rejectDisbursement(ctx, params.id, body),
  'POST /api/fund/disbursements/:id/reverse': (ctx, { params, body }) => reverseDisbursement(ctx, params.id, body),

  'GET /api/fund/ledger': (ctx, { query }) => getLedger(ctx, query),
  'POST /api/fund/transfers': (ctx, { body }) => proposeTransfer(ctx, body),
  'POST /api/fund/closings': (ctx, { body }) => closeMonth(ctx, body),

  'POST /api/fund/statements/import': (ctx, { body, files }) =>
    startImport(ctx, {
      files: statementFiles(files),
      format: body.format,
      debits: body.debits,
      mapping: body.format === 'generic' && body.mapping ? parseMapping(body.mapping) : null,
      target: { campaignId: body.campaignId, fundId: body.fundId, accountId: body.accountId },
    }),
  'GET /api/fund/statements/imports/:id': (ctx, { params }) => importJob(ctx, params.id),
  // The first rows of every file, with the mapping remembered for the account or suggested by the header.
  'POST /api/fund/statements/preview': (ctx, { body, files }) => previewFiles(ctx, { files: statementFiles(files), accountId: body.accountId ?? null }),
});

const short = 'public, max-age=15';

/** The public statement: no session, read-only, cacheable by browsers and proxies for a short while. */
const publicStatement = bind(publicFundEndpoints, {
  'GET /api/public/campaigns': (ctx, _input, { reply }) => {
    reply.header('cache-control', short);
    return listPublicCampaigns(ctx.db);
  },
  'GET /api/public/campaigns/:id': (ctx, { params }, { reply }) => {
    reply.header('cache-control', short);
    return publicCampaignDetail(ctx.db, params.id);
  },
  'GET /api/public/campaigns/:id/donations': async (ctx, { params, query }, { reply }) => {
    reply.header('cache-control', short);
    const { plan: _plan, ...page } = await publicDonations(ctx.db, params.id, query);
    return page;
  },
  'GET /api/public/campaigns/:id/donations.csv': async (ctx, { params, query }, { req, reply }) => {
    const { csv, gzip, name } = await publicDonationsCsv(ctx.db, params.id, query);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${name}"`);
    reply.header('cache-control', short);
    // The file gzipped once when built, for every client that takes it (all browsers do).
    reply.header('vary', 'accept-encoding');
    if (acceptsGzip(req.headers['accept-encoding'])) {
      reply.header('content-encoding', 'gzip');
      return gzip;
    }
    return csv;
  },
  'GET /api/public/campaigns/:id/distributions': (ctx, { params, query }, { reply }) => {
    reply.header('cache-control', short);
    return publicDistributions(ctx.db, params.id, query.page);
  },
  'GET /api/public/campaigns/:id/vietqr.svg': async (ctx, { params, query }, { reply }) => {
    const text = await campaignVietQr(ctx.db, params.id, query.account, query.amount);
    reply.header('content-type', 'image/svg+xml; charset=utf-8');
    reply.header('cache-control', 'public, max-age=3600');
    return qrSvg(text, { title: 'VietQR', px: 320 });
  },
});

/** A booked change shows on the public statement at once: the cache is cleared once the write has committed. */
const clearsPublicCache = (b: BoundEndpoint): BoundEndpoint =>
  b.endpoint.method === 'GET'
    ? b
    : {
        ...b,
        handler: async (...args) => {
          const result = await b.handler(...args);
          invalidatePublicCache();
          return result;
        },
      };

export const fundHandlers: BoundEndpoint[] = [...signedIn.map(clearsPublicCache), ...publicStatement];
