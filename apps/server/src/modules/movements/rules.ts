import type { UnitLevel } from '@contract/units';
import type { Db } from '../../db/db';
import { today } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { findUnitOn } from './queries';

/**
 * A fact's date: not in the future and within the life of its unit; `levels` are where it may be
 * recorded (a Solidarity Day in a village, a ward's standard at a ward). Returns the unit's level.
 */
export async function assertFact(db: Db, unitId: number, date: string, levels?: readonly UnitLevel[]): Promise<UnitLevel> {
  if (date > today()) throw new AppError('MOVEMENT_DATE_INVALID', { date });
  const u = await findUnitOn(db, unitId, date);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  if (!u.ok) throw new AppError('MOVEMENT_DATE_INVALID', { date });
  if (levels && !levels.includes(u.level)) throw new AppError('MOVEMENT_LEVEL_INVALID', { level: u.level });
  return u.level;
}

/**
 * The survey's result: the share satisfied and its margin of error at 95% confidence (normal
 * approximation, 1.96·√(p(1−p)/n)), in percent with one decimal; none without answers.
 */
export function surveyRate(satisfied: number, n: number): { ratePct: number | null; marginPct: number | null } {
  if (n === 0) return { ratePct: null, marginPct: null };
  const p = satisfied / n;
  const round = (x: number) => Math.round(x * 1000) / 10;
  return { ratePct: round(p), marginPct: round(1.96 * Math.sqrt((p * (1 - p)) / n)) };
}

/** A household code as printed on the invitation, normalised: upper case, letters and digits only. */
export function normaliseHouseholdCode(code: string): string {
  const c = code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_./]/g, '');
  if (!/^[A-Z0-9]{4,20}$/.test(c)) throw new AppError('SURVEY_HOUSEHOLD_CODE_INVALID');
  return c;
}
