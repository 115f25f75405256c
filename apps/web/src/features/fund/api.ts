import type {
  Account, Campaign, CreateBankAccount, CampaignCreated, CampaignListQuery, CloseMonth, Closing, CreateCampaign, CreateDonation, CreateFund,
  DecideDisbursement, Disbursement, DisbursementListQuery, Donation, DonationListQuery, DonationPage, DonationReceipt, Fund,
  FundListQuery, Ledger, LedgerQuery, Proposal, ProposeDisbursement, ReverseEntry,
} from '@contract/fund';
import { api } from '../../api';

/** The signed-in fund routes (/api/fund/...). */
export const fundApi = {
  funds: (q: Partial<FundListQuery>) => api.get<Fund[]>('/api/fund/funds', q),
  fund: (id: number) => api.get<Fund>(`/api/fund/funds/${id}`),
  createFund: (body: CreateFund) => api.post<Fund>('/api/fund/funds', body),
  campaigns: (q: Partial<CampaignListQuery>) => api.get<Campaign[]>('/api/fund/campaigns', q),
  campaign: (id: number) => api.get<Campaign>(`/api/fund/campaigns/${id}`),
  createCampaign: (body: CreateCampaign) => api.post<CampaignCreated>('/api/fund/campaigns', body),
  accounts: (unit: number) => api.get<Account[]>('/api/fund/accounts', { unit }),
  createBankAccount: (body: CreateBankAccount) => api.post<Account>('/api/fund/accounts', body),
  donations: (q: Partial<DonationListQuery>) => api.get<DonationPage>('/api/fund/donations', q),
  recordDonation: (body: CreateDonation) => api.post<Donation>('/api/fund/donations', body),
  receipt: (id: number) => api.get<DonationReceipt>(`/api/fund/donations/${id}/receipt`),
  reverseDonation: (id: number, body: ReverseEntry) => api.post<Proposal>(`/api/fund/donations/${id}/reverse`, body),
  disbursements: (q: Partial<Omit<DisbursementListQuery, 'pendingForMe'>> & { pendingForMe?: 'true' }) =>
    api.get<Disbursement[]>('/api/fund/disbursements', q),
  propose: (body: ProposeDisbursement) => api.post<Disbursement>('/api/fund/disbursements', body),
  approve: (id: number, body: DecideDisbursement) => api.post<Disbursement>(`/api/fund/disbursements/${id}/approve`, body),
  reject: (id: number, body: DecideDisbursement) => api.post<Disbursement>(`/api/fund/disbursements/${id}/reject`, body),
  reverseDisbursement: (id: number, body: ReverseEntry) => api.post<Disbursement>(`/api/fund/disbursements/${id}/reverse`, body),
  proposals: (q: { unit?: number; status?: Proposal['status']; pendingForMe?: 'true' }) => api.get<Proposal[]>('/api/fund/proposals', q),
  approveProposal: (id: number, body: DecideDisbursement) => api.post<Proposal>(`/api/fund/proposals/${id}/approve`, body),
  rejectProposal: (id: number, body: DecideDisbursement) => api.post<Proposal>(`/api/fund/proposals/${id}/reject`, body),
  ledger: (q: LedgerQuery) => api.get<Ledger>('/api/fund/ledger', q),
  closeMonth: (body: CloseMonth) => api.post<Closing>('/api/fund/closings', body),
};
