import crypto from 'node:crypto';
import type { Db } from '../../db/db';
import type { CurrentUser } from '../../platform/access';
import { createUnit } from './service';

/** Test helpers for unit changes: a world built through the service with codes no other file uses. */

export const uniquePrefix = () => `T${crypto.randomBytes(3).toString('hex')}`;

/** Everything a unit change could have written, limited to this test's units and actor (the server database is shared). */
export async function footprint(db: Db, actor: CurrentUser, prefix: string) {
  const [r] = await db.query<Record<string, number>>(
    `with mine as (select id from units where code like $1 || '%')
     select (select count(*)::int from mine) as units,
            (select count(*)::int from unit_versions where unit_id in (select id from mine)) as versions,
            (select count(*)::int from unit_events where created_by = $2) as events,
            (select count(*)::int from unit_event_units eu join unit_events e on e.id = eu.event_id where e.created_by = $2) as event_units,
            (select count(*)::int from unit_lineage where predecessor_id in (select id from mine) or successor_id in (select id from mine)) as lineage,
            (select count(*)::int from audit_log where actor_id = $2) as audit`,
    [prefix, actor.id],
  );
  return r;
}

export type UnitWorld = Awaited<ReturnType<typeof buildUnitWorld>>;

/**
 * Province P > district D > communes A, B, E > villages A1, A2 (under A) and B1 (under B), all from
 * 2019-01-01, created through the service.
 */
export async function buildUnitWorld(db: Db, admin: CurrentUser, prefix: string) {
  const ctx = { db, user: admin };
  const make = async (code: string, level: 'province' | 'district' | 'commune' | 'village', name: string, parentId: number | null) =>
    (await createUnit(ctx, { code: `${prefix}${code}`, level, kind: level, name, parentId, validFrom: '2019-01-01' })).unitId;
  const P = await make('P', 'province', 'Tỉnh Thử Nghiệm', null);
  const D = await make('D', 'district', 'Thành phố Thử Nghiệm', P);
  const A = await make('A', 'commune', 'Phường Trần Phú Thử', D);
  const B = await make('B', 'commune', 'Phường Ngô Quyền Thử', D);
  const E = await make('E', 'commune', 'Xã Song Mai Thử', D);
  const A1 = await make('A.01', 'village', 'Tổ dân phố số 1', A);
  const A2 = await make('A.02', 'village', 'Tổ dân phố số 2', A);
  const B1 = await make('B.01', 'village', 'Tổ dân phố số 1', B);
  return { P, D, A, B, E, A1, A2, B1 };
}
