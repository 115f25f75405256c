import type { Db } from '../../db/db';
import type { Period } from './compute';

/**
 * Hook for "tasks for the next period" carried from records (directives and key tasks registered with
 * the Party committee, issue 13): return them as lines and every new draft prints them after the
 * tasks the user entered. Nothing is recorded for them yet, so nothing is carried.
 */
export async function carriedTasks(_db: Db, _unitId: number, _period: Period): Promise<string[]> {
  return [];
}
