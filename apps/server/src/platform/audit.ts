import type { Db } from '../db/db';
import type { CurrentUser } from './access';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: string | number;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = /password|secret|token|hash|identity/i;

/** Drops secret fields so the trail never stores what it must not reveal. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map(redact);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v)]));
}

/** Writes one audit row; call it with the same transaction as the change it records. */
export async function audit(tx: Db, actor: CurrentUser | null, e: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_log (actor_id, actor_name, action, entity, entity_id, unit_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor?.id ?? null,
      actor?.username ?? 'system',
      e.action,
      e.entity,
      String(e.entityId),
      e.unitId ?? null,
      e.before === undefined ? null : JSON.stringify(redact(e.before)),
      e.after === undefined ? null : JSON.stringify(redact(e.after)),
    ],
  );
}
