import type { AuditQuery, AuditRow } from '@contract/audit';
import { api } from '../../api';

export const auditApi = {
  list: (q: Partial<AuditQuery>) => api.get<AuditRow[]>('/api/audit', q),
};
