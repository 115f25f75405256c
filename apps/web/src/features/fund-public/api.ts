import type { PublicCampaign, PublicCampaignDetail, PublicDistributionPage, PublicDonationPage } from '@contract/fund-public';
import { api } from '../../api';
import { buildUrl, type Query } from '../../route-match';

export type DonationFilters = { q?: string; min?: string; max?: string; from?: string; to?: string; sort?: string; page?: string };

const donationQuery = (f: DonationFilters): Query => ({
  q: f.q || null,
  min: f.min || null,
  max: f.max || null,
  from: f.from || null,
  to: f.to || null,
  sort: f.sort && f.sort !== 'newest' ? f.sort : null,
  page: f.page && f.page !== '1' ? f.page : null,
});

export const fundPublicApi = {
  campaigns: () => api.get<PublicCampaign[]>('/api/public/campaigns'),
  campaign: (id: number) => api.get<PublicCampaignDetail>(`/api/public/campaigns/${id}`),
  donations: (id: number, f: DonationFilters) => api.get<PublicDonationPage>(`/api/public/campaigns/${id}/donations`, donationQuery(f)),
  distributions: (id: number, page: number) => api.get<PublicDistributionPage>(`/api/public/campaigns/${id}/distributions`, { page }),
  /** The CSV of the current search (every page), downloaded by the browser. */
  csvUrl: (id: number, f: DonationFilters) => buildUrl(`/api/public/campaigns/${id}/donations.csv`, { ...donationQuery(f), page: null }),
};

export const publicPaths = {
  campaigns: () => '/public/campaigns',
  campaign: (id: number) => `/public/campaigns/${id}`,
};
