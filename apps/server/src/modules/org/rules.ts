import type { Permission } from '@contract/access';
import type { Db } from '../../db/db';
import { assertPermission, assertUnitAccess, type CurrentUser } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { findUnitFacts, isMemberOrgOf, type UnitFacts } from './queries-registry';

export type { UnitFacts };

/** Dates are 'YYYY-MM-DD' or 'infinity'; 'infinity' sorts after every digit, so string order is date order. */
export const endOf = (d: string | null | undefined) => d ?? 'infinity';

export async function unitFacts(db: Db, unitId: number): Promise<UnitFacts> {
  const u = await findUnitFacts(db, unitId);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  return u;
}

/** [from, to) must be a real period. */
export function assertPeriod(from: string, to: string): void {
  if (from >= to) throw new AppError('ORG_INVALID_PERIOD', { validFrom: from, validTo: to });
}

/** [from, to) must lie inside the unit's validity. */
export function assertInUnit(unit: UnitFacts, from: string, to: string): void {
  if (from < unit.valid_from || from >= unit.valid_to || to > unit.valid_to) {
    throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: unit.id, unitValidFrom: unit.valid_from, unitValidTo: unit.valid_to === 'infinity' ? null : unit.valid_to });
  }
}

/**
 * A second date of a fact already checked at its unit by the registrar (a member's start or end, a
 * moved start of a term): permission first (FORBIDDEN), then the unit and the date's validity
 *  (UNIT_NOT_FOUND, UNIT_NOT_VALID_AT_DATE), then scope (OUT_OF_SCOPE, UNIT_ENDED).
 */
export async function assertFactAccess(db: Db, user: CurrentUser, permission: Permission, unitId: number, date: string): Promise<UnitFacts> {
  assertPermission(user, permission);
  const unit = await unitValidAt(db, unitId, date);
  await assertUnitAccess(db, user, permission, unitId, date);
  return unit;
}

/** The unit of a fact must exist on the fact's date (access itself was checked by the registrar). */
export async function unitValidAt(db: Db, unitId: number, date: string): Promise<UnitFacts> {
  const unit = await unitFacts(db, unitId);
  if (date < unit.valid_from || date >= unit.valid_to) {
    throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId, date, unitValidFrom: unit.valid_from, unitValidTo: unit.valid_to === 'infinity' ? null : unit.valid_to });
  }
  return unit;
}

/** A member organisation given for a member must belong to the committee's unit. */
export async function assertMemberOrgAt(db: Db, memberOrgId: number | null | undefined, unitId: number): Promise<void> {
  if (memberOrgId == null) return;
  if (!(await isMemberOrgOf(db, memberOrgId, unitId))) throw new AppError('ORG_MEMBER_ORG_MISMATCH', { memberOrgId });
}
