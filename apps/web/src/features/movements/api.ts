import type { Model, PublicSurvey, SolidarityOverview, Survey, SurveyResults } from '@contract/movements';
import { api } from '../../api';

export const movementsApi = {
  solidarity: (unit: number, year: number) => api.get<SolidarityOverview>('/api/movements/solidarity', { unit, year }),
  surveys: (unit: number, year: number) => api.get<Survey[]>('/api/movements/surveys', { unit, year }),
  createSurvey: (body: Record<string, unknown>) => api.post<Survey>('/api/movements/surveys', body),
  results: (id: number) => api.get<SurveyResults>(`/api/movements/surveys/${id}/results`),
  paper: (id: number, body: Record<string, unknown>) => api.post<SurveyResults>(`/api/movements/surveys/${id}/paper`, body),
  models: (unit: number, kind?: string) => api.get<Model[]>('/api/movements/models', kind ? { unit, kind } : { unit }),
  createModel: (body: Record<string, unknown>) => api.post<Model>('/api/movements/models', body),
  publicSurvey: (code: string) => api.get<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(code)}`),
  answer: (code: string, body: Record<string, unknown>) => api.post<{ ok: true; answeredOn: string }>(`/api/public/surveys/${encodeURIComponent(code)}/answers`, body),
};
