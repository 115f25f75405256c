import { describe, expect, it } from 'vitest';
import '../metrics-index';
import { listMetrics } from '../../platform/metrics';
import { FIGURES, FIGURE_BY_ID, SECTIONS, isCovered } from './coverage';
import { AWAITING_MERGE, SEED_EXPECTED, agrees } from './seed-expected';

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
    // A figure no metric computes is never covered, whatever is registered.
    expect(isCovered(FIGURE_BY_ID.get('ntm.land_donated')!, () => true)).toBe(false);
  });

  it("every figure of Part One has the seed's value and sentence in the expectations table, and only those", () => {
    const partOne = FIGURES.filter((f) => !f.extra).map((f) => f.id);
    const table = new Set(SEED_EXPECTED.map((x) => x.id));
    expect(table.size).toBe(SEED_EXPECTED.length);
    expect(
      partOne.filter((id) => !table.has(id)),
      "figures without the seed's value",
    ).toEqual([]);
    expect([...table].filter((id) => !partOne.includes(id)).sort(), 'expectations without a figure').toEqual(AWAITING_MERGE.filter((id) => !partOne.includes(id)).sort());
    expect(partOne.length + AWAITING_MERGE.filter((id) => !partOne.includes(id)).length).toBeGreaterThanOrEqual(160);
    for (const x of SEED_EXPECTED) expect(x.sentence.length, x.id).toBeGreaterThan(10);
  });

  it('reads "trên", "gần" and ranges as the seed means them', () => {
    const at = (id: string) => SEED_EXPECTED.find((x) => x.id === id)!;
    expect(agrees(at('grat.fund'), 2_236_500_000)).toBe(true);
    expect(agrees(at('grat.fund'), 2_200_000_000)).toBe(false);
    expect(agrees(at('relief.floods_transferred'), 7_012_350_000)).toBe(true);
    expect(agrees(at('relief.floods_transferred'), 7_500_000_000)).toBe(false);
    expect(agrees(at('ntm.cultural_family_rate'), 94.6)).toBe(true);
    expect(agrees(at('ntm.cultural_family_rate'), 96)).toBe(false);
    expect(agrees(at('poor.rate_last'), 0.34)).toBe(false);
  });
});
