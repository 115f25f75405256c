import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import type { Ctx } from '../../platform/access';
import { testDb } from '../../test/db';
import { sessionAs } from '../../test/factories';
import { predecessorsOf, subtreeIds, successorsAt } from './queries';
import { createUnit, dissolveUnit, mergeUnits, moveUnit, renameUnit, splitUnit } from './service';
import { buildUnitWorld, footprint, uniquePrefix, type UnitWorld } from './testing';

let db: RootDb;
let ctx: Ctx;
beforeAll(async () => {
  db = await testDb();
  ctx = { db, user: (await sessionAs(db, 'admin', null)).user };
});
afterAll(() => db.close());

/** A fresh world per test: codes are unique, so tests never see each other's units. */
async function world(): Promise<{ w: UnitWorld; p: string }> {
  const p = uniquePrefix();
  return { w: await buildUnitWorld(db, ctx.user, p), p };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => e.code as string,
  );
const parentOn = async (id: number, date: string) =>
  (
    await db.query<{ parent_id: number | null; name: string }>('select parent_id, name from unit_versions where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to', [
      id,
      date,
    ])
  )[0];
const auditOf = (id: number) =>
  db.query<{ action: string; actor_id: number; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
    `select action, actor_id, before, after from audit_log where entity = 'unit' and entity_id = $1 order by id`,
    [String(id)],
  );
const eventsOf = (id: number) =>
  db.query<{ kind: string; effective_date: string; role: string; part: string }>(
    `select e.kind, e.effective_date::text, eu.role, eu.part from unit_events e join unit_event_units eu on eu.event_id = e.id
      where eu.unit_id = $1 order by e.effective_date, e.id`,
    [id],
  );

/** Runs a change that must be refused with `code` and checks that it wrote nothing. */
async function refused(p: string, code: string, change: () => Promise<unknown>) {
  const before = await footprint(db, ctx.user, p);
  expect(await codeOf(change())).toBe(code);
  expect(await footprint(db, ctx.user, p)).toEqual(before);
}

