import { z } from 'zod';
import { IdParams } from '@contract/common';
import {
  ActivityDetail, ActivityItem, ActivityListQuery, AddRecommendations, ApprovePlan, Board, BoardReportInput, BoardYearInput, CloseMediationCase,
  CompleteActivity, CreateActivity, CreateBoard, CreateBoardSupervision, CreateMediationCase, CreateMediationTeam, CreateOpinionSession, CreatePlan,
  FollowRecommendation, MediationCase, MediationParties, MediationQuery, MediationStats, MediationTeam, OpinionSession, Plan, PlanQuery,
  PublicSupervision, PublicUnitParams, Recommendation, RecommendationListQuery, RecommendationPage, UnitYearQuery,
} from '@contract/oversight';
import type { Db } from '../../db/db';
import { assertUnitAccess } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { ctxOf, type App } from '../../platform/http';
import { addBoardSupervision, createBoard, createOpinionSession, fileBoardReport, getBoard, listBoards, listOpinionSessions, saveBoardYear } from './boards-service';
import { closeCase, createCase, createTeam, exportCasesCsv, listCases, listTeams, mediationStats, readParties } from './mediation-service';
import { publicSupervisions } from './public';
import { listActivities, listRecommendations } from './queries';
import {
  addRecommendations, approvePlan, completeActivity, createActivity, followRecommendation, getActivity, getPlan, savePlan,
} from './service';

