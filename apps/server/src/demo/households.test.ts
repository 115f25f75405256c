// The demo's households on a database of their own reproduce the seed's Part One figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { isolatedDb } from '../test/db';
import { computeMetric, getMetric } from '../platform/metrics';
import { importBacGiangHistory, importReform2025 } from '../modules/units/import';
import { coverage, duplicateReport, listHouseholds } from '../modules/households/queries';
import { getSummary } from '../modules/households/service';
import { publicHouses } from '../modules/households/public';
import { seedDemoVillages } from './villages';
import { DEMO_HOUSEHOLD_TOTALS, DEMO_POOR, PART_ONE, PART_ONE_FIGURES, seedDemoHouseholds } from './households';
import '../modules/metrics-index';

let db: RootDb;
let city: number;
let seedMs = 0;
beforeAll(async () => {
  db = await isolatedDb();
  await db.tx(async (tx) => {
    await importBacGiangHistory(tx, null);
    await importReform2025(tx, null, { provinceCodes: ['24'] });
    await seedDemoVillages(tx);
    const t0 = performance.now();
    await seedDemoHouseholds(tx);
    seedMs = performance.now() - t0;
  });
  [{ id: city }] = await db.query<{ id: number }>(`select id from units where code = '213' and level = 'district'`);
});
afterAll(() => db?.close());

const metric = async (key: string, unit: number, from: string, to: string, view: 'now' | 'then' = 'then') =>
  (await computeMetric(db, getMetric(key), { unitIds: [unit], from, to, view })).get(unit)!;

describe('demo households', () => {
  it('loads quickly (≈1.2 s on PGlite on a quiet machine; the bound allows a loaded one)', () => {
    expect(seedMs).toBeLessThan(30_000);
  });

  it('poverty rate 0.6% in 2019, 0.39% in 2023, 84 households fewer', async () => {
    const year = async (y: number) => {
      const total = (await metric('households.total', city, `${y}-01-01`, `${y}-12-31`)).value;
      const poor = (await metric('households.poor', city, `${y}-01-01`, `${y}-12-31`)).value;
      return { total, poor, rate: Math.round((poor / total) * 10000) / 100 };
    };
    const y2019 = await year(2019);
    const y2023 = await year(2023);
    expect(y2019).toEqual({ total: DEMO_HOUSEHOLD_TOTALS[2019], poor: DEMO_POOR[2019], rate: 0.6 });
    expect(y2023.rate).toBe(0.39);
    expect(y2019.poor - y2023.poor).toBe(84);
    const admin = { id: 0, username: 'admin', displayName: 'admin', role: 'admin' as const, unitId: null, unitValidTo: null };
    const s = await getSummary({ db, user: admin }, { unit: city, year: 2019 });
    expect([s.households, s.poor, s.povertyRate]).toEqual([40_000, 240, 0.6]);
  });

  it('the public side shows handed-over houses with a masked name and the village only', async () => {
    const houses = await publicHouses({ db }, { unit: city });
    expect(houses.length).toBeGreaterThan(100);
    for (const h of houses) {
      expect(Object.keys(h).sort()).toEqual(['build', 'handedOverOn', 'name', 'villageName', 'year']);
      expect(h.name).toMatch(/^\S+( \S\.)+$/u);
    }
  });

  it("Part One's support figures: 140 houses worth 18 billion; production, medical, schooling", async () => {
    const acts = await metric('households.support_acts', city, PART_ONE.from, PART_ONE.to);
    const value = await metric('households.support_value', city, PART_ONE.from, PART_ONE.to);
    const houses = await metric('households.houses', city, PART_ONE.from, PART_ONE.to);
    expect(houses.value).toBe(PART_ONE_FIGURES.houses.count);
    expect(value.byDim.house).toBe(18_000_000_000);
    expect([acts.byDim.production, value.byDim.production]).toEqual([217, 323_334_000]);
    expect([acts.byDim.medical, value.byDim.medical]).toEqual([445, 278_234_000]);
    expect([acts.byDim.schooling, value.byDim.schooling]).toEqual([736, 275_032_000]);
    const [{ n }] = await db.query<{ n: number }>(
      `select count(distinct household_id)::int as n from household_supports where kind = 'production' and support_date between $1 and $2`,
      [PART_ONE.from, PART_ONE.to],
    );
    expect(n).toBe(217);
  });

  it('every poor and near-poor household got its Tết gift until 2025; 2026 has gaps in the new wards', async () => {
    for (const y of [2019, 2023, 2025]) {
      const due = (await metric('households.tet_due', city, `${y}-01-01`, `${y}-12-31`)).value;
      expect(due).toBeGreaterThan(0);
      expect((await metric('households.tet_reached', city, `${y}-01-01`, `${y}-12-31`)).value).toBe(due);
    }
    const [pbg] = await db.query<{ id: number }>(`select id from units where code = '07210' and level = 'commune' and valid_from = '2025-07-01'`);
    const tet = await coverage(db, 'all', pbg.id, 2026, 'tet', null);
    expect(tet.missing.length).toBeGreaterThan(0);
    expect(tet.total - tet.reached).toBe(tet.missing.length);
    const house = await coverage(db, 'all', pbg.id, 2026, 'house', null);
    expect(house.total).toBeGreaterThan(house.reached);
  });

  it("households of old Trần Phú's groups are in Phường Bắc Giang's registry, not in Đa Mai's", async () => {
    const [pbg] = await db.query<{ id: number }>(`select id from units where code = '07210' and level = 'commune' and valid_from = '2025-07-01'`);
    const [dm] = await db.query<{ id: number }>(`select id from units where code = '07228' and level = 'commune' and valid_from = '2025-07-01'`);
    const tranPhu = new Set((await db.query<{ id: number }>(`select h.id from households h join units u on u.id = h.unit_id where u.code like '07213.%'`)).map((r) => r.id));
    expect(tranPhu.size).toBeGreaterThan(0);
    for (const year of [2023, 2026]) {
      const bg = await listHouseholds(db, 'all', { unit: pbg.id, year, limit: 5000 });
      const damai = await listHouseholds(db, 'all', { unit: dm.id, year, limit: 5000 });
      expect(bg.filter((h) => tranPhu.has(h.id)).length).toBe(tranPhu.size);
      expect(damai.filter((h) => tranPhu.has(h.id))).toEqual([]);
      expect(damai.length).toBeGreaterThan(0);
    }
  });

  it('the duplicate report of Phường Bắc Giang finds the man registered in two groups of old Trần Phú', async () => {
    const [pbg] = await db.query<{ id: number }>(`select id from units where code = '07210' and level = 'commune' and valid_from = '2025-07-01'`);
    const groups = await duplicateReport(db, 'all', pbg.id, '2026-06-01');
    const an = groups.find((g) => g.name === 'Nguyễn Văn An' && g.birthYear === 1962);
    expect(an?.households.map((h) => h.villageName).sort()).toEqual(['Tổ dân phố Trần Phú 2', 'Tổ dân phố Trần Phú 5']);
  });
});