describe('unit changes', () => {
  it('creates a unit with its event and audit rows, inside the subtree from its start', async () => {
    const { w, p } = await world();
    const r = await createUnit(ctx, {
      code: `${p}A.03`,
      level: 'village',
      kind: 'Tổ dân phố',
      name: 'Tổ dân phố số 3',
      parentId: w.A,
      validFrom: '2021-03-01',
      legalBasis: 'Nghị quyết HĐND tỉnh',
    });
    expect(await eventsOf(r.unitId)).toEqual([{ kind: 'create', effective_date: '2021-03-01', role: 'subject', part: 'full' }]);
    const [row] = await auditOf(r.unitId);
    expect(row).toMatchObject({ action: 'create', actor_id: ctx.user.id, before: null });
    expect(row.after).toMatchObject({ code: `${p}A.03`, level: 'village', validFrom: '2021-03-01', versions: [{ name: 'Tổ dân phố số 3', parentId: w.A }] });
    expect(await db.query(`select 1 from audit_log where entity = 'unit_event' and entity_id = $1`, [String(r.eventId)])).toHaveLength(1);
    expect(await subtreeIds(db, w.P, '2021-03-01')).toContain(r.unitId);
    expect(await subtreeIds(db, w.P, '2021-02-28')).not.toContain(r.unitId);
  });

  it('a commune may sit directly under a province (two-level government)', async () => {
    const { w, p } = await world();
    expect(await codeOf(createUnit(ctx, { code: `${p}N`, level: 'commune', kind: 'Phường', name: 'Phường Mới', parentId: w.P, validFrom: '2025-07-01' }))).toBe('ok');
  });

  it('renames from the effective date, keeping the old name before it', async () => {
    const { w } = await world();
    await renameUnit(ctx, w.E, { effectiveDate: '2025-01-01', name: 'Phường Song Mai Thử', kind: 'Phường' });
    expect((await parentOn(w.E, '2024-12-31')).name).toBe('Xã Song Mai Thử');
    expect((await parentOn(w.E, '2025-01-01')).name).toBe('Phường Song Mai Thử');
    const rows = await auditOf(w.E);
    expect(rows.at(-1)).toMatchObject({ action: 'rename', before: { kind: 'commune' }, after: { kind: 'Phường' } });
    expect(rows.at(-1)!.after.versions).toHaveLength(2);
  });

  it('moves from the effective date: the subtree as of a date follows', async () => {
    const { w } = await world();
    await moveUnit(ctx, w.A1, { effectiveDate: '2024-01-01', parentId: w.B });
    expect(await subtreeIds(db, w.A, '2023-12-31')).toContain(w.A1);
    expect(await subtreeIds(db, w.A, '2024-01-01')).not.toContain(w.A1);
    expect(await subtreeIds(db, w.B, '2024-01-01')).toContain(w.A1);
    expect((await eventsOf(w.A1)).map((e) => e.kind)).toEqual(['create', 'move']);
  });

  it('merges whole units into an existing one: they end, their villages move, the history rolls up', async () => {
    const { w } = await world();
    const r = await mergeUnits(ctx, { effectiveDate: '2025-01-01', sources: [{ unitId: w.A, part: 'full' }], into: { unitId: w.B }, note: 'thử' });
    expect(r.unitId).toBe(w.B);
    expect(r.affectedUnitIds.sort()).toEqual([w.A, w.B, w.A1, w.A2].sort());
    const [a] = await db.query<{ valid_to: string }>('select valid_to::text from units where id = $1', [w.A]);
    expect(a.valid_to).toBe('2025-01-01');
    expect((await parentOn(w.A1, '2025-01-01')).parent_id).toBe(w.B);
    expect((await parentOn(w.A1, '2024-12-31')).parent_id).toBe(w.A);
    expect(await successorsAt(db, w.A, '2025-02-01')).toEqual([w.B]);
    expect(await successorsAt(db, w.A, '2024-02-01')).toEqual([w.A]);
    expect(await predecessorsOf(db, w.B)).toEqual([w.A]);
    expect(await eventsOf(w.A)).toContainEqual({ kind: 'merge', effective_date: '2025-01-01', role: 'from', part: 'full' });
    expect((await auditOf(w.A)).at(-1)).toMatchObject({ action: 'merge', before: { validTo: 'infinity' }, after: { validTo: '2025-01-01' } });
    expect((await auditOf(w.A1)).at(-1)).toMatchObject({ action: 'merge' });
  });

  it('merges into a new unit, a partial source going on; the code of an ended unit may be reused', async () => {
    const { w, p } = await world();
    const r = await mergeUnits(ctx, {
      effectiveDate: '2025-07-01',
      sources: [
        { unitId: w.A, part: 'full' },
        { unitId: w.E, part: 'partial' },
      ],
      into: { create: { code: `${p}A`, level: 'commune', kind: 'Phường', name: 'Phường Bắc Giang Thử', parentId: w.P } },
    });
    const units = await db.query<{ id: number; valid_from: string; valid_to: string }>(
      'select id, valid_from::text, valid_to::text from units where code = $1 order by valid_from',
      [`${p}A`],
    );
    expect(units).toEqual([
      { id: w.A, valid_from: '2019-01-01', valid_to: '2025-07-01' },
      { id: r.unitId, valid_from: '2025-07-01', valid_to: 'infinity' },
    ]);
    const [e] = await db.query<{ valid_to: string }>('select valid_to::text from units where id = $1', [w.E]);
    expect(e.valid_to).toBe('infinity');
    const lineage = await db.query('select predecessor_id, part from unit_lineage where successor_id = $1 order by part', [r.unitId]);
    expect(lineage).toEqual([
      { predecessor_id: w.A, part: 'full' },
      { predecessor_id: w.E, part: 'partial' },
    ]);
    expect(await subtreeIds(db, r.unitId, '2025-07-01')).toEqual(expect.arrayContaining([r.unitId, w.A1, w.A2]));
    expect(await successorsAt(db, w.E, '2025-08-01')).toEqual(expect.arrayContaining([w.E, r.unitId]));
  });

  it('splits a unit into new ones (lineage partial), handing over each village', async () => {
    const { w, p } = await world();
    const r = await splitUnit(ctx, w.A, {
      effectiveDate: '2022-01-01',
      into: [
        { code: `${p}A1x`, level: 'commune', kind: 'Phường', name: 'Phường Trần Phú Bắc', childIds: [w.A1] },
        { code: `${p}A2x`, level: 'commune', kind: 'Phường', name: 'Phường Trần Phú Nam', childIds: [w.A2] },
      ],
    });
    const [x1, x2] = r.affectedUnitIds;
    expect((await parentOn(w.A1, '2022-01-01')).parent_id).toBe(x1);
    expect((await parentOn(w.A2, '2022-01-01')).parent_id).toBe(x2);
    expect((await parentOn(x1, '2022-01-01')).parent_id).toBe(w.D);
    expect(await db.query('select part from unit_lineage where predecessor_id = $1', [w.A])).toEqual([{ part: 'partial' }, { part: 'partial' }]);
    expect((await successorsAt(db, w.A, '2023-01-01')).sort()).toEqual([x1, x2].sort());
  });

  it('splits off part of a unit that goes on (keepSource)', async () => {
    const { w, p } = await world();
    const r = await splitUnit(ctx, w.A, {
      effectiveDate: '2022-01-01',
      keepSource: true,
      into: [{ code: `${p}Ax`, level: 'commune', kind: 'Xã', name: 'Xã Tách Ra', childIds: [w.A2] }],
    });
    const [a] = await db.query<{ valid_to: string }>('select valid_to::text from units where id = $1', [w.A]);
    expect(a.valid_to).toBe('infinity');
    expect((await parentOn(w.A1, '2023-01-01')).parent_id).toBe(w.A);
    expect((await parentOn(w.A2, '2023-01-01')).parent_id).toBe(r.unitId);
  });

  it('dissolves an empty unit at a date', async () => {
    const { w } = await world();
    await dissolveUnit(ctx, w.E, { effectiveDate: '2024-05-01' });
    expect(await subtreeIds(db, w.D, '2024-05-01')).not.toContain(w.E);
    expect(await subtreeIds(db, w.D, '2024-04-30')).toContain(w.E);
    expect((await auditOf(w.E)).at(-1)).toMatchObject({ action: 'dissolve', after: { validTo: '2024-05-01' } });
  });
});

