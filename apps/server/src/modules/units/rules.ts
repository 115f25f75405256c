import type { UnitLevel } from '@contract/units';
import type { z } from 'zod';
import type { Db } from '../../db/db';
import { AppError } from '../../platform/errors';
import type { UnitPlan, UnitRef } from './store';
import { childIdsOn, codeHolder, isUnderAfter, laterChild, unitRowsByIds, versionsOf } from './queries';

/** The rules every unit change obeys; each failure is a stable AppError code, thrown before anything is written. */

export type VersionRow = { name: string; parent_id: number | null; valid_from: string; valid_to: string };
export type LoadedUnit = {
  id: number;
  code: string;
  level: UnitLevel;
  kind: string;
  province_code: string | null;
  valid_from: string;
  valid_to: string;
  versions: VersionRow[];
};

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success)
    throw new AppError(
      'VALIDATION',
      r.error.issues.map((i) => ({ path: '/' + i.path.join('/'), message: i.message })),
    );
  return r.data;
}

/** Loads units with their versions; `lock` serialises concurrent changes to the same units. */
export async function loadUnits(tx: Db, ids: number[], lock = false): Promise<LoadedUnit[]> {
  if (!ids.length) return [];
  const units = await unitRowsByIds(tx, ids, lock);
  const found = new Set(units.map((u) => u.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('UNIT_NOT_FOUND', { unitIds: missing });
  const versions = await versionsOf(tx, ids);
  const byId = new Map(units.map((u) => [u.id, { ...u, versions: [] as VersionRow[] }]));
  for (const v of versions) byId.get(v.unit_id)!.versions.push({ name: v.name, parent_id: v.parent_id, valid_from: v.valid_from, valid_to: v.valid_to });
  return ids.map((id) => byId.get(id)!);
}

export async function loadUnit(tx: Db, id: number, lock = false): Promise<LoadedUnit> {
  return (await loadUnits(tx, [id], lock))[0];
}

export const isValidOn = (u: { valid_from: string; valid_to: string }, date: string) => u.valid_from <= date && date < u.valid_to;

export function versionAt(u: LoadedUnit, date: string): VersionRow | undefined {
  return u.versions.find((v) => isValidOn(v, date));
}

/**
 * A change to `u` on `date`: the unit must be valid then, and changes are recorded in date order.
 * `ending` changes also need the unit to have begun before the date (valid_from < valid_to).
 */
export function assertChangeable(u: LoadedUnit, date: string, ending = false): VersionRow {
  if (!isValidOn(u, date)) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: u.id, date, validFrom: u.valid_from, validTo: u.valid_to });
  if (ending && date <= u.valid_from) throw new AppError('UNIT_VALIDITY_OVERLAP', { unitId: u.id, validFrom: u.valid_from, validTo: date });
  const last = u.versions[u.versions.length - 1];
  if (last.valid_from > date || (ending && last.valid_from === date)) {
    throw new AppError('UNIT_LATER_CHANGE_EXISTS', { unitId: u.id, date, lastChange: last.valid_from });
  }
  return versionAt(u, date)!;
}

const RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, village: 3 };

/** province > district > commune > village; a commune may sit directly under a province (two-level government). */
export function assertLevelFits(level: UnitLevel, parentLevel: UnitLevel | null): void {
  const fits = parentLevel === null ? level === 'province' : RANK[parentLevel] === RANK[level] - 1 || (level === 'commune' && parentLevel === 'province');
  if (!fits) throw new AppError('UNIT_LEVEL_MISMATCH', { level, parentLevel });
}

/** The parent a unit of `level` may take on `date`; null for a province. */
export async function checkParent(tx: Db, level: UnitLevel, parentId: number | null | undefined, date: string): Promise<LoadedUnit | null> {
  if (parentId === null || parentId === undefined) {
    assertLevelFits(level, null);
    return null;
  }
  const parent = await loadUnit(tx, parentId);
  assertLevelFits(level, parent.level);
  if (!isValidOn(parent, date)) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: parent.id, date, validFrom: parent.valid_from, validTo: parent.valid_to });
  return parent;
}

/** Moving `unitId` under `parentId` from `date` must not put a unit inside its own subtree. */
export async function assertNoCycle(tx: Db, unitId: number, parentId: number, date: string): Promise<void> {
  if (unitId === parentId) throw new AppError('UNIT_CYCLE', { unitId, parentId });
  if (await isUnderAfter(tx, unitId, parentId, date)) throw new AppError('UNIT_CYCLE', { unitId, parentId });
}

/**
 * Codes are reused over time (07210 was Phường Hoàng Văn Thụ and is Phường Bắc Giang from 2025-07-01),
 * so a code is unique only among units of one level whose validity overlaps. Units ending on the
 * change's date (`ending`) no longer overlap.
 */
export async function assertCodeFree(tx: Db, code: string, level: UnitLevel, validFrom: string, validTo: string, ending: number[] = []): Promise<void> {
  const holder = await codeHolder(tx, code, level, validFrom, validTo, ending);
  if (holder) throw new AppError('UNIT_CODE_DUPLICATE', { code, level, existingUnitId: holder.id });
}

/** Subordinate units of `parentId` on `date`; any child placed under it after the date blocks the change. */
export async function childrenOn(tx: Db, parentId: number, date: string): Promise<LoadedUnit[]> {
  const later = await laterChild(tx, parentId, date);
  if (later !== undefined) throw new AppError('UNIT_LATER_CHANGE_EXISTS', { unitId: later, date });
  return loadUnits(tx, await childIdsOn(tx, parentId, date), true);
}

/**
 * Records a new name and/or parent from `date`: the version holding `date` is cut there and a new
 * one takes over until that version's end (or, if it starts on `date`, changes in place).
 */
export function changeVersion(plan: UnitPlan, u: LoadedUnit, date: string, patch: { name?: string; parent?: UnitRef }): void {
  const v = versionAt(u, date)!;
  if (v.valid_from === date) {
    plan.patches.push({ unitId: u.id, validFrom: date, name: patch.name, parent: patch.parent });
    return;
  }
  plan.cuts.push({ unitId: u.id, date });
  plan.versions.push({
    unit: u.id,
    name: patch.name ?? v.name,
    parent: patch.parent !== undefined ? patch.parent : v.parent_id,
    validFrom: date,
    validTo: v.valid_to,
  });
}

/** What the audit trail keeps of a unit before and after a change. */
export function snapshot(u: LoadedUnit) {
  return {
    id: u.id,
    code: u.code,
    level: u.level,
    kind: u.kind,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    versions: u.versions.map((v) => ({ name: v.name, parentId: v.parent_id, validFrom: v.valid_from, validTo: v.valid_to })),
  };
}
