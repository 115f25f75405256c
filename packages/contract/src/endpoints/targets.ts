import { z } from 'zod';
import { IdParams } from '../common';
import {
  Congress,
  CongressDetail,
  CongressListQuery,
  CreateCongress,
  MapQuery,
  MapResult,
  TargetDef,
  TargetInput,
  TargetNumberParams,
  TargetsQuery,
  TargetsResult,
  TargetUnitsQuery,
  TargetUnitsResult,
  TargetYearsQuery,
  TargetYearsResult,
  UpdateTarget,
} from '../targets';
import { SIGNED_IN, atBody, atOwnUnit, atQuery, atRecord, defineEndpoints } from '../endpoint';

/** Targets: progress (read with metric.read) and congress targets (managed with target.manage on the congress's first day). */
export const targetEndpoints = defineEndpoints('targets', {
  'GET /api/targets': { query: TargetsQuery, response: TargetsResult, access: atQuery('metric.read') },
  'GET /api/targets/years': { query: TargetYearsQuery, response: TargetYearsResult, access: atQuery('metric.read') },
  'GET /api/targets/map': { query: MapQuery, response: MapResult, access: atQuery('metric.read') },
  // The simplified commune boundaries (public data, but served to signed-in users with the dashboard).
  'GET /api/targets/map/shapes': { access: SIGNED_IN },
  'GET /api/targets/:number/units': { params: TargetNumberParams, query: TargetUnitsQuery, response: TargetUnitsResult, access: atQuery('metric.read') },

  // Without `unit`, the congresses around the user's own unit.
  'GET /api/target-congresses': { query: CongressListQuery, response: z.array(Congress), access: atQuery('metric.read', 'unit', { optional: true }) },
  // Readable in its unit's scope and by the units it set targets for (a ward reads its city's): the service decides.
  'GET /api/target-congresses/:id': { params: IdParams, response: CongressDetail, access: atOwnUnit('metric.read') },
  'POST /api/target-congresses': { body: CreateCongress, response: CongressDetail, access: atBody('target.manage', 'unitId', 'validFrom') },
  'POST /api/target-congresses/:id/targets': { params: IdParams, body: TargetInput, response: TargetDef, access: atRecord('target.manage', 'target_congress') },
  'PATCH /api/target-defs/:id': { params: IdParams, body: UpdateTarget, response: TargetDef, access: atRecord('target.manage', 'target_def') },
});
