import { movementsEndpoints } from '@contract/endpoints/movements';
import { bind } from '../../platform/endpoints';
import { cultureOverview, recordConvention, recordFestival, recordTitle, recordVillageYear, solidarityOverview } from './community-service';
import { createModel, createMovementActivity, listModels, recogniseModel } from './model-service';
import {
  createChannel,
  createEstablishment,
  createReligionActivity,
  flagSheet,
  listEstablishments,
  listHolidays,
  propagandaOverview,
  recordFlags,
  recordOutput,
} from './propaganda-service';
import { answerPublic, createSurvey, enterPaperAnswers, listSurveys, publicSurvey, surveyResults } from './survey-service';

/** The movements module's handlers: one line each; access was checked by the registrar from the table. */
export const movementsHandlers = bind(movementsEndpoints, {
  'GET /api/movements/propaganda': (ctx, { query }) => propagandaOverview(ctx, query.unit, query.year),
  'POST /api/movements/channels': (ctx, { body }) => createChannel(ctx, body),
  'POST /api/movements/outputs': (ctx, { body }) => recordOutput(ctx, body),
  'GET /api/movements/religion/establishments': (ctx, { query }) => listEstablishments(ctx, query.unit, query.year),
  'POST /api/movements/religion/establishments': (ctx, { body }) => createEstablishment(ctx, body),
  'POST /api/movements/religion/activities': (ctx, { body }) => createReligionActivity(ctx, body),
  'GET /api/movements/religion/holidays': (ctx, { query }) => listHolidays(ctx, query.year),
  'GET /api/movements/religion/flags': (ctx, { query }) => flagSheet(ctx, query.unit, query.holiday),
  'POST /api/movements/religion/flags': (ctx, { body }) => recordFlags(ctx, body),
  'GET /api/movements/solidarity': (ctx, { query }) => solidarityOverview(ctx, query.unit, query.year),
  'POST /api/movements/solidarity': (ctx, { body }) => recordFestival(ctx, body),
  'GET /api/movements/culture': (ctx, { query }) => cultureOverview(ctx, query.unit, query.year),
  'POST /api/movements/culture/years': (ctx, { body }) => recordVillageYear(ctx, body),
  'POST /api/movements/culture/titles': (ctx, { body }) => recordTitle(ctx, body),
  'POST /api/movements/culture/conventions': (ctx, { body }) => recordConvention(ctx, body),
  'GET /api/movements/surveys': (ctx, { query }) => listSurveys(ctx, query.unit, query.year),
  'POST /api/movements/surveys': (ctx, { body }) => createSurvey(ctx, body),
  'GET /api/movements/surveys/:id/results': (ctx, { params }) => surveyResults(ctx.db, params.id),
  'POST /api/movements/surveys/:id/paper': (ctx, { params, body }) => enterPaperAnswers(ctx, params.id, body),
  'GET /api/public/surveys/:code': (ctx, { params }, { reply }) => {
    reply.header('cache-control', 'no-store');
    return publicSurvey(ctx.db, params.code);
  },
  'POST /api/public/surveys/:code/answers': (ctx, { params, body }, { reply }) => {
    reply.header('cache-control', 'no-store');
    return answerPublic(ctx.db, params.code, body);
  },
  'GET /api/movements/models': (ctx, { query }) => listModels(ctx, query.unit, query.kind),
  'POST /api/movements/models': (ctx, { body }) => createModel(ctx, body),
  'POST /api/movements/models/:id/recognise': (ctx, { params, body }) => recogniseModel(ctx, params.id, body),
  'POST /api/movements/activities': (ctx, { body }) => createMovementActivity(ctx, body),
});
