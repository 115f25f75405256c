import type { targetEndpoints } from '@contract/endpoints/targets';
import type { Sample, SampleCtx } from '../../test/matrix';
import { STANDARD_TARGETS_2024 } from './standard-targets';

/** One valid request per targets endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

let n = 0;
const back = (date: string, days: number) => new Date(Date.parse(date) - days * 86400_000).toISOString().slice(0, 10);
const year = (c: SampleCtx) => Number(c.date.slice(0, 4));
/** A one-day term of its own before the date: congresses of a unit may not overlap. */
const term = (c: SampleCtx) => {
  const k = 2 + n++;
  return { validFrom: back(c.date, k), validTo: back(c.date, k - 1) };
};

async function congressAt(c: SampleCtx): Promise<number> {
  const t = term(c);
  const [{ id }] = await c.db.query<{ id: number }>(
    `insert into target_congresses (unit_id, term_label, name, valid_from, valid_to) values ($1, '2025–2030', 'Đại hội mẫu', $2, $3) returning id`,
    [c.unit, t.validFrom, t.validTo],
  );
  return id;
}

async function targetAt(c: SampleCtx): Promise<number> {
  const congressId = await congressAt(c);
  const t = STANDARD_TARGETS_2024[0];
  const [{ id }] = await c.db.query<{ id: number }>(`insert into target_defs (congress_id, number, title_vi, title_en, measures) values ($1, $2, $3, $4, $5::jsonb) returning id`, [
    congressId,
    t.number,
    t.title.vi,
    t.title.en,
    JSON.stringify(t.measures),
  ]);
  return id;
}

export const targetSamples: { [K in keyof typeof targetEndpoints]: Sample } = {
  'GET /api/targets': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  'GET /api/targets/years': (c) => ({ query: { unit: c.unit, from: year(c) - 1, to: year(c) } }),
  'GET /api/targets/map': (c) => ({ query: { unit: c.unit, year: year(c), target: 1 } }),
  'GET /api/targets/map/shapes': () => ({}),
  // A unit without a congress judges no target: the permitted call answers TARGET_NOT_FOUND (404).
  'GET /api/targets/:number/units': (c) => ({ params: { number: 1 }, query: { unit: c.unit, year: year(c) }, ok: [404] }),
  // Without `unit`, an administrator (who has no unit of their own) must name one (400), as before the table.
  'GET /api/target-congresses': (c) => ({ query: { unit: c.unit }, ok: c.role === 'admin' ? [400] : [] }),
  'GET /api/target-congresses/:id': async (c) => ({ params: { id: await congressAt(c) } }),
  'POST /api/target-congresses': (c) => ({ body: { unitId: c.unit, termLabel: '2025–2030', name: `Đại hội ${++n}`, ...term(c) } }),
  'POST /api/target-congresses/:id/targets': async (c) => ({ params: { id: await congressAt(c) }, body: { ...STANDARD_TARGETS_2024[1] } }),
  'PATCH /api/target-defs/:id': async (c) => ({ params: { id: await targetAt(c) }, body: { title: { vi: 'Chỉ tiêu sửa', en: 'Edited target' } } }),
};
