import type { metricsEndpoints } from '@contract/endpoints/metrics';
import type { Sample } from '../../test/matrix';

/** One valid request per metrics endpoint, for the generated access matrix. */
export const metricsSamples: { [K in keyof typeof metricsEndpoints]: Sample } = {
  'GET /api/metrics': () => ({}),
  'GET /api/metrics/:key': (c) => ({ params: { key: 'org.units_by_level' }, query: { unit: c.unit, from: '2025-01-01', to: c.date, by: 'children' } }),
};
