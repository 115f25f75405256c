import type { PublicHouse } from '@contract/households';
import type { PublicCtx } from '../../platform/endpoints';
import { maskName } from './crypto';
import { handedOverHouses } from './queries';

/** Handed-over solidarity houses under a unit: at most a masked name and the village, nothing else personal. */
export async function publicHouses(ctx: Pick<PublicCtx, 'db'>, q: { unit: number }): Promise<PublicHouse[]> {
  const rows = await handedOverHouses(ctx.db, q.unit);
  return rows.map((r) => ({ villageName: r.village_name ?? '', name: maskName(r.head_name), year: r.year, build: r.build, handedOverOn: r.handed_over_on }));
}
