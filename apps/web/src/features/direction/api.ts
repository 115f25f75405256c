import type { DutyPage, Grading, KeyTask } from '@contract/direction';
import { api } from '../../api';

export const directionApi = {
  inbox: (unit: number) => api.get<DutyPage>('/api/direction/inbox', { unit, limit: 500 }),
  duties: (unit: number, status?: string) => api.get<DutyPage>('/api/direction/duties', { unit, limit: 1000, ...(status ? { status } : {}) }),
  answer: (obligationId: number, body: { unitId: number; text: string; figures: Record<string, number> }) =>
    api.post(`/api/directive-obligations/${obligationId}/answer`, body),
  acknowledge: (directiveId: number, unitId: number) => api.post(`/api/directives/${directiveId}/acknowledge`, { unitId }),
  remind: (directiveId: number) => api.post<{ reminded: number }>(`/api/directives/${directiveId}/remind`, {}),
  keyTasks: (unit: number, year: number) => api.get<KeyTask[]>('/api/key-tasks', { unit, year }),
  gradings: (unit: number, year: number) => api.get<Grading[]>('/api/gradings', { unit, year }),
};
