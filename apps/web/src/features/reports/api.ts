import type { CreateReport, IssuePreview, PublicReport, ReportComment, ReportJob, ReportListQuery } from '@contract/reports';
import { api } from '../../api';

export const reportsApi = {
  list: (q: Partial<ReportListQuery>) => api.get<ReportJob[]>('/api/reports', q),
  get: (id: number) => api.get<ReportJob>(`/api/reports/${id}`),
  create: (body: CreateReport) => api.post<ReportJob>('/api/reports', body),
  submit: (id: number, overrideReason?: string) => api.post<ReportJob>(`/api/reports/${id}/submit`, overrideReason ? { overrideReason } : {}),
  issuePreview: (id: number) => api.get<IssuePreview>(`/api/reports/${id}/issue`),
  issue: (id: number, number: number) => api.post<ReportJob>(`/api/reports/${id}/issue`, { number }),
  publish: (id: number) => api.post<ReportJob>(`/api/reports/${id}/publish`),
  unpublish: (id: number, reason: string) => api.post<ReportJob>(`/api/reports/${id}/unpublish`, { reason }),
  comments: (id: number) => api.get<ReportComment[]>(`/api/reports/${id}/comments`),
  comment: (id: number, body: string) => api.post<ReportComment[]>(`/api/reports/${id}/comments`, { body }),
  publicList: () => api.get<PublicReport[]>('/api/public/reports'),
};
