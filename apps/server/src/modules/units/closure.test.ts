import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/access';
import { testDb } from '../../test/db';
import { sessionAs } from '../../test/factories';
import { createUnit, dissolveUnit, mergeUnits, moveUnit, renameUnit, splitUnit } from './service';
import { buildUnitWorld, uniquePrefix } from './testing';

/**
 * Unit changes rebuild only the affected part of the closure tables. After every kind of change, the
 * rows for this test's units must equal what a rebuild from scratch gives (computed here as a query).
 */
const CLOSURE_FROM_SCRATCH = `
  with recursive c (ancestor_id, descendant_id, valid_from, valid_to, depth) as (
    select unit_id, unit_id, valid_from, valid_to, 0 from unit_versions
    union all
    select v.parent_id, c.descendant_id, greatest(c.valid_from, v.valid_from), least(c.valid_to, v.valid_to), c.depth + 1
      from c join unit_versions v on v.unit_id = c.ancestor_id
     where v.parent_id is not null and greatest(c.valid_from, v.valid_from) < least(c.valid_to, v.valid_to) and c.depth < 10)
  select ancestor_id, descendant_id, valid_from::text, valid_to::text, depth from c
   where descendant_id in (select id from units where code like $1 || '%')
   order by 1, 2, 3, 4, 5`;
const CLOSURE_STORED = `
  select ancestor_id, descendant_id, valid_from::text, valid_to::text, depth from unit_closure
   where descendant_id in (select id from units where code like $1 || '%') order by 1, 2, 3, 4, 5`;
const LINEAGE_FROM_SCRATCH = `
  with recursive l (successor_id, predecessor_id, depth) as (
    select id, id, 0 from units where code like $1 || '%'
    union
    select l.successor_id, ul.predecessor_id, l.depth + 1 from l join unit_lineage ul on ul.successor_id = l.predecessor_id where l.depth < 20)
  select distinct successor_id, predecessor_id from l order by 1, 2`;
const LINEAGE_STORED = `
  select successor_id, predecessor_id from unit_lineage_closure
   where successor_id in (select id from units where code like $1 || '%') order by 1, 2`;

describe('incremental closure rebuild', () => {
  it('matches a rebuild from scratch after create, rename, move, merge, split and dissolve', async () => {
    const db = await testDb();
    const ctx: Ctx = { db, user: (await sessionAs(db, 'admin', null)).user };
    const p = uniquePrefix();
    const w = await buildUnitWorld(db, ctx.user, p);
    const check = async (step: string) => {
      expect(await db.query(CLOSURE_STORED, [p]), step).toEqual(await db.query(CLOSURE_FROM_SCRATCH, [p]));
      expect(await db.query(LINEAGE_STORED, [p]), step).toEqual(await db.query(LINEAGE_FROM_SCRATCH, [p]));
    };
    await check('built');
    await renameUnit(ctx, w.D, { effectiveDate: '2020-01-01', name: 'Thành phố Đổi Tên' });
    await check('rename');
    await moveUnit(ctx, w.A1, { effectiveDate: '2021-01-01', parentId: w.B });
    await check('move a village');
    await moveUnit(ctx, w.E, { effectiveDate: '2021-06-01', parentId: w.P });
    await check('move a commune with no children up');
    await createUnit(ctx, { code: `${p}E.01`, level: 'village', kind: 'Thôn', name: 'Thôn Mới', parentId: w.E, validFrom: '2022-01-01' });
    await check('create');
    await splitUnit(ctx, w.B, {
      effectiveDate: '2023-01-01',
      keepSource: true,
      into: [{ code: `${p}Bx`, level: 'commune', kind: 'Phường', name: 'Phường Tách', childIds: [w.B1] }],
    });
    await check('split');
    await mergeUnits(ctx, {
      effectiveDate: '2025-07-01',
      sources: [
        { unitId: w.A, part: 'full' },
        { unitId: w.B, part: 'full' },
      ],
      into: { create: { code: `${p}S`, level: 'commune', kind: 'Phường', name: 'Phường Sáp Nhập', parentId: w.P } },
    });
    await check('merge into a new unit');
    await dissolveUnit(ctx, w.E, { effectiveDate: '2026-01-01' }).catch(() => undefined); // refused while it has a village
    await check('dissolve refused or done');
  });
});
