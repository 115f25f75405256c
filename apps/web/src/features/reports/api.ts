import type { CreateReport, PublicReport, ReportJob, ReportListQuery } from '@contract/reports';
import { api } from '../../api';

export const reportsApi = {
  list: (q: Partial<ReportListQuery>) => api.get<ReportJob[]>('/api/reports', q),
  get: (id: number) => api.get<ReportJob>(`/api/reports/${id}`),
  create: (body: CreateReport) => api.post<ReportJob>('/api/reports', body),
  override: (id: number, reason: string) => api.post<ReportJob>(`/api/reports/${id}/override`, { reason }),
  publish: (id: number) => api.post<ReportJob>(`/api/reports/${id}/publish`),
  publicList: () => api.get<PublicReport[]>('/api/public/reports'),
};
