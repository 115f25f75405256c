import { metricsEndpoints } from '@contract/endpoints/metrics';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import { metricList, metricResult } from './service';

/** The metric registry's endpoints; each module declares its own metrics (platform/metrics.ts). */
export const metricsModule = defineModule({
  name: 'metrics',
  endpoints: bind(metricsEndpoints, {
    'GET /api/metrics': (ctx) => metricList(ctx),
    'GET /api/metrics/:key': (ctx, { params, query }) => metricResult(ctx, { key: params.key, query }),
  }),
});
