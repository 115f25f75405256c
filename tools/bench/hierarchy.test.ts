import { describe, expect, it } from 'vitest';
import { buildWorld, REFORM, START } from './hierarchy';
import { summarize } from './stats';

// The benchmark is only as good as its world: these check it is whole and consistent without a database.
describe('the benchmark world', () => {
  const w = buildWorld(5000);
  const units = new Map(w.units.map((u) => [u[0], u]));

  it('has the real 34 provinces and 3,321 communes from 2025-07-01, with their codes, and the requested villages', () => {
    expect(w.provinces).toHaveLength(34);
    expect(w.communes).toHaveLength(3321);
    expect(w.counts.villages).toBe(5000);
    expect(new Set(w.communes.map((c) => c.code)).size).toBe(3321);
    const bacGiang = w.communes.find((c) => c.code === '07210')!;
    expect(units.get(bacGiang.id)![5]).toBe(REFORM);
    // Phường Bắc Giang: the seven wards of the seed and two communes merged into it, as in the data.
    const name = new Map(w.versions.map((v) => [v[0], v[1]]));
    const preds = w.lineage
      .filter((l) => l[1] === bacGiang.id)
      .map((l) => name.get(l[0]))
      .sort();
    expect(preds).toEqual(
      [
        'Phường Dĩnh Kế',
        'Phường Dĩnh Trì',
        'Phường Hoàng Văn Thụ',
        'Phường Ngô Quyền',
        'Phường Thọ Xương',
        'Phường Trần Phú',
        'Phường Xương Giang',
        'Xã Nham Sơn',
        'Xã Thắng Cương',
      ].sort(),
    );
  });

  it('gives every unit versions that tile its validity, under a parent valid over each version', () => {
    const versions = new Map<number, typeof w.versions>();
    for (const v of w.versions) versions.set(v[0], [...(versions.get(v[0]) ?? []), v]);
    for (const u of w.units) {
      const vs = versions.get(u[0])!.sort((a, b) => a[4].localeCompare(b[4]));
      expect(vs[0][4]).toBe(u[5]);
      expect(vs[vs.length - 1][5]).toBe(u[6]);
      for (let i = 1; i < vs.length; i++) expect(vs[i][4]).toBe(vs[i - 1][5]);
      for (const v of vs) {
        if (v[3] === null) {
          expect(u[2]).toBe('province');
          continue;
        }
        const p = units.get(v[3])!;
        expect(p[5] <= v[4] && v[5] <= p[6], `parent of ${u[1]} over ${v[4]}–${v[5]}`).toBe(true);
      }
    }
  });

  it('links only units that end on the reform day to units that begin that day', () => {
    expect(w.lineage.length).toBeGreaterThan(10_000);
    for (const [pred, succ, date] of w.lineage) {
      expect(date).toBe(REFORM);
      expect(units.get(pred)![6]).toBe(REFORM);
      expect(units.get(succ)![5]).toBe(REFORM);
    }
    expect(w.units.filter((u) => u[5] === START && u[6] === 'infinity').length).toBeGreaterThan(0);
  });

  it('is the same world on every run', () => {
    const again = buildWorld(5000);
    expect(again.versions).toEqual(w.versions);
    expect(again.lineage).toEqual(w.lineage);
  });
});

describe('summarize', () => {
  it('takes nearest-rank percentiles', () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => 100 - i));
    expect([s.n, s.p50, s.p95, s.min, s.max, s.mean]).toEqual([100, 50, 95, 1, 100, 50.5]);
  });
});
