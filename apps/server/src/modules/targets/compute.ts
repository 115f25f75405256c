import type { MetricView } from '@contract/metrics';
import type { Congress, MetricRef, TargetDef, TargetProgress } from '@contract/targets';
import type { UnitLevel } from '@contract/units';
import type { Db } from '../../db/db';
import { computeMetric, getMetric, listMetrics, type MetricRow } from '../../platform/metrics';
import { evaluateTarget, metricKeysOf, type FactSource, type Period, type SubUnit, type UnitOfMeasure } from './engine';
import { congressesFor, targetsOf, unitsBelow, unitsInYear, type YearUnit } from './queries';

export type UnitTargets = { unit: YearUnit; congress: Congress | null; targets: TargetProgress[] };
export type EvaluateOptions = { unitIds: number[]; year: number; view?: MetricView };

export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * Every target in force for each unit in a year, judged from the metrics: the congress over each unit,
 * then each needed metric computed once for all units together (one query per metric and year, never a
 * query per unit), then the pure engine. This is the function reports call for target progress.
 */
export async function evaluateTargets(db: Db, opts: EvaluateOptions): Promise<Map<number, UnitTargets>> {
  const view = opts.view ?? 'now';
  const units = await unitsInYear(db, [...new Set(opts.unitIds)], opts.year);
  const live = [...units.values()].filter((u): u is YearUnit & { ref: string } => u.ref !== null);
  const congresses = await congressesFor(db, live);
  const defs = await targetsOf(db, [...new Set([...congresses.values()].map((k) => k.id))]);
  const defsOf = new Map<number, TargetDef[]>();
  for (const d of defs) defsOf.set(d.congressId, [...(defsOf.get(d.congressId) ?? []), d]);

  // What to compute: the measures that apply at each unit's level, and the units below for `each` rules.
  // The previous year only where it is shown (each target's first measure: the trend) or judged (no_decrease).
  const registered = new Map(listMetrics().map((m) => [m.key, m]));
  const needs: Record<Period, Map<string, Set<number>>> = { current: new Map(), previous: new Map() };
  const need = (key: string, id: number, withPrevious: boolean) => {
    if (!registered.has(key)) return;
    for (const p of withPrevious ? (['current', 'previous'] as const) : (['current'] as const)) {
      (needs[p].get(key) ?? needs[p].set(key, new Set()).get(key)!).add(id);
    }
  };
  const eachLevels = new Map<UnitLevel, Array<YearUnit & { ref: string }>>();
  // A measure with any metric not registered is "not yet measured": its other metrics need no query.
  const applicable = (d: TargetDef, level: UnitLevel) => d.measures.filter((x) => x.levels.includes(level) && metricKeysOf(x.quantity).every((k) => registered.has(k)));
  const wantsPrevious = (d: TargetDef, level: UnitLevel, m: TargetDef['measures'][number]) => d.measures.find((x) => x.levels.includes(level)) === m || m.rule.op === 'no_decrease';
  for (const u of live) {
    const k = congresses.get(u.id);
    for (const d of (k && defsOf.get(k.id)) ?? []) {
      for (const m of applicable(d, u.level)) {
        if (m.each) eachLevels.set(m.each, [...(eachLevels.get(m.each) ?? []), u]);
        else for (const key of metricKeysOf(m.quantity)) need(key, u.id, wantsPrevious(d, u.level, m));
      }
    }
  }
  const below = new Map<string, SubUnit[]>();
  for (const [level, list] of eachLevels) {
    const found = await unitsBelow(db, uniqueById(list), level);
    for (const [id, subs] of found) below.set(`${id}:${level}`, subs);
  }
  for (const u of live) {
    const k = congresses.get(u.id);
    for (const d of (k && defsOf.get(k.id)) ?? []) {
      for (const m of applicable(d, u.level).filter((x) => x.each)) {
        const prev = wantsPrevious(d, u.level, m);
        for (const s of below.get(`${u.id}:${m.each}`) ?? []) for (const key of metricKeysOf(m.quantity)) need(key, s.id, prev);
      }
    }
  }

  const values = await computeAll(db, needs, opts.year, view);
  const src: FactSource = {
    has: (key) => registered.has(key),
    value: (ref: MetricRef, unitId: number, period: Period) => {
      const row = values.get(`${ref.metric}:${period}`)?.get(unitId);
      return row ? valueOf(row, ref.dims) : null;
    },
    unitOfMeasure: (key) => (registered.get(key)?.unitOfMeasure ?? 'count') as UnitOfMeasure,
    unitsBelow: (unitId, level) => below.get(`${unitId}:${level}`) ?? [],
  };

  const out = new Map<number, UnitTargets>();
  for (const u of units.values()) {
    const congress = (u.ref !== null && congresses.get(u.id)) || null;
    const targets = (congress ? (defsOf.get(congress.id) ?? []) : []).map((d) => evaluateTarget(d, u.level, src, u.id));
    out.set(u.id, { unit: u, congress, targets });
  }
  return out;
}

const uniqueById = <T extends { id: number }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];

function valueOf(row: MetricRow, dims: string[] | undefined): number {
  if (!dims) return row.value;
  return dims.reduce((sum, d) => sum + (row.byDim[d] ?? 0), 0);
}

// Metric queries in flight at once on the server (the pool's connections, both cores); PGlite runs
// one query at a time anyway.
const CONCURRENCY = 3;

/** One query per metric and year (current, and previous where needed) for all the units that need it. */
async function computeAll(db: Db, needs: Record<Period, Map<string, Set<number>>>, year: number, view: MetricView) {
  const out = new Map<string, Map<number, MetricRow>>();
  const jobs = (['current', 'previous'] as const).flatMap((period) =>
    [...needs[period]].map(([key, ids]) => async () => {
      const y = period === 'current' ? year : year - 1;
      out.set(`${key}:${period}`, await computeMetric(db, getMetric(key), { unitIds: [...ids], ...yearBounds(y), view }));
    }),
  );
  const workers = Array.from({ length: Math.min(db.kind === 'pglite' ? 1 : CONCURRENCY, jobs.length) }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job();
  });
  await Promise.all(workers);
  return out;
}
