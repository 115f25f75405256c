import { z } from 'zod';
import { HouseBuild } from '@contract/households';
import type { Db } from '../../db/db';
import { maskName } from './crypto';
import { inHistorySubtree } from './queries';

export const PublicHouse = z.object({ villageName: z.string(), name: z.string(), year: z.number().int(), build: HouseBuild, handedOverOn: z.string() });
export type PublicHouse = z.infer<typeof PublicHouse>;

/** Handed-over solidarity houses under a unit: at most a masked name and the village, nothing else personal. */
export async function publicHouses(db: Db, unitId: number): Promise<PublicHouse[]> {
  const rows = await db.query<{ village_name: string; head_name: string; year: number; build: 'new' | 'repair'; handed_over_on: string }>(
    `select (select v.name from unit_versions v where v.unit_id = h.unit_id and v.valid_from <= x.handed_over_on and x.handed_over_on < v.valid_to) as village_name,
            h.head_name, s.year, x.build, x.handed_over_on::text
       from household_houses x join household_supports s on s.id = x.support_id join households h on h.id = s.household_id
      where x.status = 'handed_over' and ${inHistorySubtree('$1::bigint', 'h.unit_id', 'x.handed_over_on')}
      order by x.handed_over_on desc limit 500`,
    [unitId],
  );
  return rows.map((r) => ({ villageName: r.village_name ?? '', name: maskName(r.head_name), year: r.year, build: r.build, handedOverOn: r.handed_over_on }));
}
