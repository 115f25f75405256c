// Kept for the households pages (frame.tsx, household-form.tsx) until they move to the typed client
// (`useEndpoint('GET /api/units', …)`); the units pages no longer use it.
import type { Unit, UnitDetail, UnitListQuery } from '@contract/units';
import { api } from '../../api';

export const unitsApi = {
  /** Children of `parent`, matches of `q`, or (neither) the roots of what I may see — on `asOf`. */
  list: (q: Partial<UnitListQuery>) => api.get<Unit[]>('/api/units', q),
  get: (id: number, asOf?: string) => api.get<UnitDetail>(`/api/units/${id}`, { asOf }),
};
