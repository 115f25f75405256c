import { CreateUnit, DissolveUnit, MergeUnits, MoveUnit, RenameUnit, SplitUnit, type UnitChangeResult, type UnitEventKind } from '@contract/units';
import type { Db } from '../../db/db';
import type { Ctx, CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertChangeable, assertCodeFree, assertNoCycle, changeVersion, checkParent, childrenOn, loadUnit, loadUnits, parseInput, snapshot, type LoadedUnit } from './rules';
import { INFINITY, UnitPlan, lockUnitChanges, refreshClosure, touchedUnitIds, writePlan, type UnitRef } from './store';
import { childrenFrom, hasLineage } from './queries';

/**
 * Changes to the unit hierarchy ('unit.manage', checked by the registrar), each in one transaction:
 * validate (nothing written on refusal), write the plan, one audit row per unit touched plus one for the
 * event, then rebuild the closure.
 */

type Basis = { legalBasis?: string; note?: string };
const basis = (b: Basis) => ({ legalBasis: b.legalBasis ?? null, note: b.note ?? null });

async function commit(
  tx: Db,
  actor: CurrentUser | null,
  plan: UnitPlan,
  action: UnitEventKind,
  primary: UnitRef,
  touched: UnitRef[],
  before: LoadedUnit[],
): Promise<UnitChangeResult> {
  const written = await writePlan(tx, plan, actor?.id ?? null);
  const { ids, eventIds } = written;
  await refreshClosure(tx, touchedUnitIds(plan, written));
  const resolve = (r: UnitRef) => (typeof r === 'number' ? r : ids.get(r)!);
  const affected = [...new Set(touched.map(resolve))];
  const beforeById = new Map(before.map((u) => [u.id, u]));
  const after = await loadUnits(tx, affected);
  for (const u of after) {
    const b = beforeById.get(u.id);
    await audit(tx, actor, { action, entity: 'unit', entityId: u.id, unitId: u.id, before: b ? snapshot(b) : undefined, after: snapshot(u) });
  }
  for (const [i, e] of plan.events.entries()) {
    await audit(tx, actor, {
      action: 'create',
      entity: 'unit_event',
      entityId: eventIds[i],
      unitId: resolve(primary),
      after: { kind: e.kind, effectiveDate: e.date, legalBasis: e.legalBasis ?? null, note: e.note ?? null, units: e.units.map((x) => ({ ...x, unit: resolve(x.unit) })) },
    });
  }
  return { eventId: eventIds[0], unitId: resolve(primary), affectedUnitIds: affected };
}

/** Hands the children of `from` (on `date`) to `to`, each with its own 'move' event. */
function handOver(plan: UnitPlan, children: LoadedUnit[], to: UnitRef, date: string, b: Basis, note: string): void {
  for (const c of children) {
    changeVersion(plan, c, date, { parent: to });
    plan.addEvent({ kind: 'move', date, legalBasis: b.legalBasis ?? null, note, units: [{ unit: c.id, role: 'subject' }] });
  }
}

export async function createUnit({ db, user }: Ctx, raw: unknown): Promise<UnitChangeResult> {
  const input = parseInput(CreateUnit, raw);
  const validTo = input.validTo ?? INFINITY;
  if (input.validFrom >= validTo) throw new AppError('UNIT_VALIDITY_OVERLAP', { validFrom: input.validFrom, validTo });
  return db.tx(async (tx) => {
    await lockUnitChanges(tx);
    const parent = await checkParent(tx, input.level, input.parentId, input.validFrom);
    await assertCodeFree(tx, input.code, input.level, input.validFrom, validTo);
    const plan = new UnitPlan();
    const key = plan.addUnit(
      { key: 'new', code: input.code, level: input.level, kind: input.kind, provinceCode: parent ? parent.province_code : input.code, validFrom: input.validFrom, validTo },
      [{ name: input.name, parent: parent?.id ?? null, validFrom: input.validFrom, validTo }],
    );
    plan.addEvent({ kind: 'create', date: input.validFrom, ...basis(input), units: [{ unit: key, role: 'subject' }] });
    return commit(tx, user, plan, 'create', key, [key], []);
  });
}

