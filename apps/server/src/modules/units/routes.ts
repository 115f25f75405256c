import { z } from 'zod';
import { IdParams, IsoDate } from '@contract/common';
import { Unit, UnitDetail, UnitListQuery } from '@contract/units';
import type { App } from '../../platform/http';
import { ctxOf } from '../../platform/http';
import { assertUnitAccess, assertPermission } from '../../platform/access';
import type { Db } from '../../db/db';
import { defaultAsOf, getUnitDetail, listUnits, predecessorsOf, subtreeIds, successorsAt } from './queries';

const IdList = z.object({ ids: z.array(z.number().int()) });

export async function unitRoutes(app: App, db: Db): Promise<void> {
  app.get('/api/units', {
    schema: { tags: ['units'], querystring: UnitListQuery, response: { 200: z.array(Unit) } },
  }, async (req) => {
    const { user } = ctxOf(db, req);
    assertPermission(user, 'unit.read');
    if (req.query.parent !== undefined) await assertUnitAccess(db, user, 'unit.read', req.query.parent);
    return listUnits(db, user, req.query);
  });

  app.get('/api/units/:id', {
    schema: { tags: ['units'], params: IdParams, querystring: z.object({ asOf: IsoDate.optional() }), response: { 200: UnitDetail } },
  }, async (req) => {
    const { user } = ctxOf(db, req);
    await assertUnitAccess(db, user, 'unit.read', req.params.id);
    return getUnitDetail(db, req.params.id, req.query.asOf ?? defaultAsOf(user));
  });

  app.get('/api/units/:id/subtree', {
    schema: { tags: ['units'], params: IdParams, querystring: z.object({ asOf: IsoDate.optional() }), response: { 200: IdList } },
  }, async (req) => {
    const { user } = ctxOf(db, req);
    await assertUnitAccess(db, user, 'unit.read', req.params.id);
    return { ids: await subtreeIds(db, req.params.id, req.query.asOf ?? defaultAsOf(user)) };
  });

  app.get('/api/units/:id/lineage', {
    schema: {
      tags: ['units'], params: IdParams, querystring: z.object({ at: IsoDate.optional() }),
      response: { 200: z.object({ predecessors: z.array(z.number().int()), successorsAt: z.array(z.number().int()) }) },
    },
  }, async (req) => {
    const { user } = ctxOf(db, req);
    await assertUnitAccess(db, user, 'unit.read', req.params.id);
    const [predecessors, successors] = await Promise.all([
      predecessorsOf(db, req.params.id),
      successorsAt(db, req.params.id, req.query.at ?? defaultAsOf(user)),
    ]);
    return { predecessors, successorsAt: successors };
  });
}