/** Supervision and criticism, opinions, people's boards and mediation; a public page per ward. */
export async function oversightRoutes(app: App, db: Db): Promise<void> {
  const tags = ['oversight'];

  // ---- public (no account): completed supervisions' conclusions and remedy status ----
  app.get('/api/public/supervisions/:code', { schema: { tags, params: PublicUnitParams, response: { 200: z.array(PublicSupervision) } } },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicSupervisions(db, req.params.code);
    });

  // ---- plans ----
  app.get('/api/oversight/plans', { schema: { tags, querystring: PlanQuery, response: { 200: Plan.nullable() } } },
    async (req) => getPlan(ctxOf(db, req), req.query.unit, req.query.year));
  app.post('/api/oversight/plans', { schema: { tags, body: CreatePlan, response: { 200: Plan } } }, async (req) => savePlan(ctxOf(db, req), req.body));
  app.post('/api/oversight/plans/:id/approve', { schema: { tags, params: IdParams, body: ApprovePlan, response: { 200: Plan } } },
    async (req) => approvePlan(ctxOf(db, req), req.params.id, req.body));

  // ---- supervisions and criticisms, recommendations ----
  app.get('/api/oversight/activities', { schema: { tags, querystring: ActivityListQuery, response: { 200: z.array(ActivityItem) } } }, async (req) => {
    const ctx = ctxOf(db, req);
    await assertUnitAccess(db, ctx.user, 'oversight.read', req.query.unit);
    return listActivities(db, req.query);
  });
  app.post('/api/oversight/activities', { schema: { tags, body: CreateActivity, response: { 200: ActivityDetail } } },
    async (req) => createActivity(ctxOf(db, req), req.body));
  app.get('/api/oversight/activities/:id', { schema: { tags, params: IdParams, response: { 200: ActivityDetail } } },
    async (req) => getActivity(ctxOf(db, req), req.params.id));
  app.post('/api/oversight/activities/:id/complete', { schema: { tags, params: IdParams, body: CompleteActivity, response: { 200: ActivityDetail } } },
    async (req) => completeActivity(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/oversight/activities/:id/recommendations', { schema: { tags, params: IdParams, body: AddRecommendations, response: { 200: ActivityDetail } } },
    async (req) => addRecommendations(ctxOf(db, req), req.params.id, req.body));
  app.get('/api/oversight/recommendations', { schema: { tags, querystring: RecommendationListQuery, response: { 200: RecommendationPage } } }, async (req) => {
    const ctx = ctxOf(db, req);
    if (req.query.unit) await assertUnitAccess(db, ctx.user, 'oversight.read', req.query.unit);
    else if (ctx.user.role !== 'admin') {
      if (!ctx.user.unitId) throw new AppError('FORBIDDEN');
      await assertUnitAccess(db, ctx.user, 'oversight.read', ctx.user.unitId);
    }
    return listRecommendations(db, ctx.user, req.query);
  });
  app.post('/api/oversight/recommendations/:id/follow', { schema: { tags, params: IdParams, body: FollowRecommendation, response: { 200: Recommendation } } },
    async (req) => followRecommendation(ctxOf(db, req), req.params.id, req.body));

  // ---- opinions ----
  app.get('/api/oversight/opinions', { schema: { tags, querystring: UnitYearQuery, response: { 200: z.array(OpinionSession) } } },
    async (req) => listOpinionSessions(ctxOf(db, req), req.query.unit, req.query.year));
  app.post('/api/oversight/opinions', { schema: { tags, body: CreateOpinionSession, response: { 200: OpinionSession } } },
    async (req) => createOpinionSession(ctxOf(db, req), req.body));

  // ---- people's boards ----
  app.get('/api/oversight/boards', { schema: { tags, querystring: UnitYearQuery, response: { 200: z.array(Board) } } },
    async (req) => listBoards(ctxOf(db, req), req.query.unit));
  app.post('/api/oversight/boards', { schema: { tags, body: CreateBoard, response: { 200: Board } } }, async (req) => createBoard(ctxOf(db, req), req.body));
  app.get('/api/oversight/boards/:id', { schema: { tags, params: IdParams, response: { 200: Board } } }, async (req) => getBoard(ctxOf(db, req), req.params.id));
  app.post('/api/oversight/boards/:id/years', { schema: { tags, params: IdParams, body: BoardYearInput, response: { 200: Board } } },
    async (req) => saveBoardYear(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/oversight/boards/:id/supervisions', { schema: { tags, params: IdParams, body: CreateBoardSupervision, response: { 200: Board } } },
    async (req) => addBoardSupervision(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/oversight/boards/:id/reports', { schema: { tags, params: IdParams, body: BoardReportInput, response: { 200: Board } } },
    async (req) => fileBoardReport(ctxOf(db, req), req.params.id, req.body));

  // ---- mediation ----
  app.get('/api/mediation/teams', { schema: { tags, querystring: UnitYearQuery, response: { 200: z.array(MediationTeam) } } },
    async (req) => listTeams(ctxOf(db, req), req.query.unit));
  app.post('/api/mediation/teams', { schema: { tags, body: CreateMediationTeam, response: { 200: MediationTeam } } },
    async (req) => createTeam(ctxOf(db, req), req.body));
  app.get('/api/mediation/cases', { schema: { tags, querystring: MediationQuery, response: { 200: z.array(MediationCase) } } },
    async (req) => listCases(ctxOf(db, req), req.query.unit, req.query));
  app.get('/api/mediation/cases/export.csv', { schema: { tags, querystring: UnitYearQuery } }, async (req, reply) => {
    const csv = await exportCasesCsv(ctxOf(db, req), req.query.unit, req.query.year);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="hoa-giai.csv"').send(csv);
  });
  app.get('/api/mediation/stats', { schema: { tags, querystring: PlanQuery, response: { 200: MediationStats } } },
    async (req) => mediationStats(ctxOf(db, req), req.query.unit, req.query.year));
  app.post('/api/mediation/cases', { schema: { tags, body: CreateMediationCase, response: { 200: MediationCase } } },
    async (req) => createCase(ctxOf(db, req), req.body));
  app.post('/api/mediation/cases/:id/close', { schema: { tags, params: IdParams, body: CloseMediationCase, response: { 200: MediationCase } } },
    async (req) => closeCase(ctxOf(db, req), req.params.id, req.body));
  app.get('/api/mediation/cases/:id/parties', { schema: { tags, params: IdParams, response: { 200: MediationParties } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return readParties(ctxOf(db, req), req.params.id);
  });
}
