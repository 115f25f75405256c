import { Health } from '../system';
import { PUBLIC, defineEndpoints } from '../endpoint';

/** What a load balancer or an operator asks without signing in. */
export const systemEndpoints = defineEndpoints('system', {
  'GET /api/health': { response: Health, access: PUBLIC },
});
