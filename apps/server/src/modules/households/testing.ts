import type { Db } from '../../db/db';
import type { CurrentUser } from '../../platform/access';
import { createHousehold, createSupport } from './service';
import type { CreateHousehold, CreateSupport } from '@contract/households';

/** Registers a household through the service (duplicates confirmed) and returns its id. */
export async function addHousehold(db: Db, user: CurrentUser, input: Partial<CreateHousehold> & { unitId: number; headName: string }): Promise<number> {
  const h = await createHousehold({ db, user }, { confirmDuplicates: true, ...input });
  return h.id;
}

export async function addSupport(db: Db, user: CurrentUser, input: CreateSupport): Promise<number> {
  const s = await createSupport({ db, user }, { confirmDuplicates: true, ...input });
  return s.id;
}

/** Row counts of the module's tables for households in these villages: refused input must leave them unchanged. */
export async function householdFootprint(db: Db, villageIds: number[]): Promise<Record<string, number>> {
  const [r] = await db.query<Record<string, number>>(
    `with h as (select id from households where unit_id = any($1::bigint[]))
     select (select count(*)::int from h) as households,
            (select count(*)::int from household_members where household_id in (select id from h)) as members,
            (select count(*)::int from household_classifications where household_id in (select id from h)) as classifications,
            (select count(*)::int from household_supports where household_id in (select id from h)) as supports`,
    [villageIds],
  );
  return r;
}
