import { z } from 'zod';
import { IdParams } from '@contract/common';
import {
  AddMember, Classification, Coverage, CoverageQuery, CreateHousehold, CreateSupport, DuplicateCandidate, DuplicateGroup, DuplicateQuery,
  DuplicateReportQuery, ExportQuery, Household, HouseholdDetail, HouseholdListQuery, ImportResult, Member, Summary, Support, UpdateHouse,
} from '@contract/households';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import { exportXlsx } from './export';
import { importHouseholds } from './import';
import { publicHouses, PublicHouse } from './public';
import {
  addHousePhoto, addMember, checkDuplicates, createHousehold, createSupport, currentYear, findHouseholds, getCoverage, getDuplicateReport,
  getHousehold, getSummary, housePhoto, setClassification, updateHouse, villageCoverage,
} from './service';

const Upload = z.object({ fileName: z.string().trim().min(1).max(200), contentBase64: z.string().min(1) });
const UPLOAD_LIMIT = 8 * 1024 * 1024;

/** The households module's routes (signed-in and public): thin handlers over the services. */
export async function householdRoutes(app: App, db: Db): Promise<void> {
  const tags = ['households'];

  app.get('/api/households', { schema: { tags, querystring: HouseholdListQuery, response: { 200: z.array(Household) } } },
    async (req) => findHouseholds(ctxOf(db, req), req.query));
  app.post('/api/households', { schema: { tags, body: CreateHousehold, response: { 200: HouseholdDetail } } },
    async (req) => createHousehold(ctxOf(db, req), req.body));
  app.get('/api/households/coverage', { schema: { tags, querystring: CoverageQuery, response: { 200: Coverage } } },
    async (req) => getCoverage(ctxOf(db, req), req.query));
  app.get('/api/households/coverage/villages', {
    schema: { tags, querystring: z.object({ unit: IdParams.shape.id, year: z.coerce.number().int().min(2000).max(2100).optional(), kind: z.enum(['tet', 'house']) }),
      response: { 200: z.array(z.object({ unitId: z.number().int(), total: z.number().int(), reached: z.number().int() })) } },
  }, async (req) => villageCoverage(ctxOf(db, req), req.query.unit, req.query.year ?? currentYear(), req.query.kind));
  app.get('/api/households/summary', { schema: { tags, querystring: z.object({ unit: IdParams.shape.id, year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: Summary } } },
    async (req) => getSummary(ctxOf(db, req), req.query.unit, req.query.year ?? currentYear()));
  app.get('/api/households/duplicates', { schema: { tags, querystring: DuplicateQuery, response: { 200: z.array(DuplicateCandidate) } } },
    async (req) => checkDuplicates(ctxOf(db, req), req.query));
  app.get('/api/households/duplicates/report', { schema: { tags, querystring: DuplicateReportQuery, response: { 200: z.array(DuplicateGroup) } } },
    async (req) => getDuplicateReport(ctxOf(db, req), req.query.unit));
  app.post('/api/households/import', {
    bodyLimit: UPLOAD_LIMIT,
    schema: { tags, body: Upload.extend({ unitId: IdParams.shape.id, year: z.number().int().min(2000).max(2100) }), response: { 200: ImportResult } },
  }, async (req) => importHouseholds(ctxOf(db, req), { unitId: req.body.unitId, year: req.body.year, fileName: req.body.fileName,
    content: Buffer.from(req.body.contentBase64, 'base64') }));
  app.get('/api/households/export.xlsx', { schema: { tags, querystring: ExportQuery } }, async (req, reply) => {
    const { fileName, data } = await exportXlsx(ctxOf(db, req), req.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .send(data);
  });

  app.get('/api/households/:id', { schema: { tags, params: IdParams, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: HouseholdDetail } } },
    async (req) => getHousehold(ctxOf(db, req), req.params.id, req.query.year));
  app.post('/api/households/:id/members', { schema: { tags, params: IdParams, body: AddMember, response: { 200: Member } } },
    async (req) => addMember(ctxOf(db, req), req.params.id, req.body));
  app.put('/api/households/:id/classifications', { schema: { tags, params: IdParams, body: Classification, response: { 200: z.array(Classification) } } },
    async (req) => setClassification(ctxOf(db, req), req.params.id, req.body));

  app.post('/api/households/supports', { schema: { tags, body: CreateSupport, response: { 200: Support } } },
    async (req) => createSupport(ctxOf(db, req), req.body));
  app.post('/api/households/supports/:id/house', { schema: { tags, params: IdParams, body: UpdateHouse, response: { 200: Support } } },
    async (req) => updateHouse(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/households/supports/:id/photos', {
    bodyLimit: UPLOAD_LIMIT,
    schema: { tags, params: IdParams, body: Upload.extend({ mime: z.string().max(100) }), response: { 200: Support } },
  }, async (req) => addHousePhoto(ctxOf(db, req), req.params.id, { fileName: req.body.fileName, mime: req.body.mime, data: Buffer.from(req.body.contentBase64, 'base64') }));
  app.get('/api/households/photos/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const p = await housePhoto(ctxOf(db, req), req.params.id);
    return reply.header('content-type', p.mime).header('x-content-type-options', 'nosniff')
      .header('content-disposition', p.mime.startsWith('image/') ? 'inline' : 'attachment').header('cache-control', 'private, max-age=3600').send(p.data);
  });

  // Public: solidarity houses handed over in a unit, with a masked name and the village only.
  app.get('/api/public/households/houses', { schema: { tags, querystring: z.object({ unit: IdParams.shape.id }), response: { 200: z.array(PublicHouse) } } },
    async (req) => publicHouses(db, req.query.unit));
}
