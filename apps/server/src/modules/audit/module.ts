import { auditEndpoints } from '@contract/endpoints/audit';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import { listAudit } from './queries';

/** Reading the audit trail; writing it is the one audit path of every service (platform/audit.ts). */
export const auditModule = defineModule({
  name: 'audit',
  endpoints: bind(auditEndpoints, {
    'GET /api/audit': (ctx, { query }) => listAudit(ctx.db, ctx.user!, query),
  }),
});