describe('refused changes write nothing', () => {
  it('a cycle: a unit under itself or under its own village', async () => {
    const { w, p } = await world();
    await refused(p, 'UNIT_CYCLE', () => moveUnit(ctx, w.A, { effectiveDate: '2024-01-01', parentId: w.A }));
    await refused(p, 'UNIT_CYCLE', () => moveUnit(ctx, w.A, { effectiveDate: '2024-01-01', parentId: w.A1 }));
    await refused(p, 'UNIT_CYCLE', () => moveUnit(ctx, w.D, { effectiveDate: '2024-01-01', parentId: w.A1 }));
  });

  it('overlapping or invalid validity', async () => {
    const { w, p } = await world();
    await refused(p, 'UNIT_VALIDITY_OVERLAP', () =>
      createUnit(ctx, { code: `${p}Z`, level: 'commune', kind: 'Xã', name: 'Xã Z', parentId: w.D, validFrom: '2024-01-01', validTo: '2024-01-01' }),
    );
    await refused(p, 'UNIT_VALIDITY_OVERLAP', () => dissolveUnit(ctx, w.E, { effectiveDate: '2019-01-01' }));
    await refused(p, 'UNIT_NOT_VALID_AT_DATE', () => renameUnit(ctx, w.E, { effectiveDate: '2018-06-01', name: 'Xã Cũ' }));
    await moveUnit(ctx, w.A1, { effectiveDate: '2024-01-01', parentId: w.B });
    await refused(p, 'UNIT_LATER_CHANGE_EXISTS', () => renameUnit(ctx, w.A1, { effectiveDate: '2023-01-01', name: 'Tổ dân phố số 9' }));
    await dissolveUnit(ctx, w.E, { effectiveDate: '2024-05-01' });
    await refused(p, 'UNIT_NOT_VALID_AT_DATE', () => renameUnit(ctx, w.E, { effectiveDate: '2024-06-01', name: 'Xã Sau' }));
    // A parent that is not valid on the date.
    await refused(p, 'UNIT_NOT_VALID_AT_DATE', () =>
      createUnit(ctx, { code: `${p}E.01`, level: 'village', kind: 'Thôn', name: 'Thôn Muộn', parentId: w.E, validFrom: '2024-06-01' }),
    );
  });

  it('a duplicate code among units of one level whose validity overlaps (reuse over time is fine)', async () => {
    const { w, p } = await world();
    await refused(p, 'UNIT_CODE_DUPLICATE', () =>
      createUnit(ctx, { code: `${p}A`, level: 'commune', kind: 'Phường', name: 'Phường Trùng', parentId: w.D, validFrom: '2024-01-01' }),
    );
    await refused(p, 'UNIT_CODE_DUPLICATE', () =>
      mergeUnits(ctx, {
        effectiveDate: '2025-01-01',
        sources: [{ unitId: w.A, part: 'partial' }],
        into: { create: { code: `${p}B`, level: 'commune', kind: 'Phường', name: 'Phường Trùng', parentId: w.D } },
      }),
    );
    await refused(p, 'UNIT_CODE_DUPLICATE', () =>
      splitUnit(ctx, w.E, {
        effectiveDate: '2022-01-01',
        into: [
          { code: `${p}S`, level: 'commune', kind: 'Xã', name: 'Xã S1' },
          { code: `${p}S`, level: 'commune', kind: 'Xã', name: 'Xã S2' },
        ],
      }),
    );
    expect(await codeOf(createUnit(ctx, { code: `${p}A`, level: 'village', kind: 'Thôn', name: 'Thôn cùng mã, khác cấp', parentId: w.B, validFrom: '2024-01-01' }))).toBe('ok');
  });

  it('an unknown unit', async () => {
    const { w, p } = await world();
    await refused(p, 'UNIT_NOT_FOUND', () => renameUnit(ctx, 999_999_999, { effectiveDate: '2024-01-01', name: 'X' }));
    await refused(p, 'UNIT_NOT_FOUND', () => createUnit(ctx, { code: `${p}Q`, level: 'commune', kind: 'Xã', name: 'Xã Q', parentId: 999_999_999, validFrom: '2024-01-01' }));
    await refused(p, 'UNIT_NOT_FOUND', () => mergeUnits(ctx, { effectiveDate: '2025-01-01', sources: [{ unitId: 999_999_999, part: 'full' }], into: { unitId: w.B } }));
    await refused(p, 'UNIT_NOT_FOUND', () => moveUnit(ctx, w.A1, { effectiveDate: '2024-01-01', parentId: 999_999_999 }));
  });

  it('a level that does not fit under the parent', async () => {
    const { w, p } = await world();
    await refused(p, 'UNIT_LEVEL_MISMATCH', () => createUnit(ctx, { code: `${p}V`, level: 'village', kind: 'Thôn', name: 'Thôn V', parentId: w.P, validFrom: '2024-01-01' }));
    await refused(p, 'UNIT_LEVEL_MISMATCH', () => createUnit(ctx, { code: `${p}Q`, level: 'province', kind: 'Tỉnh', name: 'Tỉnh Q', parentId: w.P, validFrom: '2024-01-01' }));
    await refused(p, 'UNIT_LEVEL_MISMATCH', () =>
      createUnit(ctx, { code: `${p}C`, level: 'commune', kind: 'Xã', name: 'Xã không cấp trên', parentId: null, validFrom: '2024-01-01' }),
    );
    await refused(p, 'UNIT_LEVEL_MISMATCH', () => moveUnit(ctx, w.A1, { effectiveDate: '2024-01-01', parentId: w.D }));
    await refused(p, 'UNIT_LEVEL_MISMATCH', () => mergeUnits(ctx, { effectiveDate: '2025-01-01', sources: [{ unitId: w.A, part: 'full' }], into: { unitId: w.D } }));
  });

  it('a unit that still has subordinate units cannot simply end', async () => {
    const { w, p } = await world();
    await refused(p, 'UNIT_HAS_CHILDREN', () => dissolveUnit(ctx, w.A, { effectiveDate: '2024-01-01' }));
    await refused(p, 'UNIT_HAS_CHILDREN', () =>
      splitUnit(ctx, w.A, {
        effectiveDate: '2022-01-01',
        into: [
          { code: `${p}A1x`, level: 'commune', kind: 'Phường', name: 'Phường Bắc', childIds: [w.A1] },
          { code: `${p}A2x`, level: 'commune', kind: 'Phường', name: 'Phường Nam' },
        ],
      }),
    );
  });

  it('bad input', async () => {
    const { w, p } = await world();
    await refused(p, 'VALIDATION', () => createUnit(ctx, { code: `${p}X`, level: 'hamlet', kind: 'Xóm', name: 'Xóm', parentId: w.A, validFrom: '2024-01-01' }));
    await refused(p, 'VALIDATION', () => renameUnit(ctx, w.A, { effectiveDate: '2024-13-01', name: '' }));
    await refused(p, 'VALIDATION', () =>
      mergeUnits(ctx, {
        effectiveDate: '2025-01-01',
        sources: [
          { unitId: w.A, part: 'full' },
          { unitId: w.A, part: 'full' },
        ],
        into: { unitId: w.B },
      }),
    );
    // A non-administrator is refused by the registrar before the service runs (units/admin.test.ts).
    expect((await parentOn(w.A, '2024-06-01')).name).toBe('Phường Trần Phú Thử');
  });
});
