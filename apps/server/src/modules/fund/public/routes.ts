import { z } from 'zod';
import { IdParams } from '@contract/common';
import {
  PublicCampaign, PublicCampaignDetail, PublicDistributionPage, PublicDistributionQuery, PublicDonationPage, PublicDonationQuery, VietQrQuery,
} from '@contract/fund-public';
import type { Db } from '../../../db/db';
import type { App } from '../../../platform/http';
import { qrSvg } from '../qr-code';
import {
  campaignVietQr, listPublicCampaigns, publicCampaignDetail, publicDistributions, publicDonations, publicDonationsCsv,
} from './queries';

/** The public statement: no session, read-only, cacheable by browsers and proxies for a short while. */
export async function publicFundRoutes(app: App, db: Db): Promise<void> {
  const tags = ['public'];
  const short = 'public, max-age=15';

  app.get('/api/public/campaigns', { schema: { tags, response: { 200: z.array(PublicCampaign) } } }, async (_req, reply) => {
    reply.header('cache-control', short);
    return listPublicCampaigns(db);
  });
  app.get('/api/public/campaigns/:id', { schema: { tags, params: IdParams, response: { 200: PublicCampaignDetail } } }, async (req, reply) => {
    reply.header('cache-control', short);
    return publicCampaignDetail(db, req.params.id);
  });
  app.get('/api/public/campaigns/:id/donations', {
    schema: { tags, params: IdParams, querystring: PublicDonationQuery, response: { 200: PublicDonationPage } },
  }, async (req, reply) => {
    reply.header('cache-control', short);
    const { plan: _plan, ...page } = await publicDonations(db, req.params.id, req.query);
    return page;
  });
  app.get('/api/public/campaigns/:id/donations.csv', { schema: { tags, params: IdParams, querystring: PublicDonationQuery } }, async (req, reply) => {
    const { csv, name } = await publicDonationsCsv(db, req.params.id, req.query);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${name}"`);
    reply.header('cache-control', short);
    return csv;
  });
  app.get('/api/public/campaigns/:id/distributions', {
    schema: { tags, params: IdParams, querystring: PublicDistributionQuery, response: { 200: PublicDistributionPage } },
  }, async (req, reply) => {
    reply.header('cache-control', short);
    return publicDistributions(db, req.params.id, req.query.page);
  });
  app.get('/api/public/campaigns/:id/vietqr.svg', { schema: { tags, params: IdParams, querystring: VietQrQuery } }, async (req, reply) => {
    const text = await campaignVietQr(db, req.params.id, req.query.account, req.query.amount);
    reply.header('content-type', 'image/svg+xml; charset=utf-8');
    reply.header('cache-control', 'public, max-age=3600');
    return qrSvg(text, { title: 'VietQR', px: 320 });
  });
}
