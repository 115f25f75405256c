import type { WardPage } from '@contract/portal';
import type { Db } from '../../db/db';
import { unitNameAt } from '../petitions/queries';

/** The current ward or commune with this code, with its province's name today. */
export async function wardByCode(db: Db, code: string, on: string) {
  const [u] = await db.query<{ id: number; name: string; parent_name: string | null }>(
    `select u.id, ${unitNameAt('u.id', '$2::date')} as name,
            (select ${unitNameAt('pv.parent_id', '$2::date')} from unit_versions pv
              where pv.unit_id = u.id and pv.valid_from <= $2::date and $2::date < pv.valid_to) as parent_name
       from units u where u.code = $1 and u.level = 'commune' and u.valid_from <= $2::date and $2::date < u.valid_to`,
    [code, on],
  );
  return u ?? null;
}

/** The standing members of the ward's Front committee on a date: public office holders, names and positions only. */
export function standingCommittee(db: Db, unitId: number, on: string): Promise<WardPage['committee']> {
  return db.query(
    `select m.position, m.person_name as name from org_committees c join org_members m on m.committee_id = c.id
      where c.unit_id = $1 and c.kind = 'front_committee' and c.valid_from <= $2::date and $2::date < c.valid_to
        and m.valid_from <= $2::date and $2::date < m.valid_to and m.position in ('chair', 'vice_chair', 'standing_member')
      order by array_position(array['chair', 'vice_chair', 'standing_member'], m.position), m.person_name`,
    [unitId, on],
  );
}

/** Public campaigns of the ward, of the units above it, and of the units whose history rolls into it; newest first. */
export function wardCampaigns(db: Db, unitId: number, on: string): Promise<WardPage['campaigns']> {
  return db.query(
    `select c.id, c.name, ${unitNameAt('c.unit_id', 'c.receive_from')} as "unitName", c.receive_from as "receiveFrom",
            c.receive_to as "receiveTo", (c.receive_from <= $2::date and $2::date <= c.receive_to) as open
       from fund_campaigns c
      where c.is_public and (c.unit_id in (select ancestor_id from unit_closure where descendant_id = $1 and valid_from <= $2::date and $2::date < valid_to)
                             or c.unit_id in (select predecessor_id from unit_lineage_closure where successor_id = $1))
      order by open desc, c.receive_from desc, c.id desc limit 30`,
    [unitId, on],
  );
}
