import { z } from 'zod';
import { IdParams } from '../common';
import {
  ActivityDetail,
  ActivityItem,
  ActivityListQuery,
  AddRecommendations,
  ApprovePlan,
  Board,
  BoardDetail,
  BoardReportInput,
  BoardSupervisionRemedy,
  BoardYearInput,
  CloseMediationCase,
  CompleteActivity,
  CreateActivity,
  CreateBoard,
  CreateBoardSupervision,
  CreateMediationCase,
  CreateMediationTeam,
  CreateOpinionSession,
  CreatePlan,
  FollowRecommendation,
  MediationCase,
  MediationParties,
  MediationQuery,
  MediationStats,
  MediationTeam,
  OpinionSession,
  Plan,
  PlanQuery,
  PublicSupervision,
  PublicUnitParams,
  Recommendation,
  RecommendationListQuery,
  RecommendationPage,
  UnitYearQuery,
} from '../oversight';
import { PUBLIC, atBody, atQuery, atRecord, defineEndpoints } from '../endpoint';

/** Supervision and criticism, opinions, people's boards and mediation; a public page per ward. */
export const oversightEndpoints = defineEndpoints('oversight', {
  'GET /api/public/supervisions/:code': { params: PublicUnitParams, response: z.array(PublicSupervision), access: PUBLIC },

  'GET /api/oversight/plans': { query: PlanQuery, response: Plan.nullable(), access: atQuery('oversight.read') },
  'POST /api/oversight/plans': { body: CreatePlan, response: Plan, access: atBody('oversight.write') },
  'POST /api/oversight/plans/:id/approve': { params: IdParams, body: ApprovePlan, response: Plan, access: atRecord('oversight.approve', 'oversight_plan') },

  'GET /api/oversight/activities': { query: ActivityListQuery, response: z.array(ActivityItem), access: atQuery('oversight.read') },
  'POST /api/oversight/activities': { body: CreateActivity, response: ActivityDetail, access: atBody('oversight.write', 'unitId', 'startedOn') },
  'GET /api/oversight/activities/:id': { params: IdParams, response: ActivityDetail, access: atRecord('oversight.read', 'oversight_activity') },
  'POST /api/oversight/activities/:id/complete': { params: IdParams, body: CompleteActivity, response: ActivityDetail, access: atRecord('oversight.write', 'oversight_activity') },
  'POST /api/oversight/activities/:id/recommendations': {
    params: IdParams,
    body: AddRecommendations,
    response: ActivityDetail,
    access: atRecord('oversight.write', 'oversight_activity'),
  },
  // Without `unit` the overdue list covers the user's whole scope: the permission is checked at their own unit.
  'GET /api/oversight/recommendations': { query: RecommendationListQuery, response: RecommendationPage, access: atQuery('oversight.read', 'unit', { optional: true }) },
  'POST /api/oversight/recommendations/:id/follow': {
    params: IdParams,
    body: FollowRecommendation,
    response: Recommendation,
    access: atRecord('oversight.write', 'oversight_recommendation'),
  },

  'GET /api/oversight/opinions': { query: UnitYearQuery, response: z.array(OpinionSession), access: atQuery('oversight.read') },
  'POST /api/oversight/opinions': { body: CreateOpinionSession, response: OpinionSession, access: atBody('oversight.write', 'unitId', 'heldOn') },

  'GET /api/oversight/boards': { query: UnitYearQuery, response: z.array(Board), access: atQuery('oversight.read') },
  'POST /api/oversight/boards': { body: CreateBoard, response: Board, access: atBody('inspection.write', 'unitId', 'electedOn') },
  'GET /api/oversight/boards/:id': { params: IdParams, response: BoardDetail, access: atRecord('oversight.read', 'inspection_board') },
  // Rating a board further needs oversight.write (the Front rates, the board does not): checked by the service.
  'POST /api/oversight/boards/:id/years': { params: IdParams, body: BoardYearInput, response: BoardDetail, access: atRecord('inspection.write', 'inspection_board') },
  'POST /api/oversight/boards/:id/supervisions': {
    params: IdParams,
    body: CreateBoardSupervision,
    response: BoardDetail,
    access: atRecord('inspection.write', 'inspection_board'),
  },
  'POST /api/oversight/boards/:id/reports': { params: IdParams, body: BoardReportInput, response: BoardDetail, access: atRecord('inspection.write', 'inspection_board') },
  'POST /api/oversight/board-supervisions/:id/remedy': {
    params: IdParams,
    body: BoardSupervisionRemedy,
    response: BoardDetail,
    access: atRecord('inspection.write', 'inspection_supervision'),
  },

  'GET /api/mediation/teams': { query: UnitYearQuery, response: z.array(MediationTeam), access: atQuery('oversight.read') },
  'POST /api/mediation/teams': { body: CreateMediationTeam, response: MediationTeam, access: atBody('mediation.write', 'unitId', 'validFrom') },
  'GET /api/mediation/cases': { query: MediationQuery, response: z.array(MediationCase), access: atQuery('oversight.read') },
  'GET /api/mediation/cases/export.csv': { query: UnitYearQuery, access: atQuery('oversight.read') },
  'GET /api/mediation/stats': { query: PlanQuery, response: MediationStats, access: atQuery('oversight.read') },
  'POST /api/mediation/cases': { body: CreateMediationCase, response: MediationCase, access: atBody('mediation.write', 'unitId', 'receivedOn') },
  'POST /api/mediation/cases/:id/close': { params: IdParams, body: CloseMediationCase, response: MediationCase, access: atRecord('mediation.write', 'mediation_case') },
  'GET /api/mediation/cases/:id/parties': { params: IdParams, response: MediationParties, access: atRecord('mediation.parties', 'mediation_case') },
});
