import { householdEndpoints } from '@contract/endpoints/households';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import { exportXlsx } from './export';
import { importHouseholds } from './import';
import { householdMetrics } from './metrics';
import { publicHouses } from './public';
import {
  addHousePhoto,
  addMember,
  checkDuplicates,
  createHousehold,
  createSupport,
  getCoverage,
  getDuplicateReport,
  getHousehold,
  getSummary,
  housePhoto,
  findHouseholds,
  locateHouse,
  locateHousehold,
  locateHouseholdLatest,
  locatePhoto,
  photoOf,
  setClassification,
  updateHouse,
  villageCoverage,
} from './service';

/** The households module's handlers: one line each; access was checked by the registrar from the table. */
const householdHandlers = bind(householdEndpoints, {
  'GET /api/households': (ctx, { query }) => findHouseholds(ctx, query),
  'POST /api/households': (ctx, { body }) => createHousehold(ctx, body),
  'GET /api/households/coverage': (ctx, { query }) => getCoverage(ctx, query),
  'GET /api/households/coverage/villages': (ctx, { query }) => villageCoverage(ctx, query),
  'GET /api/households/summary': (ctx, { query }) => getSummary(ctx, query),
  'GET /api/households/duplicates': (ctx, { query }) => checkDuplicates(ctx, query),
  'GET /api/households/duplicates/report': (ctx, { query }) => getDuplicateReport(ctx, query),
  'POST /api/households/import': (ctx, { body }) =>
    importHouseholds(ctx, { unitId: body.unitId, year: body.year, fileName: body.fileName, content: Buffer.from(body.contentBase64, 'base64') }),
  'GET /api/households/export.xlsx': async (ctx, { query }, { reply }) => {
    const { fileName, data } = await exportXlsx(ctx, query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .send(data);
  },
  'GET /api/households/:id': (ctx, { params, query }) => getHousehold(ctx, { id: params.id, year: query.year }),
  'POST /api/households/:id/members': (ctx, { params, body }) => addMember(ctx, { householdId: params.id, member: body }),
  'PUT /api/households/:id/classifications': (ctx, { params, body }) => setClassification(ctx, { householdId: params.id, classification: body }),
  'POST /api/households/supports': (ctx, { body }) => createSupport(ctx, body),
  'POST /api/households/supports/:id/house': (ctx, { params, body }) => updateHouse(ctx, { supportId: params.id, change: body }),
  'POST /api/households/supports/:id/photos': (ctx, { params, body }) => addHousePhoto(ctx, { supportId: params.id, photo: photoOf(body) }),
  'GET /api/households/photos/:id': async (ctx, { params }, { reply }) => {
    const p = await housePhoto(ctx, { photoId: params.id });
    return reply
      .header('content-type', p.mime)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', p.mime.startsWith('image/') ? 'inline' : 'attachment')
      .header('cache-control', 'private, max-age=3600')
      .send(p.data);
  },
  'GET /api/public/households/houses': (ctx, { query }) => publicHouses(ctx, query),
});

/** Households and social support: the registry, annual reviews, supports and solidarity houses (README "Adding a module"). */
export const householdsModule = defineModule({
  name: 'households',
  endpoints: householdHandlers,
  locators: { household: locateHousehold, household_latest: locateHouseholdLatest, house: locateHouse, house_photo: locatePhoto },
  metrics: householdMetrics,
});
