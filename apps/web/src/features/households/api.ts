import type {
  Coverage,
  CoverageKind,
  CreateHousehold,
  DuplicateCandidate,
  CreateSupport,
  DuplicateGroup,
  Household,
  HouseholdDetail,
  ImportResult,
  Summary,
  Support,
} from '@contract/households';
import { api } from '../../api';

type ListQuery = { unit: number; year: number; class?: string; q?: string };

export const householdsApi = {
  list: (q: ListQuery) => api.get<Household[]>('/api/households', q),
  get: (id: number, year?: number) => api.get<HouseholdDetail>(`/api/households/${id}`, { year }),
  create: (body: CreateHousehold) => api.post<HouseholdDetail>('/api/households', body),
  coverage: (unit: number, year: number, kind: CoverageKind) => api.get<Coverage>('/api/households/coverage', { unit, year, kind }),
  summary: (unit: number, year: number) => api.get<Summary>('/api/households/summary', { unit, year }),
  support: (body: CreateSupport) => api.post<Support>('/api/households/supports', body),
  houseProgress: (supportId: number, body: { status: string; date: string }) => api.post<Support>(`/api/households/supports/${supportId}/house`, body),
  housePhoto: (supportId: number, body: { fileName: string; mime: string; contentBase64: string }) => api.post<Support>(`/api/households/supports/${supportId}/photos`, body),
  check: (q: { unit: number; name: string; birthYear?: number; address?: string }) => api.get<DuplicateCandidate[]>('/api/households/duplicates', q),
  duplicates: (unit: number) => api.get<DuplicateGroup[]>('/api/households/duplicates/report', { unit }),
  import: (body: { unitId: number; year: number; fileName: string; contentBase64: string }) => api.post<ImportResult>('/api/households/import', body),
};

/** The address of an XLSX export (a plain GET: the browser downloads it with the session cookie). */
export function exportUrl(q: { list: 'registry' | 'coverage'; unit: number; year: number; class?: string; kind?: string }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  return `/api/households/export.xlsx?${p}`;
}
