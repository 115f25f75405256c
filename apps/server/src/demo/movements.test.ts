// The movements demo: Part One's figures of sections 1.1 and 1.2 for the city 2019 – mid-2024 come out
// of the term report's figures as the seed states them, and targets 1, 3, 6, 7, 8 and 9 are measured
// for the city (2024) and Phường Bắc Giang (2026).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { demoDb } from '../test/db';
import { DEMO_MOVEMENTS_TERM as TERM, DEMO_NOT_HELD_2026 } from './movements';
import { FIGURES, isCovered } from '../modules/reports/coverage';
import { SEED_EXPECTED, agrees } from '../modules/reports/seed-expected';
import { computeFigures, registeredKeys } from '../modules/reports/compute';
import { checkFigures } from '../modules/reports/checks';
import { formatFigure } from '../modules/reports/format';
import { evaluateTargets } from '../modules/targets/compute';
import { villagesNotHeld } from '../modules/movements/queries';
import '../modules/metrics-index';

let db: RootDb;
beforeAll(async () => {
  db = await demoDb();
}, 300_000);
afterAll(() => db.close());

const unitAt = async (code: string, level: string, on: string) => {
  const [u] = await db.query<{ id: number }>('select id from units where code = $1 and level = $2 and valid_from <= $3::date and $3::date < valid_to', [code, level, on]);
  return u.id;
};
const SECTIONS = ['s1_1', 's1_2_1', 's1_2_3', 's1_2_4', 's1_2_5'];

describe('movements demo', () => {
  it("states the seed's figures of sections 1.1 and 1.2 in the term report of the city, 2019 – mid-2024", async () => {
    const city = await unitAt('213', 'district', '2024-06-01');
    const figs = FIGURES.filter((f) => SECTIONS.includes(f.section));
    const values = await computeFigures(db, figs, { unitId: city, childIds: [], period: TERM });
    const keys = registeredKeys();
    const covered = figs.filter((f) => !f.extra && isCovered(f, (k) => keys.has(k)));
    expect(covered.length).toBeGreaterThan(75);
    const wrong = covered
      .map((f) => [f, SEED_EXPECTED.find((x) => x.id === f.id)!, values.get(f.id)?.value ?? null] as const)
      .filter(([, x, v]) => v === null || !agrees(x, Number(formatFigure(v, 'percent').replace('%', '').replaceAll('.', '').replace(',', '.'))))
      .map(([f, x, v]) => `${f.id}: ${v} — seed ${x.op} ${x.value}`);
    expect(wrong).toEqual([]);
    const shown = (id: string) => formatFigure(values.get(id)!.value, FIGURES.find((f) => f.id === id)!.uom);
    // As the seed prints them.
    expect(
      Object.fromEntries(
        [
          'prop.columns',
          'prop.online_reports',
          'prop.reporters',
          'rel.core_people',
          'rel.visits',
          'rel.gifts',
          'rel.gift_value',
          'rel.conferences',
          'rel.delegates',
          'rel.commended',
          'rel.flag_rate',
          'fest.villages_held',
          'fest.rate',
          'fest.collectives_commended',
          'fest.individuals_commended',
          'fest.civil_works',
          'ntm.village_conventions',
          'ntm.self_managed_models',
          'cr.models',
          'grat.houses_value',
          'env.waste_collection_units',
          'sec.opinions',
        ].map((id) => [id, shown(id)]),
      ),
    ).toEqual({
      'prop.columns': '36',
      'prop.online_reports': '34',
      'prop.reporters': '167',
      'rel.core_people': '93',
      'rel.visits': '175',
      'rel.gifts': '442',
      'rel.gift_value': '279.000.000 đồng',
      'rel.conferences': '5',
      'rel.delegates': '360',
      'rel.commended': '19',
      'rel.flag_rate': '100%',
      'fest.villages_held': '151',
      'fest.rate': '100%',
      'fest.collectives_commended': '1.435',
      'fest.individuals_commended': '9.124',
      'fest.civil_works': '325',
      'ntm.village_conventions': '151',
      'ntm.self_managed_models': '3.175',
      'cr.models': '250',
      'grat.houses_value': '2.355.000.000 đồng',
      'env.waste_collection_units': '16',
      'sec.opinions': '474',
    });
    // The parts add up (gifts 186 + 256, leaders 1 + 7 + 93 + 962).
    expect(checkFigures(figs, values)).toEqual([]);
  });

  it('measures targets 1, 3, 6, 7, 8 and 9 for the city in 2024 and Phường Bắc Giang in 2026', async () => {
    const city = await unitAt('213', 'district', '2024-06-01');
    const bg = await unitAt('07210', 'commune', '2025-07-01');
    for (const [unit, year] of [
      [city, 2024],
      [bg, 2026],
    ] as const) {
      const t = (await evaluateTargets(db, { unitIds: [unit], year, view: 'now' })).get(unit)!;
      for (const n of [1, 3, 6, 7, 8, 9]) {
        const target = t.targets.find((x) => x.number === n)!;
        expect(target.measures.length, `${year} target ${n}`).toBeGreaterThan(0);
        for (const m of target.measures) expect(m.status, `${year} ${m.code} ${m.reason}`).not.toBe('not_measured');
      }
      for (const n of [1, 6, 8]) expect(t.targets.find((x) => x.number === n)!.status, `${year} target ${n}`).not.toBe('not_met');
    }
  });

  it('lists the villages of Phường Bắc Giang that have not held the 2026 Solidarity Day, and none in 2024 for the city', async () => {
    const bg = await unitAt('07210', 'commune', '2025-07-01');
    const codes = async (ids: number[]) => (await db.query<{ code: string }>('select code from units where id = any($1::bigint[]) order by code', [ids])).map((x) => x.code);
    const y2026 = await villagesNotHeld(db, bg, 2026);
    expect(await codes(y2026.notHeld.map((v) => v.unitId))).toEqual(DEMO_NOT_HELD_2026);
    expect(y2026.villages).toBeGreaterThan(20);
    const city = await unitAt('213', 'district', '2024-06-01');
    expect((await villagesNotHeld(db, city, 2024)).notHeld).toEqual([]);
  });
});
