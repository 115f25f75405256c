import type { unitsEndpoints } from '@contract/endpoints/units';
import type { Sample, SampleCtx } from '../../test/matrix';
import { createUnit } from './service';
import { uniquePrefix } from './testing';

/** One valid request per units endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

/** A fresh unit created by the administrator (changes are administration: one target, any role refused but admin). */
async function freshUnit(c: SampleCtx, level: 'commune' | 'village'): Promise<number> {
  const p = uniquePrefix();
  const parentId = level === 'village' ? c.w.S : c.w.P;
  const kind = level === 'village' ? 'Tổ dân phố' : 'Phường';
  const r = await createUnit({ db: c.db, user: c.admin.user }, { code: p, level, kind, name: `${kind} Ma Trận ${p}`, parentId, validFrom: '2025-08-01' });
  return r.unitId;
}

export const unitsSamples: { [K in keyof typeof unitsEndpoints]: Sample } = {
  'GET /api/units': (c) => ({ query: { parent: c.unit } }),
  'GET /api/units/:id': (c) => ({ params: { id: c.unit }, query: { asOf: c.date } }),
  'GET /api/units/:id/subtree': (c) => ({ params: { id: c.unit }, query: { asOf: c.date } }),
  'GET /api/units/:id/lineage': (c) => ({ params: { id: c.unit }, query: { at: c.date } }),

  'POST /api/units': (c) => {
    const p = uniquePrefix();
    return { body: { code: p, level: 'village', kind: 'Thôn', name: `Thôn Ma Trận ${p}`, parentId: c.w.S, validFrom: c.date } };
  },
  'POST /api/units/:id/rename': async (c) => ({ params: { id: await freshUnit(c, 'village') }, body: { effectiveDate: c.date, name: 'Tổ dân phố Đổi Tên' } }),
  'POST /api/units/:id/move': async (c) => ({ params: { id: await freshUnit(c, 'village') }, body: { effectiveDate: c.date, parentId: c.w.T } }),
  'POST /api/units/merge': async (c) => ({
    body: { effectiveDate: c.date, sources: [{ unitId: await freshUnit(c, 'commune'), part: 'full' }], into: { unitId: await freshUnit(c, 'commune') } },
  }),
  'POST /api/units/:id/split': async (c) => {
    const p = uniquePrefix();
    return {
      params: { id: await freshUnit(c, 'commune') },
      body: { effectiveDate: c.date, into: [{ code: p, level: 'commune', kind: 'Phường', name: `Phường Tách ${p}`, parentId: c.w.P }] },
    };
  },
  'POST /api/units/:id/dissolve': async (c) => ({ params: { id: await freshUnit(c, 'village') }, body: { effectiveDate: c.date } }),
  // An unknown province: the registrar lets the administrator through and the import refuses (400), writing
  // nothing; a real data set would load thousands of units into the shared test database.
  'POST /api/units/import': () => ({ body: { dataset: 'reform-2025-07-01', provinceCodes: ['99'] }, ok: [400] }),
};
