import { z } from 'zod';
import { IdParams } from '../common';
import {
  AddMember,
  Classification,
  Coverage,
  CoverageQuery,
  CreateHousehold,
  CreateSupport,
  DuplicateCandidate,
  DuplicateGroup,
  DuplicateQuery,
  DuplicateReportQuery,
  ExportQuery,
  Household,
  HouseholdDetail,
  HouseholdListQuery,
  ImportResult,
  ImportUpload,
  Member,
  PhotoUpload,
  PublicHouse,
  PublicHousesQuery,
  Summary,
  SummaryQuery,
  Support,
  UPLOAD_BODY_LIMIT,
  UpdateHouse,
  VillageCoverage,
  VillageCoverageQuery,
  YearQuery,
} from '../households';
import { PUBLIC, atBody, atQuery, atRecord, defineEndpoints } from '../endpoint';

/*
 * Records of two kinds: `household` (read over the village's whole life; outside the scope a household
 * does not exist for the user) and `household_latest` (for writes: on the village's latest day, today or
 * its last day if it has ended). A write dated otherwise (a review's year, a support's date) is checked
 * again on that date by the service.
 */
const hidden = { hidden: 'HOUSEHOLD_NOT_FOUND' } as const;

/** Households and social support: the registry, annual reviews, supports, solidarity houses. */
export const householdEndpoints = defineEndpoints('households', {
  // Without `unit` the registry covers the user's whole scope.
  'GET /api/households': { query: HouseholdListQuery, response: z.array(Household), access: atQuery('household.read', 'unit', { optional: true }) },
  'POST /api/households': { body: CreateHousehold, response: HouseholdDetail, access: atBody('household.write', 'unitId', 'registeredOn') },
  'GET /api/households/coverage': { query: CoverageQuery, response: Coverage, access: atQuery('household.read') },
  'GET /api/households/coverage/villages': { query: VillageCoverageQuery, response: z.array(VillageCoverage), access: atQuery('household.read') },
  'GET /api/households/summary': { query: SummaryQuery, response: Summary, access: atQuery('household.read') },
  'GET /api/households/duplicates': { query: DuplicateQuery, response: z.array(DuplicateCandidate), access: atQuery('household.read') },
  'GET /api/households/duplicates/report': { query: DuplicateReportQuery, response: z.array(DuplicateGroup), access: atQuery('household.read') },
  // The spreadsheet travels as base64 in JSON (the web's form); each village of its rows is checked on the review's date.
  'POST /api/households/import': { body: ImportUpload, response: ImportResult, access: atBody('household.write'), bodyLimit: UPLOAD_BODY_LIMIT },
  'GET /api/households/export.xlsx': { query: ExportQuery, access: atQuery('household.export') },

  'GET /api/households/:id': { params: IdParams, query: YearQuery, response: HouseholdDetail, access: atRecord('household.read', 'household', 'id', hidden) },
  'POST /api/households/:id/members': { params: IdParams, body: AddMember, response: Member, access: atRecord('household.write', 'household_latest') },
  'PUT /api/households/:id/classifications': {
    params: IdParams,
    body: Classification,
    response: z.array(Classification),
    access: atRecord('household.write', 'household_latest'),
  },

  'POST /api/households/supports': { body: CreateSupport, response: Support, access: atRecord('household.write', 'household_latest', 'householdId', { part: 'body' }) },
  'POST /api/households/supports/:id/house': { params: IdParams, body: UpdateHouse, response: Support, access: atRecord('household.write', 'house') },
  'POST /api/households/supports/:id/photos': {
    params: IdParams,
    body: PhotoUpload,
    response: Support,
    access: atRecord('household.write', 'house'),
    bodyLimit: UPLOAD_BODY_LIMIT,
  },
  'GET /api/households/photos/:id': { params: IdParams, access: atRecord('household.read', 'house_photo', 'id', hidden) },

  // Public: solidarity houses handed over in a unit, with a masked name and the village only.
  'GET /api/public/households/houses': { query: PublicHousesQuery, response: z.array(PublicHouse), access: PUBLIC },
});
