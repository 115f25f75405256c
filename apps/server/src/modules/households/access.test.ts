// Access from the refused side: another ward, read-only roles, a village head elsewhere, an ended unit.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@contract/access';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { addHousehold, householdFootprint } from './testing';

const t = useWorldApp();
let hh: number;
const as = async (role: Role, unit: number | null) => sessionAs(t.db, role, unit);
const call = (s: TestSession, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: s.headers, payload });
const household = () => ({ unitId: t.w.A1, headName: 'Chu Văn Tư', headBirthYear: 1977, confirmDuplicates: true });
const tet = () => ({ householdId: hh, kind: 'tet', year: 2026, supportDate: '2026-02-01', valueVnd: 500_000, confirmDuplicates: true });

beforeAll(async () => {
  hh = await addHousehold(t.db, (await as('admin', null)).user, {
    unitId: t.w.A1,
    headName: 'Chu Thị Năm',
    headBirthYear: 1960,
    classification: { year: 2026, classes: ['poor'] },
  });
});

describe('households access', () => {
  it('read-only roles cannot write; nothing is written', async () => {
    const before = await householdFootprint(t.db, [t.w.A1, t.w.B1, t.w.D1]);
    for (const role of ['leadership', 'fund_accountant', 'member_org', 'inspection_member'] as Role[]) {
      const s = await as(role, t.w.S);
      for (const [url, body] of [
        ['/api/households', household()],
        ['/api/households/supports', tet()],
      ] as const) {
        const r = await call(s, 'POST', url, body);
        expect([role, url, r.statusCode, r.json().error.code]).toEqual([role, url, 403, 'FORBIDDEN']);
      }
    }
    expect(await householdFootprint(t.db, [t.w.A1, t.w.B1, t.w.D1])).toEqual(before);
    // Leadership reads; member organisations do not.
    expect((await call(await as('leadership', t.w.P), 'GET', `/api/households/${hh}`)).statusCode).toBe(200);
    expect((await call(await as('member_org', t.w.S), 'GET', `/api/households/${hh}`)).statusCode).toBe(403);
  });

  it('another ward is refused: no reading, writing or exporting', async () => {
    const other = await as('unit_staff', t.w.T);
    const before = await householdFootprint(t.db, [t.w.A1, t.w.B1, t.w.D1]);
    expect((await call(other, 'POST', '/api/households', household())).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await call(other, 'POST', '/api/households/supports', tet())).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await call(other, 'GET', `/api/households/${hh}`)).statusCode).toBe(404);
    expect((await call(other, 'GET', `/api/households/export.xlsx?unit=${t.w.S}`)).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await call(other, 'POST', `/api/households/import`, { unitId: t.w.S, year: 2026, fileName: 'a.csv', contentBase64: 'YQ==' })).json().error.code).toBe('OUT_OF_SCOPE');
    expect(await householdFootprint(t.db, [t.w.A1, t.w.B1, t.w.D1])).toEqual(before);
  });

  it('a village head writes in their village only and cannot export', async () => {
    const head = await as('village_head', t.w.A1);
    expect((await call(head, 'POST', '/api/households', { ...household(), unitId: t.w.B1 })).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await call(head, 'POST', '/api/households', household())).statusCode).toBe(200);
    expect((await call(head, 'GET', `/api/households/export.xlsx?unit=${t.w.A1}`)).json().error.code).toBe('FORBIDDEN');
  });

  it('the ended city reads its era but records nothing today; households are registered in villages only', async () => {
    const city = await as('standing_committee', t.w.C);
    expect((await call(city, 'GET', `/api/households/${hh}`)).statusCode).toBe(200);
    expect((await call(city, 'POST', '/api/households/supports', tet())).json().error.code).toBe('UNIT_ENDED');
    const staff = await as('unit_staff', t.w.S);
    expect((await call(staff, 'POST', '/api/households', { ...household(), unitId: t.w.S })).json().error.code).toBe('HOUSEHOLD_UNIT_NOT_VILLAGE');
  });
});
