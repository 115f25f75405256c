import type { CreateUnit, DissolveUnit, ImportSummary, ImportUnits, MergeUnits, MoveUnit, RenameUnit, Unit, UnitChangeResult, UnitDetail, UnitListQuery } from '@contract/units';
import { api } from '../../api';

export const unitsApi = {
  /** Children of `parent`, matches of `q`, or (neither) the roots of what I may see — on `asOf`. */
  list: (q: Partial<UnitListQuery>) => api.get<Unit[]>('/api/units', q),
  get: (id: number, asOf?: string) => api.get<UnitDetail>(`/api/units/${id}`, { asOf }),
  // Changes: administrators only (unit.manage).
  create: (body: CreateUnit) => api.post<UnitChangeResult>('/api/units', body),
  rename: (id: number, body: RenameUnit) => api.post<UnitChangeResult>(`/api/units/${id}/rename`, body),
  move: (id: number, body: MoveUnit) => api.post<UnitChangeResult>(`/api/units/${id}/move`, body),
  merge: (body: MergeUnits) => api.post<UnitChangeResult>('/api/units/merge', body),
  dissolve: (id: number, body: DissolveUnit) => api.post<UnitChangeResult>(`/api/units/${id}/dissolve`, body),
  import: (body: ImportUnits) => api.post<ImportSummary>('/api/units/import', body),
};
