import { describe, expect, it } from 'vitest';
import '../metrics-index';
import { listMetrics } from '../../platform/metrics';
import { FIGURES, FIGURE_BY_ID, SECTIONS, isCovered } from './coverage';

describe('coverage table', () => {
  const metrics = new Map(listMetrics().map((m) => [m.key, m]));

  it('names only registered metrics, and only dimensions those metrics declare', () => {
    for (const f of FIGURES.filter((x) => x.metric)) {
      const m = metrics.get(f.metric!.key);
      expect(m, `${f.id} → ${f.metric!.key}`).toBeDefined();
      if (f.metric!.dim) expect(Object.keys(m!.dims ?? {}), `${f.id} → ${f.metric!.key}[${f.metric!.dim}]`).toContain(f.metric!.dim);
    }
  });

  it('every figure has a known section, and rates, differences and parts refer to figures that exist', () => {
    const sections = new Set(SECTIONS.map((s) => s.id));
    for (const f of FIGURES) {
      expect(sections.has(f.section), f.id).toBe(true);
      for (const ref of [f.rate?.num, f.rate?.den, f.diff?.a, f.diff?.b, ...(f.parts ?? [])].filter(Boolean)) {
        expect(FIGURE_BY_ID.has(ref!), `${f.id} → ${ref}`).toBe(true);
      }
      if (f.rate) expect(f.uom).toBe('percent');
    }
    expect(new Set(FIGURES.map((f) => f.id)).size).toBe(FIGURES.length);
  });

  it('a rate is covered only when both its counts are', () => {
    const registered = (k: string) => k === 'households.poor';
    expect(isCovered(FIGURE_BY_ID.get('poor.poor_first')!, registered)).toBe(true);
    expect(isCovered(FIGURE_BY_ID.get('poor.rate_first')!, registered)).toBe(false);
    expect(isCovered(FIGURE_BY_ID.get('el.turnout')!, () => true)).toBe(false);
  });
});
