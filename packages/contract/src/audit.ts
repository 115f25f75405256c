import { z } from 'zod';
import { Id, IsoDate } from './common';

export const AuditQuery = z.object({
  entity: z.string().max(50).optional(),
  id: z.string().max(50).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  unit: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  before: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditRow = z.object({
  id: Id,
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditRow = z.infer<typeof AuditRow>;
