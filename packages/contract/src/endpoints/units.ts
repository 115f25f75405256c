import { z } from 'zod';
import { IdParams } from '../common';
import {
  CreateUnit,
  DissolveUnit,
  ImportSummary,
  ImportUnits,
  MergeUnits,
  MoveUnit,
  RenameUnit,
  SplitUnit,
  Unit,
  UnitAsOfQuery,
  UnitChangeResult,
  UnitDetail,
  UnitIdList,
  UnitLineage,
  UnitLineageQuery,
  UnitListQuery,
} from '../units';
import { anyUnit, atParam, atQuery, defineEndpoints } from '../endpoint';

/** The unit tree through time: read in the user's scope; changed and imported by administrators only. */
export const unitsEndpoints = defineEndpoints('units', {
  // Without `parent`, the roots of the user's scope (or a search in it), scoped in SQL.
  'GET /api/units': { query: UnitListQuery, response: z.array(Unit), access: atQuery('unit.read', 'parent', { optional: true }) },
  'GET /api/units/:id': { params: IdParams, query: UnitAsOfQuery, response: UnitDetail, access: atParam('unit.read') },
  'GET /api/units/:id/subtree': { params: IdParams, query: UnitAsOfQuery, response: UnitIdList, access: atParam('unit.read') },
  'GET /api/units/:id/lineage': { params: IdParams, query: UnitLineageQuery, response: UnitLineage, access: atParam('unit.read') },

  'POST /api/units': { body: CreateUnit, response: UnitChangeResult, access: anyUnit('unit.manage') },
  'POST /api/units/:id/rename': { params: IdParams, body: RenameUnit, response: UnitChangeResult, access: anyUnit('unit.manage') },
  'POST /api/units/:id/move': { params: IdParams, body: MoveUnit, response: UnitChangeResult, access: anyUnit('unit.manage') },
  'POST /api/units/merge': { body: MergeUnits, response: UnitChangeResult, access: anyUnit('unit.manage') },
  'POST /api/units/:id/split': { params: IdParams, body: SplitUnit, response: UnitChangeResult, access: anyUnit('unit.manage') },
  'POST /api/units/:id/dissolve': { params: IdParams, body: DissolveUnit, response: UnitChangeResult, access: anyUnit('unit.manage') },
  // The real data sets in assets/admin-units (or ADMIN_UNITS_DIR), in one transaction.
  'POST /api/units/import': { body: ImportUnits, response: ImportSummary, access: anyUnit('unit.manage') },
});
