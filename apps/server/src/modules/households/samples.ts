import type { householdEndpoints } from '@contract/endpoints/households';
import type { Db } from '../../db/db';
import type { Sample, SampleCtx } from '../../test/matrix';
import { insertUnit } from '../../test/factories';
import { insertHouse, insertHousehold, insertMember, insertPhoto, insertSupport } from './queries';

/** One valid request per households endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

let n = 0;
const uniq = () => `${++n}${Date.now().toString(36)}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/*
 * Households live in villages: the village that stands for the target unit. Own: a village of S (B1);
 * child: A1; sibling: T's village; parent: a village directly under the province (outside S);
 * predecessor: a village of the merged ward A that ended with it.
 */
const made = new Map<string, number>();
async function villageFor(c: SampleCtx): Promise<number> {
  if (c.target === 'own') return c.w.B1;
  if (c.target === 'child') return c.w.A1;
  if (c.target === 'sibling') return c.w.D1;
  const key = `${c.target}:${c.unit}`;
  if (!made.has(key)) {
    const id =
      c.target === 'parent'
        ? await insertUnit(c.db, { name: `Thôn tỉnh ${uniq()}`, level: 'village', parents: [[c.w.P, '2019-01-01']] })
        : await insertUnit(c.db, { name: `Thôn cũ ${uniq()}`, level: 'village', parents: [[c.w.A, '2019-01-01', c.w.REFORM]], validTo: c.w.REFORM });
    await c.db.query('select refresh_unit_closure()');
    made.set(key, id);
  }
  return made.get(key)!;
}

async function householdAt(c: SampleCtx): Promise<number> {
  const unitId = await villageFor(c);
  const id = await insertHousehold(c.db, { unitId, headName: `Hộ mẫu ${uniq()}`, headBirthYear: 1970, address: null, registeredOn: c.date, note: null });
  await insertMember(c.db, id, { fullName: 'Chủ hộ mẫu', birthYear: 1970, relation: 'head', sealed: null });
  return id;
}

async function houseAt(c: SampleCtx, db: Db = c.db): Promise<number> {
  const householdId = await householdAt(c);
  const [{ unit_id }] = await db.query<{ unit_id: number }>('select unit_id from households where id = $1', [householdId]);
  const id = await insertSupport(db, {
    householdId,
    memberId: null,
    unitId: unit_id,
    kind: 'house',
    year: Number(c.date.slice(0, 4)),
    supportDate: c.date,
    form: 'in_kind',
    valueVnd: 50_000_000,
    people: 1,
    provider: null,
    campaign: null,
    fundId: null,
    loanGroup: null,
    note: null,
    createdBy: c.admin.user.id,
    clientKey: null,
  });
  await insertHouse(db, id, {
    build: 'new',
    status: 'approved',
    approvedOn: c.date,
    startedOn: null,
    handedOverOn: null,
    costVnd: 50_000_000,
    fromFundVnd: 0,
    fromMemberOrgsVnd: 0,
    fromSocialVnd: 50_000_000,
    labourDays: 0,
  });
  return id;
}

const year = (c: SampleCtx) => Number(c.date.slice(0, 4));
const b64 = (s: string) => Buffer.from(s).toString('base64');

export const householdSamples: { [K in keyof typeof householdEndpoints]: Sample } = {
  'GET /api/households': (c) => ({ query: { unit: c.unit } }),
  'POST /api/households': async (c) => ({
    body: { unitId: await villageFor(c), headName: `Nguyễn Văn Mẫu ${uniq()}`, headBirthYear: 1980, registeredOn: c.date, confirmDuplicates: true },
  }),
  'GET /api/households/coverage': (c) => ({ query: { unit: c.unit, kind: 'tet', year: year(c) } }),
  'GET /api/households/coverage/villages': (c) => ({ query: { unit: c.unit, kind: 'house', year: year(c) } }),
  'GET /api/households/summary': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  'GET /api/households/duplicates': (c) => ({ query: { unit: c.unit, name: 'Nguyễn Văn Mẫu', birthYear: 1980 } }),
  'GET /api/households/duplicates/report': (c) => ({ query: { unit: c.unit } }),
  // A row naming no village of the unit: the permitted import reaches the file's check (400), nothing written.
  'POST /api/households/import': (c) => ({
    body: { unitId: c.unit, year: year(c), fileName: 'ds.csv', contentBase64: b64('Họ tên chủ hộ;Thôn;Phân loại\nTrần Văn Mẫu;Thôn Không Có;Hộ nghèo') },
    ok: [400],
  }),
  'GET /api/households/export.xlsx': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  'GET /api/households/:id': async (c) => ({ params: { id: await householdAt(c) } }),
  'POST /api/households/:id/members': async (c) => ({ params: { id: await householdAt(c) }, body: { fullName: 'Con mẫu', birthYear: 2005, relation: 'child' } }),
  'PUT /api/households/:id/classifications': async (c) => ({
    params: { id: await householdAt(c) },
    body: { year: year(c), classes: ['poor'], housingNeed: 'repair' },
  }),
  'POST /api/households/supports': async (c) => ({
    body: { householdId: await householdAt(c), kind: 'regular', supportDate: c.date, valueVnd: 500_000 },
  }),
  'POST /api/households/supports/:id/house': async (c) => ({ params: { id: await houseAt(c) }, body: { status: 'under_construction', date: c.date } }),
  'POST /api/households/supports/:id/photos': async (c) => ({
    params: { id: await houseAt(c) },
    body: { fileName: 'nha.png', mime: 'image/png', contentBase64: PNG.toString('base64') },
  }),
  'GET /api/households/photos/:id': async (c) => {
    const supportId = await houseAt(c);
    return { params: { id: await insertPhoto(c.db, supportId, { stage: 'approved', fileName: 'nha.png', mime: 'image/png', data: PNG }) } };
  },
  'GET /api/public/households/houses': (c) => ({ query: { unit: c.w.S } }),
};
