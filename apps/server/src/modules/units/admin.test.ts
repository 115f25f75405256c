import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { testApp } from '../../test/app';
import { testDb } from '../../test/db';
import { sessionAs, type TestSession } from '../../test/factories';
import { buildUnitWorld, footprint, uniquePrefix, type UnitWorld } from './testing';

let db: RootDb;
let app: App;
let admin: TestSession;
beforeAll(async () => {
  db = await testDb();
  app = await testApp(db);
  admin = await sessionAs(db, 'admin', null);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

type Req = { url: string; payload: Record<string, unknown> };
/** Every mutating unit route, with a valid request against a world of its own. */
const ROUTES: Array<{ name: string; action: string; request: (w: UnitWorld, p: string) => Req; audited: (w: UnitWorld) => number | 'result' }> = [
  {
    name: 'create',
    action: 'create',
    audited: () => 'result',
    request: (w, p) => ({
      url: '/api/units',
      payload: { code: `${p}A.09`, level: 'village', kind: 'Tổ dân phố', name: 'Tổ dân phố số 9', parentId: w.A, validFrom: '2022-01-01' },
    }),
  },
  {
    name: 'rename',
    action: 'rename',
    audited: (w) => w.E,
    request: (w) => ({ url: `/api/units/${w.E}/rename`, payload: { effectiveDate: '2025-01-01', name: 'Phường Song Mai Thử', kind: 'Phường' } }),
  },
  { name: 'move', action: 'move', audited: (w) => w.A1, request: (w) => ({ url: `/api/units/${w.A1}/move`, payload: { effectiveDate: '2024-01-01', parentId: w.B } }) },
  {
    name: 'merge',
    action: 'merge',
    audited: (w) => w.A,
    request: (w, p) => ({
      url: '/api/units/merge',
      payload: {
        effectiveDate: '2025-07-01',
        sources: [
          { unitId: w.A, part: 'full' },
          { unitId: w.B, part: 'full' },
        ],
        into: { create: { code: `${p}M`, level: 'commune', kind: 'Phường', name: 'Phường Hợp Nhất', parentId: w.P } },
        legalBasis: 'Nghị quyết thử',
      },
    }),
  },
  {
    name: 'split',
    action: 'split',
    audited: (w) => w.E,
    request: (w, p) => ({
      url: `/api/units/${w.E}/split`,
      payload: {
        effectiveDate: '2022-01-01',
        into: [
          { code: `${p}E1`, level: 'commune', kind: 'Xã', name: 'Xã Bắc' },
          { code: `${p}E2`, level: 'commune', kind: 'Xã', name: 'Xã Nam' },
        ],
      },
    }),
  },
  { name: 'dissolve', action: 'dissolve', audited: (w) => w.E, request: (w) => ({ url: `/api/units/${w.E}/dissolve`, payload: { effectiveDate: '2024-05-01' } }) },
];

describe('unit change routes', () => {
  for (const r of ROUTES) {
    it(`${r.name}: an administrator's change answers with its event and writes its audit rows`, async () => {
      const p = uniquePrefix();
      const w = await buildUnitWorld(db, admin.user, p);
      const res = await app.inject({ method: 'POST', ...r.request(w, p), headers: admin.headers });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { eventId: number; unitId: number; affectedUnitIds: number[] };
      const audited = r.audited(w) === 'result' ? body.unitId : (r.audited(w) as number);
      expect(body.affectedUnitIds).toContain(audited);
      const rows = await db.query<{ action: string; actor_id: number; unit_id: number; after: { id: number } }>(
        `select action, actor_id, unit_id, after from audit_log where entity = 'unit' and entity_id = $1 and action = $2`,
        [String(audited), r.action],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_id: admin.user.id, unit_id: audited, after: { id: audited } });
      const ev = await db.query<{ after: { kind: string } }>(`select after from audit_log where entity = 'unit_event' and entity_id = $1 and actor_id = $2`, [
        String(body.eventId),
        admin.user.id,
      ]);
      expect(ev).toHaveLength(1);
      expect(ev[0].after.kind).toBe(r.action);
    });
  }

  it('the detail of a unit shows the change in its history', async () => {
    const p = uniquePrefix();
    const w = await buildUnitWorld(db, admin.user, p);
    await app.inject({ method: 'POST', url: `/api/units/${w.E}/rename`, headers: admin.headers, payload: { effectiveDate: '2025-01-01', name: 'Phường Song Mai Thử' } });
    const res = await app.inject({ method: 'GET', url: `/api/units/${w.E}?asOf=2025-06-01`, headers: admin.headers });
    expect(res.json()).toMatchObject({
      name: 'Phường Song Mai Thử',
      versions: [
        { name: 'Xã Song Mai Thử', validTo: '2025-01-01' },
        { name: 'Phường Song Mai Thử', validTo: null },
      ],
    });
    expect(res.json().events.map((e: { kind: string }) => e.kind)).toEqual(['create', 'rename']);
  });

  it('a refused change answers with its code and writes nothing', async () => {
    const p = uniquePrefix();
    const w = await buildUnitWorld(db, admin.user, p);
    const before = await footprint(db, admin.user, p);
    const cycle = await app.inject({ method: 'POST', url: `/api/units/${w.A}/move`, headers: admin.headers, payload: { effectiveDate: '2024-01-01', parentId: w.A1 } });
    expect([cycle.statusCode, cycle.json().error.code]).toEqual([409, 'UNIT_CYCLE']);
    const dup = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin.headers,
      payload: { code: `${p}A`, level: 'commune', kind: 'Xã', name: 'Xã Trùng', parentId: w.D, validFrom: '2020-01-01' },
    });
    expect(dup.json().error).toMatchObject({ code: 'UNIT_CODE_DUPLICATE', message: expect.any(String), messageEn: expect.any(String) });
    const unknown = await app.inject({ method: 'POST', url: '/api/units/999999999/dissolve', headers: admin.headers, payload: { effectiveDate: '2024-01-01' } });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'UNIT_NOT_FOUND']);
    const bad = await app.inject({ method: 'POST', url: '/api/units/merge', headers: admin.headers, payload: { effectiveDate: 'hôm qua', sources: [] } });
    expect(bad.json().error.code).toBe('VALIDATION');
    expect(await footprint(db, admin.user, p)).toEqual(before);
  });
});

describe('only an administrator changes units', () => {
  for (const role of ['standing_committee', 'unit_staff', 'village_head', 'member_org', 'fund_accountant', 'inspection_member', 'leadership'] as const) {
    it(`a ${role} session is refused with FORBIDDEN on every mutating route, writing nothing`, async () => {
      const p = uniquePrefix();
      const w = await buildUnitWorld(db, admin.user, p);
      const s = await sessionAs(db, role, role === 'village_head' ? w.A1 : role === 'standing_committee' ? w.D : w.A);
      const before = await footprint(db, admin.user, p);
      const requests = [...ROUTES.map((r) => r.request(w, p)), { url: '/api/units/import', payload: { dataset: 'reform-2025-07-01', provinceCodes: ['24'] } }];
      for (const req of requests) {
        const res = await app.inject({ method: 'POST', ...req, headers: s.headers });
        expect([req.url, res.statusCode, res.json().error.code]).toEqual([req.url, 403, 'FORBIDDEN']);
      }
      expect(await footprint(db, admin.user, p)).toEqual(before);
      expect(await footprint(db, s.user, p)).toMatchObject({ events: 0, audit: 0 });
    });
  }

  it('without a session the routes answer 401', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/units/import', payload: { dataset: 'bac-giang-2020-2025' } });
    expect(res.statusCode).toBe(401);
  });
});
