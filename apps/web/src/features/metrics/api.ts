import type { MetricInfo, MetricQuery, MetricResult } from '@contract/metrics';
import { api } from '../../api';

export const metricsApi = {
  list: () => api.get<MetricInfo[]>('/api/metrics'),
  get: (key: string, q: Partial<MetricQuery>) => api.get<MetricResult>(`/api/metrics/${encodeURIComponent(key)}`, q),
};
