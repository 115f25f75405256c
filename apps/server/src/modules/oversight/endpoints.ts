import { oversightEndpoints } from '@contract/endpoints/oversight';
import { bind } from '../../platform/endpoints';
import {
  addBoardSupervision,
  createBoard,
  createOpinionSession,
  fileBoardReport,
  getBoard,
  listBoards,
  listOpinionSessions,
  remedyBoardSupervision,
  saveBoardYear,
} from './boards-service';
import { closeCase, createCase, createTeam, exportCasesCsv, listCases, listTeams, mediationStats, readParties } from './mediation-service';
import { publicSupervisions } from './public';
import { listActivities, listRecommendations } from './queries';
import { addRecommendations, approvePlan, completeActivity, createActivity, followRecommendation, getActivity, getPlan, savePlan } from './service';

/** The oversight module's handlers: one line each; access was checked by the registrar from the table. */
export const oversightHandlers = bind(oversightEndpoints, {
  'GET /api/public/supervisions/:code': (ctx, { params }, { reply }) => {
    reply.header('cache-control', 'public, max-age=300');
    return publicSupervisions(ctx.db, params.code);
  },
  'GET /api/oversight/plans': (ctx, { query }) => getPlan(ctx, query.unit, query.year),
  'POST /api/oversight/plans': (ctx, { body }) => savePlan(ctx, body),
  'POST /api/oversight/plans/:id/approve': (ctx, { params, body }) => approvePlan(ctx, params.id, body),
  'GET /api/oversight/activities': (ctx, { query }) => listActivities(ctx.db, query),
  'POST /api/oversight/activities': (ctx, { body }) => createActivity(ctx, body),
  'GET /api/oversight/activities/:id': (ctx, { params }) => getActivity(ctx, params.id),
  'POST /api/oversight/activities/:id/complete': (ctx, { params, body }) => completeActivity(ctx, params.id, body),
  'POST /api/oversight/activities/:id/recommendations': (ctx, { params, body }) => addRecommendations(ctx, params.id, body),
  'GET /api/oversight/recommendations': (ctx, { query }) => listRecommendations(ctx.db, ctx.user, query),
  'POST /api/oversight/recommendations/:id/follow': (ctx, { params, body }) => followRecommendation(ctx, params.id, body),
  'GET /api/oversight/opinions': (ctx, { query }) => listOpinionSessions(ctx, query.unit, query.year),
  'POST /api/oversight/opinions': (ctx, { body }) => createOpinionSession(ctx, body),
  'GET /api/oversight/boards': (ctx, { query }) => listBoards(ctx, query.unit),
  'POST /api/oversight/boards': (ctx, { body }) => createBoard(ctx, body),
  'GET /api/oversight/boards/:id': (ctx, { params }) => getBoard(ctx, params.id),
  'POST /api/oversight/boards/:id/years': (ctx, { params, body }) => saveBoardYear(ctx, params.id, body),
  'POST /api/oversight/boards/:id/supervisions': (ctx, { params, body }) => addBoardSupervision(ctx, params.id, body),
  'POST /api/oversight/boards/:id/reports': (ctx, { params, body }) => fileBoardReport(ctx, params.id, body),
  'POST /api/oversight/board-supervisions/:id/remedy': (ctx, { params, body }) => remedyBoardSupervision(ctx, params.id, body),
  'GET /api/mediation/teams': (ctx, { query }) => listTeams(ctx, query.unit),
  'POST /api/mediation/teams': (ctx, { body }) => createTeam(ctx, body),
  'GET /api/mediation/cases': (ctx, { query }) => listCases(ctx, query.unit, query),
  'GET /api/mediation/cases/export.csv': async (ctx, { query }, { reply }) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="hoa-giai.csv"')
      .send(await exportCasesCsv(ctx, query.unit, query.year)),
  'GET /api/mediation/stats': (ctx, { query }) => mediationStats(ctx, query.unit, query.year),
  'POST /api/mediation/cases': (ctx, { body }) => createCase(ctx, body),
  'POST /api/mediation/cases/:id/close': (ctx, { params, body }) => closeCase(ctx, params.id, body),
  'GET /api/mediation/cases/:id/parties': (ctx, { params }, { reply }) => {
    reply.header('cache-control', 'no-store');
    return readParties(ctx, params.id);
  },
});
