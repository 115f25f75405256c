import type {
  Agency, Conference, DeadlineRule, Meeting, PetitionDetail, PetitionIdentity, PetitionPage, PetitionReminders, PetitionStats, PublicPetitionStatus,
  Reception, SituationOverview, SituationPeriod, MyPetitions,
} from '@contract/petitions';
import { api, networkError, readCookie, toApiError } from '../../api';
import type { Query } from '../../route-match';

export type PublicUnit = { code: string; name: string };

export const petitionsApi = {
  list: (q: Query) => api.get<PetitionPage>('/api/petitions', q),
  reminders: () => api.get<PetitionReminders>('/api/petitions/reminders'),
  stats: (q: { unit: number; from: string; to: string }) => api.get<PetitionStats>('/api/petitions/stats', q),
  get: (id: number) => api.get<PetitionDetail>(`/api/petitions/${id}`),
  create: (body: Record<string, unknown>) => api.post<PetitionDetail>('/api/petitions', body),
  act: (id: number, body: Record<string, unknown>) => api.post<PetitionDetail>(`/api/petitions/${id}/actions`, body),
  identity: (id: number) => api.get<PetitionIdentity>(`/api/petitions/${id}/identity`),
  agencies: (unit: number) => api.get<Agency[]>('/api/petition-agencies', { unit }),
  createAgency: (body: Record<string, unknown>) => api.post<Agency>('/api/petition-agencies', body),
  rules: () => api.get<DeadlineRule[]>('/api/petition-rules'),
  updateRule: (kind: string, body: Record<string, unknown>) => api.put<DeadlineRule>(`/api/petition-rules/${kind}`, body),
  receptions: (unit: number) => api.get<Reception[]>('/api/petition-receptions', { unit }),
  createReception: (body: Record<string, unknown>) => api.post<Reception>('/api/petition-receptions', body),
  meetings: (unit: number) => api.get<Meeting[]>('/api/voter-meetings', { unit }),
  createMeeting: (body: Record<string, unknown>) => api.post<Meeting>('/api/voter-meetings', body),
  conferences: (unit: number) => api.get<Conference[]>('/api/petition-conferences', { unit }),
  createConference: (body: Record<string, unknown>) => api.post<Conference>('/api/petition-conferences', body),
  situation: (q: Query) => api.get<SituationOverview>('/api/situation-reports', q),
  periods: (unit: number) => api.get<SituationPeriod[]>('/api/situation-periods', { unit }),
  createPeriod: (body: Record<string, unknown>) => api.post<SituationPeriod>('/api/situation-periods', body),
  fileReport: (body: Record<string, unknown>) => api.post<unknown>('/api/situation-reports', body),
  /** Multipart upload of documents (the agency's answer), with the session's CSRF token. */
  async attach(id: number, form: FormData): Promise<PetitionDetail> {
    let res: Response;
    try {
      res = await fetch(`/api/petitions/${id}/attachments`, {
        method: 'POST', body: form, credentials: 'include',
        headers: { accept: 'application/json', 'x-csrf-token': readCookie(document.cookie, 'dk_csrf') ?? '' },
      });
    } catch {
      throw networkError();
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) throw toApiError(res.status, data);
    return data as PetitionDetail;
  },
  exportUrl: (q: Record<string, string | number>) =>
    '/api/petitions/export.csv?' + new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString(),
};

export const publicPetitionsApi = {
  units: (q: string) => api.get<PublicUnit[]>('/api/public/petition-units', { q }),
  track: (code: string) => api.get<PublicPetitionStatus>(`/api/public/petitions/${encodeURIComponent(code)}`),
  askCode: (contact: string) => api.post<{ sent: true; minutes: number }>('/api/public/my-petitions/code', { contact }),
  mine: (contact: string, code: string) => api.post<MyPetitions>('/api/public/my-petitions', { contact, code }),
  /** Sent as multipart so attachments go with the text; no session is needed. */
  async submit(form: FormData): Promise<{ trackingCode: string }> {
    let res: Response;
    try {
      res = await fetch('/api/public/petitions', { method: 'POST', body: form, headers: { accept: 'application/json' } });
    } catch {
      throw networkError();
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) throw toApiError(res.status, data);
    return data as { trackingCode: string };
  },
};
