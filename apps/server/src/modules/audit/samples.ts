import type { auditEndpoints } from '@contract/endpoints/audit';
import type { Sample } from '../../test/matrix';

/** The trail of the target unit, for the generated access matrix. */
export const auditSamples: { [K in keyof typeof auditEndpoints]: Sample } = {
  'GET /api/audit': (c) => ({ query: { unit: c.unit, limit: 5 } }),
};
