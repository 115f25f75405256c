import { unitsEndpoints } from '@contract/endpoints/units';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import { findUnits, importUnitData, readLineage, readSubtree, readUnit } from './read-service';
import { createUnit, dissolveUnit, mergeUnits, moveUnit, renameUnit, splitUnit } from './service';

/** The administrative units through time: read in scope; changed and imported by administrators. */
export const unitsModule = defineModule({
  name: 'units',
  endpoints: bind(unitsEndpoints, {
    'GET /api/units': (ctx, { query }) => findUnits(ctx, query),
    'GET /api/units/:id': (ctx, { params, query }) => readUnit(ctx, params.id, query.asOf),
    'GET /api/units/:id/subtree': (ctx, { params, query }) => readSubtree(ctx, params.id, query.asOf),
    'GET /api/units/:id/lineage': (ctx, { params, query }) => readLineage(ctx, params.id, query.at),

    'POST /api/units': (ctx, { body }) => createUnit(ctx, body),
    'POST /api/units/:id/rename': (ctx, { params, body }) => renameUnit(ctx, params.id, body),
    'POST /api/units/:id/move': (ctx, { params, body }) => moveUnit(ctx, params.id, body),
    'POST /api/units/merge': (ctx, { body }) => mergeUnits(ctx, body),
    'POST /api/units/:id/split': (ctx, { params, body }) => splitUnit(ctx, params.id, body),
    'POST /api/units/:id/dissolve': (ctx, { params, body }) => dissolveUnit(ctx, params.id, body),
    'POST /api/units/import': (ctx, { body }) => importUnitData(ctx, body),
  }),
});
