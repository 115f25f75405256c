import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { insertUnit, sessionAs } from '../../test/factories';

const t = useWorldApp();

describe('unit read routes', () => {
  it('a subtree as of a date follows the villages as they moved', async () => {
    const { headers } = await sessionAs(t.db, 'standing_committee', t.w.P);
    const get = async (id: number, asOf: string) => ((await t.app.inject({ method: 'GET', url: `/api/units/${id}/subtree?asOf=${asOf}`, headers })).json().ids as number[]).sort();
    expect(await get(t.w.A, '2024-06-01')).toEqual([t.w.A, t.w.A1].sort());
    expect(await get(t.w.S, '2026-01-01')).toEqual([t.w.S, t.w.A1, t.w.B1].sort());
    expect(await get(t.w.S, '2024-06-01')).toEqual([]);
  });

  it('lineage gives predecessors and the successors valid at a date', async () => {
    const { headers } = await sessionAs(t.db, 'standing_committee', t.w.P);
    const lin = (id: number, at: string) => t.app.inject({ method: 'GET', url: `/api/units/${id}/lineage?at=${at}`, headers }).then((r) => r.json());
    expect((await lin(t.w.S, '2026-01-01')).predecessors.sort()).toEqual([t.w.A, t.w.B].sort());
    expect((await lin(t.w.A, '2026-01-01')).successorsAt).toEqual([t.w.S]);
    expect((await lin(t.w.A, '2024-01-01')).successorsAt).toEqual([t.w.A]);
  });

  it("the detail of a village shows its two parents over time and today's ancestors", async () => {
    const { headers } = await sessionAs(t.db, 'unit_staff', t.w.S);
    const d = (await t.app.inject({ method: 'GET', url: `/api/units/${t.w.A1}?asOf=2026-01-01`, headers })).json();
    expect(d.versions.map((v: { parentName: string; validTo: string | null }) => [v.parentName, v.validTo])).toEqual([
      ['Phường Trần Phú Thử', '2025-07-01'],
      ['Phường Bắc Giang Thử', null],
    ]);
    expect(d.ancestors.map((a: { id: number }) => a.id)).toEqual([t.w.P, t.w.S]);
    const s = (await t.app.inject({ method: 'GET', url: `/api/units/${t.w.S}`, headers })).json();
    expect(s.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(['Phường Ngô Quyền Thử', 'Phường Trần Phú Thử']);
  });

  it("an ended unit's user sees its tree on its last day by default", async () => {
    const { headers } = await sessionAs(t.db, 'standing_committee', t.w.C);
    const roots = (await t.app.inject({ method: 'GET', url: '/api/units', headers })).json();
    expect(roots.map((u: { id: number; childCount: number }) => [u.id, u.childCount])).toEqual([[t.w.C, 3]]);
  });
});

describe('unit lists', () => {
  it('sort in Vietnamese order (Đ after D) with numbers in number order', async () => {
    const { headers } = await sessionAs(t.db, 'admin', null);
    for (const name of ['Tổ dân phố số 10', 'Tổ dân phố số 2', 'Thôn Đông', 'Thôn Dưới']) {
      await insertUnit(t.db, { name, level: 'village', parents: [[t.w.T, t.w.REFORM]], validFrom: t.w.REFORM });
    }
    await t.db.query('select refresh_unit_closure()');
    const list = (await t.app.inject({ method: 'GET', url: `/api/units?parent=${t.w.T}&asOf=2026-01-01`, headers })).json();
    expect(list.map((u: { name: string }) => u.name)).toEqual(['Thôn Dưới', 'Thôn Đa Mai 1', 'Thôn Đông', 'Tổ dân phố số 2', 'Tổ dân phố số 10']);
  });
});