export async function renameUnit({ db, user }: Ctx, id: number, raw: unknown): Promise<UnitChangeResult> {
  const input = parseInput(RenameUnit, raw);
  return db.tx(async (tx) => {
    await lockUnitChanges(tx);
    const u = await loadUnit(tx, id, true);
    const v = assertChangeable(u, input.effectiveDate);
    if (v.name === input.name && (!input.kind || input.kind === u.kind)) {
      throw new AppError('VALIDATION', [{ path: '/name', message: 'unchanged' }]);
    }
    const plan = new UnitPlan();
    changeVersion(plan, u, input.effectiveDate, { name: input.name });
    if (input.kind && input.kind !== u.kind) plan.kinds.push({ unitId: u.id, kind: input.kind });
    plan.addEvent({ kind: 'rename', date: input.effectiveDate, ...basis(input), units: [{ unit: u.id, role: 'subject' }] });
    return commit(tx, user, plan, 'rename', u.id, [u.id], [u]);
  });
}

export async function moveUnit({ db, user }: Ctx, id: number, raw: unknown): Promise<UnitChangeResult> {
  const input = parseInput(MoveUnit, raw);
  return db.tx(async (tx) => {
    await lockUnitChanges(tx);
    const u = await loadUnit(tx, id, true);
    const v = assertChangeable(u, input.effectiveDate);
    await assertNoCycle(tx, u.id, input.parentId, input.effectiveDate);
    await checkParent(tx, u.level, input.parentId, input.effectiveDate);
    if (v.parent_id === input.parentId) throw new AppError('VALIDATION', [{ path: '/parentId', message: 'unchanged' }]);
    const plan = new UnitPlan();
    changeVersion(plan, u, input.effectiveDate, { parent: input.parentId });
    plan.addEvent({ kind: 'move', date: input.effectiveDate, ...basis(input), units: [{ unit: u.id, role: 'subject' }] });
    return commit(tx, user, plan, 'move', u.id, [u.id], [u]);
  });
}

export async function mergeUnits({ db, user }: Ctx, raw: unknown): Promise<UnitChangeResult> {
  const input = parseInput(MergeUnits, raw);
  const date = input.effectiveDate;
  const sourceIds = input.sources.map((s) => s.unitId);
  if (new Set(sourceIds).size !== sourceIds.length) throw new AppError('VALIDATION', [{ path: '/sources', message: 'duplicate unit' }]);
  return db.tx(async (tx) => {
    await lockUnitChanges(tx);
    const sources = await loadUnits(tx, sourceIds, true);
    const full = new Set(input.sources.filter((s) => s.part === 'full').map((s) => s.unitId));
    for (const s of sources) assertChangeable(s, date, full.has(s.id));
    const level = sources[0].level;
    if (sources.some((s) => s.level !== level)) throw new AppError('UNIT_LEVEL_MISMATCH', { levels: sources.map((s) => s.level) });

    const plan = new UnitPlan();
    let target: UnitRef;
    const before: LoadedUnit[] = [...sources];
    if ('unitId' in input.into) {
      if (full.has(input.into.unitId) || sourceIds.includes(input.into.unitId)) {
        throw new AppError('VALIDATION', [{ path: '/into/unitId', message: 'a unit cannot merge into itself' }]);
      }
      const t = await loadUnit(tx, input.into.unitId, true);
      assertChangeable(t, date);
      if (t.level !== level) throw new AppError('UNIT_LEVEL_MISMATCH', { level: t.level, sourceLevel: level });
      if (await hasLineage(tx, t.id, sourceIds)) throw new AppError('CONFLICT', { message: 'already merged' });
      before.push(t);
      target = t.id;
    } else {
      const spec = input.into.create;
      if (spec.level !== level) throw new AppError('UNIT_LEVEL_MISMATCH', { level: spec.level, sourceLevel: level });
      const parent = await checkParent(tx, spec.level, spec.parentId, date);
      await assertCodeFree(tx, spec.code, spec.level, date, INFINITY, [...full]);
      target = plan.addUnit(
        { key: 'target', code: spec.code, level: spec.level, kind: spec.kind, provinceCode: parent ? parent.province_code : spec.code, validFrom: date, validTo: INFINITY },
        [{ name: spec.name, parent: parent?.id ?? null, validFrom: date, validTo: INFINITY }],
      );
    }
    const moved: LoadedUnit[] = [];
    for (const s of sources.filter((x) => full.has(x.id))) moved.push(...(await childrenOn(tx, s.id, date)));
    plan.addEvent({
      kind: 'merge',
      date,
      ...basis(input),
      units: [...input.sources.map((s) => ({ unit: s.unitId, role: 'from' as const, part: s.part })), { unit: target, role: 'to' }],
      lineage: input.sources.map((s) => ({ from: s.unitId, to: target, part: s.part })),
    });
    for (const id of full) plan.ends.push({ unitId: id, date });
    handOver(plan, moved, target, date, input, 'Chuyển theo sáp nhập đơn vị cấp trên / moved with the merger of its parent');
    before.push(...moved);
    return commit(tx, user, plan, 'merge', target, [target, ...sourceIds, ...moved.map((m) => m.id)], before);
  });
}

