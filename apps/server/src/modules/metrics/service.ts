import type { MetricInfo, MetricQuery, MetricResult } from '@contract/metrics';
import { dayWithin, type Ctx } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { computeMetric, getMetric, listMetrics } from '../../platform/metrics';
import { childIds } from '../units/queries';
import { unitNames, unitPeriod } from './queries';

/** Every module's metrics (metric.read, checked by the registrar). */
export function metricList(_ctx: Ctx): MetricInfo[] {
  return listMetrics();
}

/**
 * One metric for a unit (metric.read there, checked by the registrar) and, by children, for each unit
 * under it on asOf (default: today, or the unit's last day).
 */
export async function metricResult({ db }: Ctx, input: { key: string; query: MetricQuery }): Promise<MetricResult> {
  const def = getMetric(input.key);
  const q = input.query;
  if (q.from > q.to) throw new AppError('VALIDATION', [{ path: '/from', message: 'from > to' }]);
  const unit = await unitPeriod(db, q.unit);
  const asOf = q.asOf ?? dayWithin(unit.valid_from, unit.valid_to);
  const children = q.by === 'children' ? await childIds(db, q.unit, asOf) : [];
  const ids = [q.unit, ...children];
  const values = await computeMetric(db, def, { unitIds: ids, from: q.from, to: q.to, view: q.view });
  const names = await unitNames(db, ids, asOf);
  const present = (id: number) => ({ ...values.get(id)!, unitName: names.get(id) ?? String(id) });
  const { facts: _f, ...metric } = def;
  return {
    metric,
    from: q.from,
    to: q.to,
    asOf,
    view: q.view,
    total: present(q.unit),
    children: children.map(present).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
  };
}
