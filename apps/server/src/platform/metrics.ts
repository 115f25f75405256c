import type { MetricInfo, MetricView } from '@contract/metrics';
import type { Db } from '../db/db';
import { AppError } from './errors';

/**
 * A metric is declared by its module as SQL yielding its facts for a period:
 * rows (fact_id, unit_id, fact_date, value, dim) where `:from` and `:to` stand for the period bounds
 * (inclusive). The registry places facts into units through the time-aware closure, for many units
 * in one query.
 */
export type MetricDef = MetricInfo & { facts: string };

const registry = new Map<string, MetricDef>();

export function defineMetrics(defs: MetricDef[]): void {
  for (const d of defs) {
    if (registry.has(d.key)) throw new Error(`metric ${d.key} declared twice`);
    registry.set(d.key, d);
  }
}

export function listMetrics(): MetricInfo[] {
  return [...registry.values()].map(({ facts: _facts, ...info }) => info);
}

export function getMetric(key: string): MetricDef {
  const def = registry.get(key);
  if (!def) throw new AppError('METRIC_NOT_FOUND');
  return def;
}

export type MetricRow = { unitId: number; value: number; byDim: Record<string, number> };

/** Computes one metric for every unit in unitIds over [from, to], in a single query. */
export async function computeMetric(db: Db, def: MetricDef, opts: { unitIds: number[]; from: string; to: string; view: MetricView }): Promise<Map<number, MetricRow>> {
  const facts = def.facts.replaceAll(':from', '$2::date').replaceAll(':to', '$3::date');
  const rows = await db.query<{ unit_id: number; dim: string | null; value: number }>(
    // The id list joined as a table (not `= any`), and only closure rows that overlap the period:
    // ~2× faster on PostgreSQL for all 3,321 communes, same on PGlite (npm run bench). No DISTINCT in
    // `targets`: it would hide the row count from the planner (hits are deduplicated anyway).
    `with targets as (select t.id from unnest($1::bigint[]) as t(id)),
     roots as (
       select t.id as target_id, t.id as root_id from targets t
        where $4::text = 'then' and $2::date <= $3::date
       union all
       select l.successor_id, l.predecessor_id from targets t join unit_lineage_closure l on l.successor_id = t.id
        where $4::text = 'now'
     ),
     places as (
       select r.target_id, c.descendant_id, c.valid_from, c.valid_to
         from roots r
         join unit_closure c on c.ancestor_id = r.root_id and c.valid_from <= $3::date and $2::date < c.valid_to
     ),
     facts as (${facts}),
     hits as (
       select distinct p.target_id, f.fact_id, f.value, f.dim
         from places p
         join facts f on f.unit_id = p.descendant_id and f.fact_date >= p.valid_from and f.fact_date < p.valid_to
     )
     select target_id as unit_id, dim, sum(value)::float8 as value from hits group by target_id, dim`,
    [opts.unitIds, opts.from, opts.to, opts.view],
  );
  const out = new Map<number, MetricRow>(opts.unitIds.map((id) => [id, { unitId: id, value: 0, byDim: {} }]));
  for (const r of rows) {
    const row = out.get(r.unit_id)!;
    row.value += r.value;
    if (r.dim !== null) row.byDim[r.dim] = (row.byDim[r.dim] ?? 0) + r.value;
  }
  return out;
}
