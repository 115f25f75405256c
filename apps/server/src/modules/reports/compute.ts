import type { Db } from '../../db/db';
import { computeMetric, listMetrics, getMetric } from '../../platform/metrics';
import type { Figure, FigurePeriod } from './coverage';

/** A figure's value for the report's unit and for each subordinate unit; null = not measured. */
export type FigureValue = { value: number | null; byUnit: Record<number, number | null> };
export type FigureValues = Map<string, FigureValue>;

export type Period = { from: string; to: string };

const CONCURRENCY = 4;

/** The slice of the report period a figure is measured over (a whole calendar year for first/last). */
export function slicePeriod(p: Period, kind: FigurePeriod = 'period'): Period {
  if (kind === 'first_year') { const y = p.from.slice(0, 4); return { from: `${y}-01-01`, to: `${y}-12-31` }; }
  if (kind === 'last_year') { const y = p.to.slice(0, 4); return { from: `${y}-01-01`, to: `${y}-12-31` }; }
  return p;
}

export function registeredKeys(): Set<string> {
  return new Set(listMetrics().map((x) => x.key));
}

/**
 * Computes every figure for a unit and its subordinate units: one metric query per (metric, period
 * slice) for all units together, then rates and differences from those. Figures without a
 * registered metric stay null ("chưa có số liệu"), never zero.
 */
export async function computeFigures(
  db: Db,
  figures: Figure[],
  opts: { unitId: number; childIds: number[]; period: Period; onProgress?: (done: number, total: number) => Promise<void> },
): Promise<FigureValues> {
  const registered = registeredKeys();
  const unitIds = [opts.unitId, ...opts.childIds];
  const groups = new Map<string, { key: string; period: Period }>();
  for (const fig of figures) {
    if (!fig.metric || !registered.has(fig.metric.key)) continue;
    const period = slicePeriod(opts.period, fig.period);
    groups.set(`${fig.metric.key}|${period.from}|${period.to}`, { key: fig.metric.key, period });
  }
  const results = new Map<string, Awaited<ReturnType<typeof computeMetric>>>();
  let done = 0;
  // A few metric queries at once: the server runs them on separate connections (PGlite queues them).
  const queue = [...groups];
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [gk, g] = next;
      results.set(gk, await computeMetric(db, getMetric(g.key), { unitIds, from: g.period.from, to: g.period.to, view: 'now' }));
      done++;
      await opts.onProgress?.(done, groups.size);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));

  const out: FigureValues = new Map();
  const nulls = () => Object.fromEntries(unitIds.map((id) => [id, null])) as Record<number, number | null>;
  for (const fig of figures) {
    if (!fig.metric) continue;
    if (!registered.has(fig.metric.key)) { out.set(fig.id, { value: null, byUnit: nulls() }); continue; }
    const period = slicePeriod(opts.period, fig.period);
    const rows = results.get(`${fig.metric.key}|${period.from}|${period.to}`)!;
    const pick = (id: number) => {
      const r = rows.get(id)!;
      return fig.metric!.dim ? (r.byDim[fig.metric!.dim] ?? 0) : r.value;
    };
    out.set(fig.id, { value: pick(opts.unitId), byUnit: Object.fromEntries(unitIds.map((id) => [id, pick(id)])) });
  }
  deriveFigures(figures, out, unitIds);
  for (const fig of figures) if (!out.has(fig.id)) out.set(fig.id, { value: null, byUnit: nulls() });
  return out;
}

/** Rates and differences, from the figures they are computed from (which may come later in the list). */
export function deriveFigures(figures: Figure[], values: FigureValues, unitIds: number[]): void {
  const byId = new Map(figures.map((x) => [x.id, x]));
  const visit = (id: string): FigureValue | undefined => {
    if (values.has(id)) return values.get(id);
    const fig = byId.get(id);
    if (!fig || (!fig.rate && !fig.diff)) return undefined;
    const [a, b] = fig.rate ? [visit(fig.rate.num), visit(fig.rate.den)] : [visit(fig.diff!.a), visit(fig.diff!.b)];
    const calc = (x: number | null | undefined, y: number | null | undefined): number | null => {
      if (x == null || y == null) return null;
      if (fig.rate) return y === 0 ? null : (x / y) * 100;
      return x - y;
    };
    const v: FigureValue = { value: calc(a?.value, b?.value), byUnit: {} };
    for (const u of unitIds) v.byUnit[u] = calc(a?.byUnit[u], b?.byUnit[u]);
    values.set(id, v);
    return v;
  };
  for (const fig of figures) visit(fig.id);
}
