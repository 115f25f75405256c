import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, sessionAs, type World } from '../../test/factories';

let db: RootDb;
let app: App;
let w: World;
beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('unit read routes', () => {
  it('a subtree as of a date follows the villages as they moved', async () => {
    const { headers } = await sessionAs(db, 'standing_committee', w.P);
    const get = async (id: number, asOf: string) =>
      ((await app.inject({ method: 'GET', url: `/api/units/${id}/subtree?asOf=${asOf}`, headers })).json().ids as number[]).sort();
    expect(await get(w.A, '2024-06-01')).toEqual([w.A, w.A1].sort());
    expect(await get(w.S, '2026-01-01')).toEqual([w.S, w.A1, w.B1].sort());
    expect(await get(w.S, '2024-06-01')).toEqual([]);
  });

  it('lineage gives predecessors and the successors valid at a date', async () => {
    const { headers } = await sessionAs(db, 'standing_committee', w.P);
    const lin = (id: number, at: string) => app.inject({ method: 'GET', url: `/api/units/${id}/lineage?at=${at}`, headers }).then((r) => r.json());
    expect((await lin(w.S, '2026-01-01')).predecessors.sort()).toEqual([w.A, w.B].sort());
    expect((await lin(w.A, '2026-01-01')).successorsAt).toEqual([w.S]);
    expect((await lin(w.A, '2024-01-01')).successorsAt).toEqual([w.A]);
  });

  it('the detail of a village shows its two parents over time and today\'s ancestors', async () => {
    const { headers } = await sessionAs(db, 'unit_staff', w.S);
    const d = (await app.inject({ method: 'GET', url: `/api/units/${w.A1}?asOf=2026-01-01`, headers })).json();
    expect(d.versions.map((v: { parentName: string; validTo: string | null }) => [v.parentName, v.validTo])).toEqual([
      ['Phường Trần Phú Thử', '2025-07-01'], ['Phường Bắc Giang Thử', null]]);
    expect(d.ancestors.map((a: { id: number }) => a.id)).toEqual([w.P, w.S]);
    const s = (await app.inject({ method: 'GET', url: `/api/units/${w.S}`, headers })).json();
    expect(s.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(['Phường Ngô Quyền Thử', 'Phường Trần Phú Thử']);
  });

  it('an ended unit\'s user sees its tree on its last day by default', async () => {
    const { headers } = await sessionAs(db, 'standing_committee', w.C);
    const roots = (await app.inject({ method: 'GET', url: '/api/units', headers })).json();
    expect(roots.map((u: { id: number; childCount: number }) => [u.id, u.childCount])).toEqual([[w.C, 3]]);
  });
});
