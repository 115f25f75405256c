import type {
  ActivityDetail, ActivityItem, Board, BoardDetail, MediationCase, MediationParties, MediationTeam, OpinionSession, Plan, PublicSupervision, Recommendation,
  RecommendationPage,
} from '@contract/oversight';
import { api } from '../../api';
import type { Query } from '../../route-match';

export type MediationStats = { cases: number; closed: number; successful: number; rate: number | null };

export const oversightApi = {
  plan: (unit: number, year: number) => api.get<Plan | null>('/api/oversight/plans', { unit, year }),
  savePlan: (body: Record<string, unknown>) => api.post<Plan>('/api/oversight/plans', body),
  approvePlan: (id: number, body: Record<string, unknown>) => api.post<Plan>(`/api/oversight/plans/${id}/approve`, body),
  activities: (q: Query) => api.get<ActivityItem[]>('/api/oversight/activities', q),
  activity: (id: number) => api.get<ActivityDetail>(`/api/oversight/activities/${id}`),
  createActivity: (body: Record<string, unknown>) => api.post<ActivityDetail>('/api/oversight/activities', body),
  complete: (id: number, body: Record<string, unknown>) => api.post<ActivityDetail>(`/api/oversight/activities/${id}/complete`, body),
  recommendations: (q: Query) => api.get<RecommendationPage>('/api/oversight/recommendations', q),
  follow: (id: number, body: Record<string, unknown>) => api.post<Recommendation>(`/api/oversight/recommendations/${id}/follow`, body),
  opinions: (q: Query) => api.get<OpinionSession[]>('/api/oversight/opinions', q),
  createOpinions: (body: Record<string, unknown>) => api.post<OpinionSession>('/api/oversight/opinions', body),
  boards: (unit: number) => api.get<Board[]>('/api/oversight/boards', { unit }),
  board: (id: number) => api.get<BoardDetail>(`/api/oversight/boards/${id}`),
  createBoard: (body: Record<string, unknown>) => api.post<BoardDetail>('/api/oversight/boards', body),
  saveBoardYear: (id: number, body: Record<string, unknown>) => api.post<BoardDetail>(`/api/oversight/boards/${id}/years`, body),
  addBoardSupervision: (id: number, body: Record<string, unknown>) => api.post<BoardDetail>(`/api/oversight/boards/${id}/supervisions`, body),
  fileBoardReport: (id: number, body: Record<string, unknown>) => api.post<BoardDetail>(`/api/oversight/boards/${id}/reports`, body),
  remedy: (supervisionId: number, body: Record<string, unknown>) => api.post<BoardDetail>(`/api/oversight/board-supervisions/${supervisionId}/remedy`, body),
  teams: (unit: number) => api.get<MediationTeam[]>('/api/mediation/teams', { unit }),
  createTeam: (body: Record<string, unknown>) => api.post<MediationTeam>('/api/mediation/teams', body),
  cases: (q: Query) => api.get<MediationCase[]>('/api/mediation/cases', q),
  closeCase: (id: number, body: Record<string, unknown>) => api.post<MediationCase>(`/api/mediation/cases/${id}/close`, body),
  parties: (id: number) => api.get<MediationParties>(`/api/mediation/cases/${id}/parties`),
  stats: (unit: number, year: number) => api.get<MediationStats>('/api/mediation/stats', { unit, year }),
  publicSupervisions: (code: string) => api.get<PublicSupervision[]>(`/api/public/supervisions/${encodeURIComponent(code)}`),
};
