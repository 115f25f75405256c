import { z } from 'zod';
import { MetricInfo, MetricQuery, MetricResult } from '@contract/metrics';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import { assertPermission, assertUnitAccess, dayWithin } from '../../platform/access';
import { computeMetric, getMetric, listMetrics } from '../../platform/metrics';
import { AppError } from '../../platform/errors';
import { childIds } from '../units/queries';

export async function metricRoutes(app: App, db: Db): Promise<void> {
  app.get('/api/metrics', { schema: { tags: ['metrics'], response: { 200: z.array(MetricInfo) } } }, async (req) => {
    assertPermission(ctxOf(db, req).user, 'metric.read');
    return listMetrics();
  });

  app.get('/api/metrics/:key', {
    schema: { tags: ['metrics'], params: z.object({ key: z.string().max(100) }), querystring: MetricQuery, response: { 200: MetricResult } },
  }, async (req) => {
    const { user } = ctxOf(db, req);
    const def = getMetric(req.params.key);
    const q = req.query;
    if (q.from > q.to) throw new AppError('VALIDATION', [{ path: '/from', message: 'from > to' }]);
    await assertUnitAccess(db, user, 'metric.read', q.unit);
    const [unit] = await db.query<{ valid_from: string; valid_to: string }>(
      'select valid_from::text, valid_to::text from units where id = $1', [q.unit]);
    const asOf = q.asOf ?? dayWithin(unit.valid_from, unit.valid_to);
    const children = q.by === 'children' ? await childIds(db, q.unit, asOf) : [];
    const ids = [q.unit, ...children];
    const values = await computeMetric(db, def, { unitIds: ids, from: q.from, to: q.to, view: q.view });
    const names = await unitNames(db, ids, asOf);
    const present = (id: number) => ({ ...values.get(id)!, unitName: names.get(id) ?? String(id) });
    const { facts: _f, ...metric } = def;
    return {
      metric, from: q.from, to: q.to, asOf, view: q.view,
      total: present(q.unit),
      children: children.map(present).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    };
  });
}


async function unitNames(db: Db, ids: number[], asOf: string): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; name: string }>(
    `select distinct on (unit_id) unit_id as id, name from unit_versions where unit_id = any($1::bigint[])
      order by unit_id, (valid_from <= $2::date and $2::date < valid_to) desc, valid_from desc`,
    [ids, asOf],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
