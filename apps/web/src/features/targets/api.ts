import type { CongressDetail, MapResult, TargetsResult, TargetUnitsResult, TargetYearsResult } from '@contract/targets';
import type { MetricView } from '@contract/metrics';
import { api } from '../../api';

export type Shapes = { type: 'FeatureCollection'; features: Array<{ properties: { code: string; name: string }; geometry: { coordinates: number[][][][] } }> };

export const targetsApi = {
  overview: (unit: number, year: number, view: MetricView) => api.get<TargetsResult>('/api/targets', { unit, year, view }),
  units: (number: number, q: { unit: number; year: number; view: MetricView; scope: 'children' | 'all' }) => api.get<TargetUnitsResult>(`/api/targets/${number}/units`, q),
  years: (unit: number, from: number, to: number, view: MetricView) => api.get<TargetYearsResult>('/api/targets/years', { unit, from, to, view }),
  map: (q: { unit: number; year: number; view: MetricView; metric?: string; target?: number }) => api.get<MapResult>('/api/targets/map', q),
  shapes: () => api.get<Shapes>('/api/targets/map/shapes'),
  congress: (id: number) => api.get<CongressDetail>(`/api/target-congresses/${id}`),
  updateTarget: (id: number, body: unknown) => api.patch(`/api/target-defs/${id}`, body),
};
