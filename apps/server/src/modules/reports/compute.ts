import type { Db } from '../../db/db';
import { computeMetric, listMetrics, getMetric } from '../../platform/metrics';
import type { Figure, FigurePeriod } from './coverage';
import { today } from '../../platform/access';

/** A figure's value for the report's unit and for each subordinate unit; null = not measured. */
export type FigureValue = { value: number | null; byUnit: Record<number, number | null> };
export type FigureValues = Map<string, FigureValue>;

export type Period = { from: string; to: string };

const CONCURRENCY = 4;

const yearOf = (y: number): Period => ({ from: `${y}-01-01`, to: `${y}-12-31` });

/** The slice of the report period a figure is measured over (see FigurePeriod); never outside the period. */
export function slicePeriod(p: Period, kind: FigurePeriod = 'period', todayIso = today()): Period {
  const fy = Number(p.from.slice(0, 4));
  const ty = Number(p.to.slice(0, 4));
  const clampYear = (y: number) => yearOf(Math.min(ty, Math.max(fy, y)));
  switch (kind) {
    case 'period':
      return p;
    case 'term':
      return { from: `${fy}-01-01`, to: `${ty}-12-31` };
    case 'to_date':
      return { from: p.from, to: todayIso < p.to && todayIso >= p.from ? todayIso : p.to };
    case 'first_year':
      return yearOf(fy);
    case 'last_year':
      return yearOf(ty);
    case 'first_full_year':
      return clampYear(p.from.slice(5) === '01-01' ? fy : fy + 1);
    case 'last_full_year':
      return clampYear(p.to.slice(5) === '12-31' ? ty : ty - 1);
    case 'year_before_congress':
      return clampYear(ty - 1);
    case 'until_year_before_congress':
      return ty - 1 < fy ? p : { from: p.from, to: `${ty - 1}-12-31` };
  }
}

/** How the document states a figure's slice: "" for the whole period, "năm 2019", "2019–2023", "đến ngày …". */
export function periodLabel(p: Period, kind: FigurePeriod = 'period', todayIso = today()): string {
  if (kind === 'period') return '';
  const s = slicePeriod(p, kind, todayIso);
  if (s.from === p.from && s.to === p.to) return '';
  if (kind === 'to_date') return `đến ngày ${s.to.slice(8)}/${s.to.slice(5, 7)}/${s.to.slice(0, 4)}`;
  const [a, b] = [s.from.slice(0, 4), s.to.slice(0, 4)];
  return a === b ? `năm ${a}` : `${a}–${b}`;
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
    if (!registered.has(fig.metric.key)) {
      out.set(fig.id, { value: null, byUnit: nulls() });
      continue;
    }
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
