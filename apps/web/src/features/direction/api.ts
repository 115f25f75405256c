import type { Commendation, Course, Directive, DutyPage, Inspection, ElectionResult, ElectionTask, Grading, KeyTask, Programme } from '@contract/direction';
import { api } from '../../api';

export const directionApi = {
  inbox: (unit: number) => api.get<DutyPage>('/api/direction/inbox', { unit, limit: 500 }),
  duties: (unit: number, status?: string) => api.get<DutyPage>('/api/direction/duties', { unit, limit: 1000, ...(status ? { status } : {}) }),
  answer: (obligationId: number, body: { unitId: number; text: string; figures: Record<string, number> }) =>
    api.post(`/api/directive-obligations/${obligationId}/answer`, body),
  acknowledge: (directiveId: number, unitId: number) => api.post(`/api/directives/${directiveId}/acknowledge`, { unitId }),
  issue: (body: Record<string, unknown>) => api.post<Directive>('/api/directives', body),
  inspections: (unit: number) => api.get<Inspection[]>('/api/inspections', { unit }),
  inspect: (body: { unitId: number; inspectedUnitId: number; heldOn: string; topic: string; conclusions: string }) => api.post<Inspection>('/api/inspections', body),
  remind: (directiveId: number) => api.post<{ reminded: number }>(`/api/directives/${directiveId}/remind`, {}),

  keyTasks: (unit: number, year: number) => api.get<KeyTask[]>('/api/key-tasks', { unit, year }),
  createKeyTask: (body: { unitId: number; year: number; title: string; registeredOn: string }) => api.post<KeyTask>('/api/key-tasks', body),
  updateKeyTask: (id: number, body: { progress: number; completedOn?: string | null; evidence?: string }) => api.patch<KeyTask>(`/api/key-tasks/${id}`, body),

  electionTasks: (unit: number) => api.get<ElectionTask[]>('/api/election-tasks', { unit }),
  createElectionTask: (body: { unitId: number; campaign: string; kind: string; title: string; dueOn: string }) => api.post<ElectionTask>('/api/election-tasks', body),
  completeElectionTask: (id: number, body: { doneOn: string; evidence: string }) => api.post<ElectionTask>(`/api/election-tasks/${id}/done`, body),
  electionResults: (unit: number) => api.get<ElectionResult[]>('/api/election-results', { unit }),
  createElectionResult: (body: Record<string, unknown>) => api.post<ElectionResult>('/api/election-results', body),

  courses: (unit: number) => api.get<Course[]>('/api/training/courses', { unit }),
  createCourse: (body: { unitId: number; title: string; startsOn: string; endsOn: string; audience: string }) => api.post<Course>('/api/training/courses', body),
  addAttendances: (id: number, attendees: Array<{ unitId: number; personName: string }>) =>
    api.post<{ added: number }>(`/api/training/courses/${id}/attendances`, { attendees }),

  gradings: (unit: number, year: number) => api.get<Grading[]>('/api/gradings', { unit, year }),
  proposeGrading: (unitId: number, year: number) => api.post<Grading>('/api/gradings/propose', { unitId, year }),
  decideGrading: (id: number, body: { grade: string; reason?: string }) => api.post<Grading>(`/api/gradings/${id}/decide`, body),

  commendations: (unit: number, from?: string, to?: string) =>
    api.get<Commendation[]>('/api/commendations', { unit, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
  createCommendation: (body: Record<string, unknown>) => api.post<Commendation>('/api/commendations', body),

  programmes: (unit: number) => api.get<Programme[]>('/api/coordination-programmes', { unit }),
  createProgramme: (body: Record<string, unknown>) => api.post<Programme>('/api/coordination-programmes', body),
  reviewProgramme: (id: number, body: { year: number; reviewedOn: string; result: string }) => api.post<Programme>(`/api/coordination-programmes/${id}/reviews`, body),
};
