import { targetEndpoints } from '@contract/endpoints/targets';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import { mapShapes } from './map-shapes';
import {
  addTarget,
  createCongress,
  getCongress,
  listCongresses,
  locateCongress,
  locateTarget,
  targetMap,
  targetsOverview,
  targetUnits,
  targetYears,
  updateTarget,
} from './service';

/** The targets module's handlers: progress (metric.read) and congress targets (target.manage). */
const targetHandlers = bind(targetEndpoints, {
  'GET /api/targets': (ctx, { query }) => targetsOverview(ctx, query),
  'GET /api/targets/years': (ctx, { query }) => targetYears(ctx, query),
  'GET /api/targets/map': (ctx, { query }) => targetMap(ctx, query),
  'GET /api/targets/map/shapes': (_ctx, _input, { reply }) => {
    reply.header('cache-control', 'private, max-age=86400').type('application/geo+json');
    return mapShapes();
  },
  'GET /api/targets/:number/units': (ctx, { params, query }) => targetUnits(ctx, { ...query, number: params.number }),
  'GET /api/target-congresses': (ctx, { query }) => listCongresses(ctx, query),
  'GET /api/target-congresses/:id': (ctx, { params }) => getCongress(ctx, params),
  'POST /api/target-congresses': (ctx, { body }) => createCongress(ctx, body),
  'POST /api/target-congresses/:id/targets': (ctx, { params, body }) => addTarget(ctx, { congressId: params.id, target: body }),
  'PATCH /api/target-defs/:id': (ctx, { params, body }) => updateTarget(ctx, { id: params.id, change: body }),
});

/** Congress targets and their progress (README "Adding a module"). */
export const targetsModule = defineModule({
  name: 'targets',
  endpoints: targetHandlers,
  locators: { target_congress: locateCongress, target_def: locateTarget },
});
