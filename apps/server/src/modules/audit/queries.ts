import type { AuditQuery } from '@contract/audit';
import type { Db } from '../../db/db';
import { scopeCondition, type CurrentUser } from '../../platform/access';

/**
 * The trail: an administrator filters all of it; others with audit.read see rows of units in their
 * scope. Rows without a unit (accounts, unit imports) are the administrator's. Permission and the
 * unit asked for were checked by the registrar (endpoints/audit.ts).
 */
export async function listAudit(db: Db, user: CurrentUser, q: AuditQuery) {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (cond: (i: string) => string, value: unknown) => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (user.role !== 'admin') {
    const scope = scopeCondition(user, 'a.unit_id', null, params.length + 1);
    params.push(...scope.params);
    where.push(`a.unit_id is not null and ${scope.sql}`);
  }
  if (q.entity) add((p) => `a.entity = ${p}`, q.entity);
  if (q.id) add((p) => `a.entity_id = ${p}`, q.id);
  if (q.actor) add((p) => `a.actor_name = ${p}`, q.actor);
  if (q.action) add((p) => `a.action = ${p}`, q.action);
  if (q.unit) add((p) => `a.unit_id = ${p}`, q.unit);
  if (q.from) add((p) => `a.at >= ${p}::date`, q.from);
  if (q.to) add((p) => `a.at < ${p}::date + 1`, q.to);
  if (q.before) add((p) => `a.id < ${p}`, q.before);
  params.push(q.limit);
  const rows = await db.query<{
    id: number;
    at: Date;
    actor_name: string | null;
    action: string;
    entity: string;
    entity_id: string;
    unit_id: number | null;
    unit_name: string | null;
    before: unknown;
    after: unknown;
  }>(
    `select a.id, a.at, a.actor_name, a.action, a.entity, a.entity_id, a.unit_id, a.before, a.after,
            (select v.name from unit_versions v where v.unit_id = a.unit_id order by v.valid_from desc limit 1) as unit_name
       from audit_log a ${where.length ? 'where ' + where.join(' and ') : ''}
      order by a.id desc limit $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    before: r.before,
    after: r.after,
  }));
}
