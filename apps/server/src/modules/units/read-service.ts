import type { ImportSummary, ImportUnits, Unit, UnitDetail, UnitListQuery } from '@contract/units';
import type { Ctx } from '../../platform/access';
import { refreshStatistics } from '../../platform/statistics';
import { importUnits, UNIT_TABLES } from './import';
import { defaultAsOf, getUnitDetail, listUnits, predecessorsOf, subtreeIds, successorsAt } from './queries';

/*
 * Reading the unit tree through time (unit.read at the unit named, checked by the registrar; lists are
 * scoped in SQL) and importing the real data sets (unit.manage). Dates default to today, or to the last
 * day of the user's own unit if it has ended.
 */

export function findUnits({ db, user }: Ctx, q: UnitListQuery): Promise<Unit[]> {
  return listUnits(db, user, q);
}

export function readUnit({ db, user }: Ctx, id: number, asOf?: string): Promise<UnitDetail> {
  return getUnitDetail(db, id, asOf ?? defaultAsOf(user));
}

export async function readSubtree({ db, user }: Ctx, id: number, asOf?: string): Promise<{ ids: number[] }> {
  return { ids: await subtreeIds(db, id, asOf ?? defaultAsOf(user)) };
}

export async function readLineage({ db, user }: Ctx, id: number, at?: string): Promise<{ predecessors: number[]; successorsAt: number[] }> {
  const [predecessors, successors] = await Promise.all([predecessorsOf(db, id), successorsAt(db, id, at ?? defaultAsOf(user))]);
  return { predecessors, successorsAt: successors };
}

/** One transaction for the data set; the planner's statistics are refreshed after (large tables change). */
export async function importUnitData({ db, user }: Ctx, input: ImportUnits): Promise<ImportSummary> {
  const summary = await db.tx((tx) => importUnits(tx, user, input));
  await refreshStatistics(db, UNIT_TABLES);
  return summary;
}
