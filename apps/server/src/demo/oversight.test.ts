// The oversight demo: Part One's oversight figures for the city 2019–2024 come out of the term report's
// figures exactly, and targets 10, 11 and 14 are measured for the city (2024) and Phường Bắc Giang (2026).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { demoDb } from '../test/db';
import { computeMetric, getMetric } from '../platform/metrics';
import { DEMO_OVERSIGHT_FIGURES as F } from './oversight';
import { FIGURES } from '../modules/reports/coverage';
import { computeFigures } from '../modules/reports/compute';
import { checkFigures } from '../modules/reports/checks';
import { formatFigure } from '../modules/reports/format';
import { evaluateTargets } from '../modules/targets/compute';
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

describe('oversight demo', () => {
  it("states the seed's oversight figures in the term report of the city, 2019–2024", async () => {
    const city = await unitAt('213', 'district', '2024-06-01');
    const figs = FIGURES.filter((f) => f.section === 's1_3');
    const values = await computeFigures(db, figs, { unitId: city, childIds: [], period: { from: '2019-01-01', to: '2024-12-31' } });
    const shown = (id: string) => formatFigure(values.get(id)!.value, FIGURES.find((f) => f.id === id)!.uom);
    // As the seed prints them.
    const SEED: Record<string, string> = {
      'pb.conferences': '320',
      'pb.drafts': '415',
      'pb.opinions': '1.845',
      'pb.opinions_officials': '8.595',
      'el.inspection_boards': '16',
      'el.inspection_members': '172',
      'sup.direct': '118',
      'sup.coordinated': '303',
      'sup.criticism': '46',
      'sup.ttnd': '1.114',
      'sup.gsdtccd': '325',
      'sup.violations': '87',
      'cit.mediation_teams': '151',
      'cit.mediation_rate': '92,3%',
    };
    expect(Object.fromEntries(Object.keys(SEED).map((id) => [id, shown(id)]))).toEqual(SEED);
    // The seed's text says 1,539 supervisions by the two boards; the records add up to 1,114 + 325.
    expect(shown('sup.people_boards')).toBe('1.439');
    expect(checkFigures(figs, values)).toEqual([]);
    expect(values.get('cit.mediation_closed')!.value).toBe(F.mediationClosed);
  });

  it('measures targets 10, 11 and 14 for the city in 2024 and Phường Bắc Giang in 2026', async () => {
    const city = await unitAt('213', 'district', '2024-06-01');
    const bg = await unitAt('07210', 'commune', '2025-07-01');
    for (const [unit, year] of [
      [city, 2024],
      [bg, 2026],
    ] as const) {
      const t = (await evaluateTargets(db, { unitIds: [unit], year, view: 'now' })).get(unit)!;
      for (const n of [10, 11, 14]) {
        const target = t.targets.find((x) => x.number === n)!;
        expect(target.measures.length, `${unit} ${year} target ${n}`).toBeGreaterThan(0);
        for (const m of target.measures) expect(m.status, `${year} ${m.code} ${m.reason}`).not.toBe('not_measured');
      }
      // The demo keeps its own targets: topics in range, mediation above 85%, every board good or better and funded.
      expect(t.targets.find((x) => x.number === 10)!.status).toBe('met');
      expect(t.targets.find((x) => x.number === 14)!.status).toBe('met');
    }
  });

  it('keeps the new wards living: recommendations overdue, mediation cases pending, parties sealed', async () => {
    const bg = await unitAt('07210', 'commune', '2025-07-01');
    const overdue = await computeMetric(db, getMetric('supervision.recommendations_overdue'), { unitIds: [bg], from: '2019-01-01', to: '2026-12-31', view: 'now' });
    expect(overdue.get(bg)!.value).toBeGreaterThan(0);
    const [c] = await db.query<{ n: number; leaks: number }>(
      `select count(*)::int as n, count(*) filter (where parties_masked ~ '[[:alpha:]]{3,} [[:alpha:]]{3,}')::int as leaks from mediation_cases`,
    );
    expect(c.n).toBeGreaterThan(F.mediationClosed);
    expect(c.leaks).toBe(0);
    // The 2026 plan of Phường Bắc Giang: every topic carried out by a supervision or criticism linked to it.
    const topics = await db.query<{ kind: string; activity: number | null }>(
      `select t.kind, (select min(a.id) from oversight_activities a where a.topic_id = t.id) as activity
         from oversight_plan_topics t join oversight_plans p on p.id = t.plan_id where p.unit_id = $1 and p.year = 2026`,
      [bg],
    );
    expect(topics.map((x) => x.kind).sort()).toEqual(['criticism', 'supervision']);
    expect(topics.every((x) => x.activity !== null)).toBe(true);
  });
});
