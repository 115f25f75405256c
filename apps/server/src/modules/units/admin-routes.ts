import { IdParams } from '@contract/common';
import {
  CreateUnit, DissolveUnit, ImportSummary, ImportUnits, MergeUnits, MoveUnit, RenameUnit, SplitUnit, UnitChangeResult,
} from '@contract/units';
import type { Db } from '../../db/db';
import { assertPermission } from '../../platform/access';
import { ctxOf, type App } from '../../platform/http';
import { importUnits, UNIT_TABLES } from './import';
import { refreshStatistics } from '../../platform/statistics';
import { createUnit, dissolveUnit, mergeUnits, moveUnit, renameUnit, splitUnit } from './service';

/** Changes to the hierarchy and the imports of real data: administrators only ('unit.manage'). */
export async function unitAdminRoutes(app: App, db: Db): Promise<void> {
  const tags = ['units'];
  const result = { 200: UnitChangeResult };
  app.post('/api/units', { schema: { tags, body: CreateUnit, response: result } },
    async (req) => createUnit(ctxOf(db, req), req.body));
  app.post('/api/units/:id/rename', { schema: { tags, params: IdParams, body: RenameUnit, response: result } },
    async (req) => renameUnit(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/units/:id/move', { schema: { tags, params: IdParams, body: MoveUnit, response: result } },
    async (req) => moveUnit(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/units/merge', { schema: { tags, body: MergeUnits, response: result } },
    async (req) => mergeUnits(ctxOf(db, req), req.body));
  app.post('/api/units/:id/split', { schema: { tags, params: IdParams, body: SplitUnit, response: result } },
    async (req) => splitUnit(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/units/:id/dissolve', { schema: { tags, params: IdParams, body: DissolveUnit, response: result } },
    async (req) => dissolveUnit(ctxOf(db, req), req.params.id, req.body));

  app.post('/api/units/import', { schema: { tags, body: ImportUnits, response: { 200: ImportSummary } } }, async (req) => {
    const { user } = ctxOf(db, req);
    assertPermission(user, 'unit.manage');
    const summary = await db.tx((tx) => importUnits(tx, user, req.body));
    await refreshStatistics(db, UNIT_TABLES);
    return summary;
  });
}
