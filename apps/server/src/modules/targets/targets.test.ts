// Targets judged from real metrics on makeWorld (city C with wards A, B, D until 2025-07-01; then S from
// A + B and T from D), through evaluateTargets and the HTTP routes, including the refused side.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TargetInput, TargetsResult, TargetUnitsResult } from '@contract/targets';
import type { Db } from '../../db/db';
import { defineMetrics, listMetrics } from '../../platform/metrics';
import { useWorldApp } from '../../test/app';
import { sessionAs } from '../../test/factories';
import { evaluateTargets } from './compute';

// Test-only metrics over a facts table of this file (keys no module will ever register).
const T = 'ttest_target_facts';
if (!listMetrics().some((m) => m.key === 'ttest.due')) {
  defineMetrics(
    ['due', 'done', 'festivals'].map((kind) => ({
      key: `ttest.${kind}`,
      module: 'ttest',
      label: { vi: kind, en: kind },
      unitOfMeasure: 'count' as const,
      facts: `select 'f:' || id as fact_id, unit_id, fact_date, value, null::text as dim from ${T} where kind = '${kind}' and fact_date between :from and :to`,
    })),
  );
}

const TARGETS: TargetInput[] = [
  {
    number: 1,
    title: { vi: 'Tỷ lệ hoàn thành', en: 'Done' },
    measures: [
      {
        code: '1',
        label: { vi: 'Tỷ lệ', en: 'Rate' },
        levels: ['district', 'commune', 'village'],
        quantity: { kind: 'ratio', numerator: { metric: 'ttest.done' }, denominator: { metric: 'ttest.due' } },
        rule: { op: 'gte', value: 100 },
      },
    ],
  },
  {
    number: 7,
    title: { vi: '100% thôn tổ chức Ngày hội', en: 'Every village holds the festival' },
    measures: [
      {
        code: '7a',
        label: { vi: 'Thôn', en: 'Villages' },
        levels: ['district', 'commune'],
        each: 'village',
        quantity: { kind: 'value', metric: { metric: 'ttest.festivals' } },
        rule: { op: 'gte', value: 1 },
      },
    ],
  },
  {
    number: 9,
    title: { vi: 'Chưa có phân hệ', en: 'No module' },
    measures: [
      {
        code: '9',
        label: { vi: 'Mô hình', en: 'Models' },
        levels: ['district', 'commune'],
        quantity: { kind: 'value', metric: { metric: 'ttest.never_registered' } },
        rule: { op: 'range', min: 5, max: 7 },
      },
      // Half registered: no query for the registered half either.
      {
        code: '9b',
        label: { vi: 'Tỷ lệ', en: 'Rate' },
        levels: ['district', 'commune'],
        quantity: { kind: 'ratio', numerator: { metric: 'ttest.never_registered' }, denominator: { metric: 'org.units_by_level' } },
        rule: { op: 'gte', value: 100 },
      },
    ],
  },
];

const t = useWorldApp();
let cityCongress = 0;

