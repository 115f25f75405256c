import type { ActivityDetail, ActivityItem, MediationCase, MediationParties, PublicSupervision, Recommendation, RecommendationPage } from '@contract/oversight';
import { api } from '../../api';
import type { Query } from '../../route-match';

export type MediationStats = { cases: number; closed: number; successful: number; rate: number | null };

export const oversightApi = {
  activities: (q: Query) => api.get<ActivityItem[]>('/api/oversight/activities', q),
  activity: (id: number) => api.get<ActivityDetail>(`/api/oversight/activities/${id}`),
  createActivity: (body: Record<string, unknown>) => api.post<ActivityDetail>('/api/oversight/activities', body),
  complete: (id: number, body: Record<string, unknown>) => api.post<ActivityDetail>(`/api/oversight/activities/${id}/complete`, body),
  recommendations: (q: Query) => api.get<RecommendationPage>('/api/oversight/recommendations', q),
  follow: (id: number, body: Record<string, unknown>) => api.post<Recommendation>(`/api/oversight/recommendations/${id}/follow`, body),
  cases: (q: Query) => api.get<MediationCase[]>('/api/mediation/cases', q),
  closeCase: (id: number, body: Record<string, unknown>) => api.post<MediationCase>(`/api/mediation/cases/${id}/close`, body),
  parties: (id: number) => api.get<MediationParties>(`/api/mediation/cases/${id}/parties`),
  stats: (unit: number, year: number) => api.get<MediationStats>('/api/mediation/stats', { unit, year }),
  publicSupervisions: (code: string) => api.get<PublicSupervision[]>(`/api/public/supervisions/${encodeURIComponent(code)}`),
};
