import { directionEndpoints } from '@contract/endpoints/direction';
import { bind } from '../../platform/endpoints';
import { acknowledge, answerObligation, createDirective, createInspection, duties, getDirective, listDirectives, listInspections, remind } from './directive-service';
import { decideGrading, listGradings, proposeGrading } from './grading-service';
import {
  addAttendances,
  completeElectionTask,
  createCommendation,
  createCourse,
  createElectionResult,
  createElectionTask,
  createKeyTask,
  createProgramme,
  createStaff,
  listCommendations,
  listCourses,
  listElectionResults,
  listElectionTasks,
  listKeyTasks,
  listProgrammes,
  listStaff,
  reviewProgramme,
  updateKeyTask,
} from './work-service';

/** The direction module's handlers: one line each; access was checked by the registrar from the table. */
export const directionHandlers = bind(directionEndpoints, {
  'POST /api/directives': (ctx, { body }) => createDirective(ctx, body),
  'GET /api/directives': (ctx, { query }) => listDirectives(ctx, query),
  'GET /api/directives/:id': (ctx, { params }) => getDirective(ctx, params.id),
  'POST /api/directives/:id/acknowledge': (ctx, { params, body }) => acknowledge(ctx, params.id, body.unitId),
  'POST /api/directives/:id/remind': (ctx, { params }) => remind(ctx, params.id),
  'POST /api/directive-obligations/:id/answer': (ctx, { params, body }) => answerObligation(ctx, params.id, body),
  'GET /api/direction/duties': (ctx, { query }) => duties(ctx, query),
  'GET /api/direction/inbox': (ctx, { query }) => duties(ctx, { ...query, own: true }),
  'POST /api/inspections': (ctx, { body }) => createInspection(ctx, body),
  'GET /api/inspections': (ctx, { query }) => listInspections(ctx, query.unit),

  'POST /api/key-tasks': (ctx, { body }) => createKeyTask(ctx, body),
  'PATCH /api/key-tasks/:id': (ctx, { params, body }) => updateKeyTask(ctx, params.id, body),
  'GET /api/key-tasks': (ctx, { query }) => listKeyTasks(ctx, query.unit, query.year),
  'POST /api/election-tasks': (ctx, { body }) => createElectionTask(ctx, body),
  'POST /api/election-tasks/:id/done': (ctx, { params, body }) => completeElectionTask(ctx, params.id, body),
  'GET /api/election-tasks': (ctx, { query }) => listElectionTasks(ctx, query.unit),
  'POST /api/election-results': (ctx, { body }) => createElectionResult(ctx, body),
  'GET /api/election-results': (ctx, { query }) => listElectionResults(ctx, query.unit),

  'POST /api/front-staff': (ctx, { body }) => createStaff(ctx, body),
  'GET /api/front-staff': (ctx, { query }) => listStaff(ctx, query.unit),
  'POST /api/training/courses': (ctx, { body }) => createCourse(ctx, body),
  'GET /api/training/courses': (ctx, { query }) => listCourses(ctx, query.unit),
  'POST /api/training/courses/:id/attendances': (ctx, { params, body }) => addAttendances(ctx, params.id, body),

  'POST /api/gradings/propose': (ctx, { body }) => proposeGrading(ctx, body),
  'POST /api/gradings/:id/decide': (ctx, { params, body }) => decideGrading(ctx, params.id, body),
  'GET /api/gradings': (ctx, { query }) => listGradings(ctx, query.unit, query.year),

  'POST /api/commendations': (ctx, { body }) => createCommendation(ctx, body),
  'GET /api/commendations': (ctx, { query }) => listCommendations(ctx, query),
  'POST /api/coordination-programmes': (ctx, { body }) => createProgramme(ctx, body),
  'POST /api/coordination-programmes/:id/reviews': (ctx, { params, body }) => reviewProgramme(ctx, params.id, body),
  'GET /api/coordination-programmes': (ctx, { query }) => listProgrammes(ctx, query.unit),
});