async function fact(db: Db, unitId: number, kind: string, date: string, value = 1) {
  await db.query(`insert into ${T} (unit_id, kind, fact_date, value) values ($1, $2, $3, $4)`, [unitId, kind, date, value]);
}
async function congress(db: Db, unitId: number, from: string, to: string, targets = TARGETS) {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into target_congresses (unit_id, term_label, name, valid_from, valid_to) values ($1, '2024–2029', 'Đại hội thử', $2, $3) returning id`,
    [unitId, from, to],
  );
  for (const x of targets) {
    await db.query('insert into target_defs (congress_id, number, title_vi, title_en, measures) values ($1, $2, $3, $4, $5::jsonb)', [
      id,
      x.number,
      x.title.vi,
      x.title.en,
      JSON.stringify(x.measures),
    ]);
  }
  return id;
}

beforeAll(async () => {
  const { db, w } = t;
  await db.exec(`create table if not exists ${T} (id bigint generated always as identity, unit_id bigint, kind text, fact_date date, value int)`);
  cityCongress = await congress(db, w.C, '2024-07-12', '2025-07-01');
  await congress(db, w.S, '2025-07-01', '2030-07-01');
  // 2024: A1 done 2 of 2, B1 done 1 of 2; festivals in A1 and D1, none in B1. 2023: everything done.
  await fact(db, w.A1, 'due', '2024-03-01', 2);
  await fact(db, w.A1, 'done', '2024-04-01', 2);
  await fact(db, w.B1, 'due', '2024-03-01', 2);
  await fact(db, w.B1, 'done', '2024-04-01', 1);
  await fact(db, w.A1, 'festivals', '2024-11-18');
  await fact(db, w.D1, 'festivals', '2024-11-18');
  await fact(db, w.A1, 'due', '2023-03-01', 1);
  await fact(db, w.A1, 'done', '2023-03-01', 1);
  // 2026 in S: B1 (now in S) done 1 of 1; both villages hold the festival.
  await fact(db, w.B1, 'due', '2026-03-01');
  await fact(db, w.B1, 'done', '2026-03-02');
  await fact(db, w.A1, 'festivals', '2026-11-18');
  await fact(db, w.B1, 'festivals', '2026-11-18');
});

const status = (r: { targets: Array<{ number: number; status: string }> }, n: number) => r.targets.find((x) => x.number === n)?.status;

describe('evaluateTargets', () => {
  it('judges the city, its wards and villages in one batch, one query per metric and year', async () => {
    const { db, w } = t;
    let metricQueries = 0;
    const counting: Db = {
      ...db,
      query: (sql, params) => {
        if (sql.includes('with targets as')) metricQueries++;
        return db.query(sql, params);
      },
    };
    const r = await evaluateTargets(counting, { unitIds: [w.C, w.A, w.B, w.D, w.A1, w.B1, w.D1], year: 2024 });
    // ttest.due, ttest.done, ttest.festivals × (2024, 2023); target 9 (nothing registered, or only half) costs nothing.
    expect(metricQueries).toBe(6);
    const city = r.get(w.C)!;
    expect(city.congress?.id).toBe(cityCongress);
    expect(city.targets.map((x) => [x.number, x.status, x.value])).toEqual([
      [1, 'not_met', 75],
      [7, 'not_met', (2 * 100) / 3],
      [9, 'not_measured', null],
    ]);
    expect(city.targets[0]).toMatchObject({ previousValue: 100, trend: 'down', metricKeys: ['ttest.done', 'ttest.due'] });
    expect(city.targets[1].measures[0].missing).toEqual([{ unitId: w.B1, unitName: 'Tổ dân phố Ngô Quyền 1' }]);
    expect(city.targets[2].reason).toBe('metric_missing');
    expect(status(r.get(w.A)!, 1)).toBe('met');
    expect(status(r.get(w.B)!, 1)).toBe('not_met');
    expect(status(r.get(w.B)!, 7)).toBe('not_met');
    expect(status(r.get(w.D)!, 7)).toBe('met');
    expect(status(r.get(w.D)!, 1)).toBe('not_measured'); // nothing due in D: no verdict, not a vacuous 100%
    expect(r.get(w.A1)!.targets.map((x) => x.number)).toEqual([1, 7, 9]); // congress inherited from the city
    expect(status(r.get(w.A1)!, 7)).toBe('not_applicable'); // 7a judges wards and the city, not villages
  });

  it('takes the congress in force: the city until it ends, the new ward after; none before any congress', async () => {
    const { db, w } = t;
    const r2026 = await evaluateTargets(db, { unitIds: [w.S, w.B1, w.T, w.C], year: 2026 });
    expect(status(r2026.get(w.S)!, 1)).toBe('met');
    expect(status(r2026.get(w.S)!, 7)).toBe('met');
    expect(r2026.get(w.B1)!.congress?.unitId).toBe(w.S);
    expect(r2026.get(w.T)!.targets).toEqual([]); // T has no congress and no ancestor with one in 2026
    expect(r2026.get(w.C)!.unit.ref).toBeNull(); // the city no longer exists
    const r2023 = await evaluateTargets(db, { unitIds: [w.C], year: 2023 });
    expect(r2023.get(w.C)!.congress).toBeNull();
  });
});

describe('GET /api/targets', () => {
  it("gives the city's targets of 2024 with its wards' results, and the units that miss a target", async () => {
    const { app, w, db } = t;
    const s = await sessionAs(db, 'standing_committee', w.C);
    const res = await app.inject({ url: `/api/targets?unit=${w.C}&year=2024`, headers: s.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<TargetsResult>();
    expect(body.congress?.termLabel).toBe('2024–2029');
    expect(body.targets.map((x) => [x.number, x.status])).toEqual([
      [1, 'not_met'],
      [7, 'not_met'],
      [9, 'not_measured'],
    ]);
    expect(body.targets[0].children).toEqual({ met: 1, exceeded: 0, notMet: 1, notMeasured: 1, notApplicable: 0 });
    expect(body.children.map((c) => c.unit.id).sort()).toEqual([w.A, w.B, w.D].sort());
    expect(body.canManage).toBe(true);

    const miss = await app.inject({ url: `/api/targets/1/units?unit=${w.C}&year=2024&scope=all`, headers: s.headers });
    const units = miss.json<TargetUnitsResult>().units;
    expect(
      units
        .filter((u) => u.status === 'not_met')
        .map((u) => u.unit.id)
        .sort(),
    ).toEqual([w.B, w.B1].sort());
    expect(units[0].status).toBe('not_met');
  });

  it('shows a province without its own congress the targets its wards are judged on', async () => {
    const { app, w, db } = t;
    const s = await sessionAs(db, 'leadership', w.P);
    const body = (await app.inject({ url: `/api/targets?unit=${w.P}&year=2026`, headers: s.headers })).json<TargetsResult>();
    expect(body).toMatchObject({ congress: null, unitExisted: true });
    expect(body.targets.map((x) => [x.number, x.status])).toEqual([
      [1, 'not_applicable'],
      [7, 'not_applicable'],
      [9, 'not_applicable'],
    ]);
    const before = (await app.inject({ url: `/api/targets?unit=${w.S}&year=2024`, headers: s.headers })).json<TargetsResult>();
    expect(before).toMatchObject({ unitExisted: false, targets: [], children: [] });
    expect(body.targets[0].children).toMatchObject({ met: 1, notApplicable: 1 }); // S met, T has no targets
    expect(body.canManage).toBe(false);
  });

  it('refuses another ward and bad input with stable codes', async () => {
    const { app, w, db } = t;
    const s = await sessionAs(db, 'unit_staff', w.S);
    const other = await app.inject({ url: `/api/targets?unit=${w.T}&year=2026`, headers: s.headers });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await app.inject({ url: `/api/targets/1/units?unit=${w.T}&year=2026`, headers: s.headers })).json().error.code).toBe('OUT_OF_SCOPE');
    // S reaches its predecessors' past (A), not its sibling's.
    expect((await app.inject({ url: `/api/targets?unit=${w.A}&year=2024`, headers: s.headers })).statusCode).toBe(200);
    const bad = await app.inject({ url: `/api/targets?unit=${w.S}&year=20266`, headers: s.headers });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', message: 'Dữ liệu không hợp lệ' });
    expect((await app.inject({ url: `/api/targets?unit=${w.S}&year=2026` })).statusCode).toBe(401);
  });

  it('gives years for the chart and communes for the map', async () => {
    const { app, w, db } = t;
    const s = await sessionAs(db, 'standing_committee', w.C);
    const years = (await app.inject({ url: `/api/targets/years?unit=${w.A}&from=2023&to=2025`, headers: s.headers })).json();
    expect(years.years.map((y: { year: number; targets: unknown[] }) => [y.year, y.targets.length])).toEqual([
      [2023, 0],
      [2024, 3],
      [2025, 3],
    ]);
    // The old wards of 2024 appear on the shapes of their successors: A + B on S, D on T.
    type Shape = { unit: { id: number }; value: number | null; status: string | null; from: Array<{ id: number }> };
    const map = (await app.inject({ url: `/api/targets/map?unit=${w.C}&year=2024&metric=ttest.festivals`, headers: s.headers })).json<{ units: Shape[] }>();
    expect(map.units.map((u) => [u.unit.id, u.value, u.from.map((f) => f.id).sort()])).toEqual([
      [w.S, 1, [w.A, w.B].sort()],
      [w.T, 1, [w.D]],
    ]);
    const byTarget = (await app.inject({ url: `/api/targets/map?unit=${w.C}&year=2024&target=1`, headers: s.headers })).json<{ units: Shape[] }>();
    expect(byTarget.units.map((u) => [u.unit.id, u.status, u.value])).toEqual([
      [w.S, 'not_met', null],
      [w.T, 'not_measured', null],
    ]);
    const p = await sessionAs(db, 'standing_committee', w.P);
    const ward = (await app.inject({ url: `/api/targets/map?unit=${w.S}&year=2026&target=1`, headers: p.headers })).json<{ units: Shape[] }>();
    // The ended city's committee does not reach the new ward's own records.
    expect((await app.inject({ url: `/api/targets/map?unit=${w.S}&year=2026&target=1`, headers: s.headers })).statusCode).toBe(403);
    expect(ward.units.map((u) => [u.unit.id, u.status, u.value])).toEqual([[w.S, 'met', 100]]);
    const shapes = await app.inject({ url: '/api/targets/map/shapes', headers: s.headers });
    expect(shapes.json().features).toHaveLength(99);
    expect(shapes.json().features[0].properties.code).toMatch(/^\d{5}$/);
  });
});