export async function splitUnit({ db, user }: Ctx, id: number, raw: unknown): Promise<UnitChangeResult> {
  const input = parseInput(SplitUnit, raw);
  const date = input.effectiveDate;
  const codes = input.into.map((n) => `${n.level}:${n.code}`);
  if (new Set(codes).size !== codes.length) throw new AppError('UNIT_CODE_DUPLICATE', { codes });
  return db.tx(async (tx) => {
    await lockUnitChanges(tx);
    const src = await loadUnit(tx, id, true);
    const v = assertChangeable(src, date, !input.keepSource);
    const children = await childrenOn(tx, src.id, date);
    const childIds = new Set(children.map((c) => c.id));
    const assigned = input.into.flatMap((n) => n.childIds);
    if (new Set(assigned).size !== assigned.length || assigned.some((c) => !childIds.has(c))) {
      throw new AppError('VALIDATION', [{ path: '/into/childIds', message: 'each child must be a subordinate unit of the source, given once' }]);
    }
    if (!input.keepSource && assigned.length !== children.length) {
      throw new AppError('UNIT_HAS_CHILDREN', { unassigned: children.filter((c) => !assigned.includes(c.id)).map((c) => c.id) });
    }
    const plan = new UnitPlan();
    const keys: string[] = [];
    for (const [i, n] of input.into.entries()) {
      if (n.level !== src.level) throw new AppError('UNIT_LEVEL_MISMATCH', { level: n.level, sourceLevel: src.level });
      const parent = await checkParent(tx, n.level, n.parentId === undefined ? v.parent_id : n.parentId, date);
      await assertCodeFree(tx, n.code, n.level, date, INFINITY, input.keepSource ? [] : [src.id]);
      keys.push(
        plan.addUnit({ key: `new${i}`, code: n.code, level: n.level, kind: n.kind, provinceCode: parent ? parent.province_code : n.code, validFrom: date, validTo: INFINITY }, [
          { name: n.name, parent: parent?.id ?? null, validFrom: date, validTo: INFINITY },
        ]),
      );
    }
    plan.addEvent({
      kind: 'split',
      date,
      ...basis(input),
      units: [{ unit: src.id, role: 'from', part: 'partial' }, ...keys.map((k) => ({ unit: k, role: 'to' as const }))],
      lineage: keys.map((k) => ({ from: src.id, to: k, part: 'partial' as const })),
    });
    if (!input.keepSource) plan.ends.push({ unitId: src.id, date });
    const moved: LoadedUnit[] = [];
    for (const [i, n] of input.into.entries()) {
      const kids = children.filter((c) => n.childIds.includes(c.id));
      handOver(plan, kids, keys[i], date, input, 'Chuyển theo chia tách đơn vị cấp trên / moved with the split of its parent');
      moved.push(...kids);
    }
    return commit(tx, user, plan, 'split', keys[0], [...keys, src.id, ...moved.map((m) => m.id)], [src, ...moved]);
  });
}

export async function dissolveUnit({ db, user }: Ctx, id: number, raw: unknown): Promise<UnitChangeResult> {
  const input = parseInput(DissolveUnit, raw);
  return db.tx(async (tx) => {
    await lockUnitChanges(tx);
    const u = await loadUnit(tx, id, true);
    assertChangeable(u, input.effectiveDate, true);
    const kids = await childrenFrom(tx, u.id, input.effectiveDate);
    if (kids.length) throw new AppError('UNIT_HAS_CHILDREN', { unitIds: kids });
    const plan = new UnitPlan();
    plan.ends.push({ unitId: u.id, date: input.effectiveDate });
    plan.addEvent({ kind: 'dissolve', date: input.effectiveDate, ...basis(input), units: [{ unit: u.id, role: 'subject' }] });
    return commit(tx, user, plan, 'dissolve', u.id, [u.id], [u]);
  });
}
