import { z } from 'zod';
import { AuditQuery, AuditRow } from '../audit';
import { atQuery, defineEndpoints } from '../endpoint';

/** The audit trail, read in the user's scope (without `unit`, the user's own unit is checked). */
export const auditEndpoints = defineEndpoints('audit', {
  'GET /api/audit': { query: AuditQuery, response: z.array(AuditRow), access: atQuery('audit.read', 'unit', { optional: true }) },
});
