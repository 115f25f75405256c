import type { systemEndpoints } from '@contract/endpoints/system';
import type { Sample } from '../../test/matrix';

/** The health check, public, for the generated access matrix. */
export const systemSamples: { [K in keyof typeof systemEndpoints]: Sample } = {
  'GET /api/health': () => ({}),
};
