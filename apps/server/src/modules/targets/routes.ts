import { z } from 'zod';
import { IdParams } from '@contract/common';
import {
  CongressDetail, CongressListQuery, Congress, CreateCongress, MapQuery, MapResult, TargetDef, TargetInput, TargetsQuery, TargetsResult,
  TargetUnitsQuery, TargetUnitsResult, TargetYearsQuery, TargetYearsResult,
} from '@contract/targets';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { mapShapes } from './map-shapes';
import {
  addTarget, createCongress, getCongress, listCongresses, targetMap, targetsOverview, targetUnits, targetYears, updateTarget,
} from './service';

/** The targets module's routes: progress (read with metric.read) and congress targets (target.manage). */
export async function targetRoutes(app: App, db: Db): Promise<void> {
  const tags = ['targets'];
  app.get('/api/targets', { schema: { tags, querystring: TargetsQuery, response: { 200: TargetsResult } } },
    async (req) => targetsOverview(ctxOf(db, req), req.query));
  app.get('/api/targets/years', { schema: { tags, querystring: TargetYearsQuery, response: { 200: TargetYearsResult } } },
    async (req) => targetYears(ctxOf(db, req), req.query));
  app.get('/api/targets/map', { schema: { tags, querystring: MapQuery, response: { 200: MapResult } } },
    async (req) => targetMap(ctxOf(db, req), req.query));
  // The simplified commune boundaries (public data, but served to signed-in users with the dashboard).
  app.get('/api/targets/map/shapes', { schema: { tags } }, async (req, reply) => {
    ctxOf(db, req);
    reply.header('cache-control', 'private, max-age=86400').type('application/geo+json');
    return mapShapes();
  });
  app.get('/api/targets/:number/units', {
    schema: { tags, params: z.object({ number: z.coerce.number().int().min(1).max(99) }), querystring: TargetUnitsQuery, response: { 200: TargetUnitsResult } },
  }, async (req) => targetUnits(ctxOf(db, req), req.params.number, req.query));

  app.get('/api/target-congresses', { schema: { tags, querystring: CongressListQuery, response: { 200: z.array(Congress) } } }, async (req) => {
    const ctx = ctxOf(db, req);
    const unit = req.query.unit ?? ctx.user.unitId;
    if (!unit) throw new AppError('VALIDATION', [{ path: '/unit', message: 'required' }]);
    return listCongresses(ctx, unit);
  });
  app.get('/api/target-congresses/:id', { schema: { tags, params: IdParams, response: { 200: CongressDetail } } },
    async (req) => getCongress(ctxOf(db, req), req.params.id));
  app.post('/api/target-congresses', { schema: { tags, body: CreateCongress, response: { 200: CongressDetail } } },
    async (req) => createCongress(ctxOf(db, req), req.body));
  app.post('/api/target-congresses/:id/targets', { schema: { tags, params: IdParams, body: TargetInput, response: { 200: TargetDef } } },
    async (req) => addTarget(ctxOf(db, req), req.params.id, req.body));
  app.patch('/api/target-defs/:id', {
    schema: { tags, params: IdParams, body: TargetInput.pick({ title: true, measures: true }).partial(), response: { 200: TargetDef } },
  }, async (req) => updateTarget(ctxOf(db, req), req.params.id, req.body));
}
