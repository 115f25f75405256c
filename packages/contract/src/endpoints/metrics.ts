import { z } from 'zod';
import { MetricInfo, MetricKeyParams, MetricQuery, MetricResult } from '../metrics';
import { anyUnit, atQuery, defineEndpoints } from '../endpoint';

/** The metric registry: every module's figures, computed for a unit and its children over a period. */
export const metricsEndpoints = defineEndpoints('metrics', {
  'GET /api/metrics': { response: z.array(MetricInfo), access: anyUnit('metric.read') },
  'GET /api/metrics/:key': { params: MetricKeyParams, query: MetricQuery, response: MetricResult, access: atQuery('metric.read') },
});
