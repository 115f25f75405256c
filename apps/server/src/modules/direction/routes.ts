import { z } from 'zod';
import { IdParams, Id } from '@contract/common';
import {
  Acknowledge, AddAttendances, AnswerObligation, Commendation, CommendationQuery, CompleteElectionTask, Course, CreateCommendation, CreateCourse,
  CreateDirective, CreateElectionResult, CreateElectionTask, CreateInspection, CreateKeyTask, CreateProgramme, CreateStaff, DecideGrading,
  Directive, DirectiveListQuery, DirectiveSummary, DutyPage, DutyQuery, ElectionResult, ElectionTask, Grading, Inspection, KeyTask,
  Programme, ProposeGrading, Reminded, ReviewProgramme, Staff, UnitYearQuery, UpdateKeyTask,
} from '@contract/direction';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import {
  acknowledge, answerObligation, createDirective, createInspection, duties, getDirective, listDirectives, listInspections, remind,
} from './directive-service';
import { decideGrading, listGradings, proposeGrading } from './grading-service';
import {
  addAttendances, completeElectionTask, createCommendation, createCourse, createElectionResult, createElectionTask, createKeyTask,
  createProgramme, createStaff, listCommendations, listCourses, listElectionResults, listElectionTasks, listKeyTasks, listProgrammes,
  listStaff, reviewProgramme, updateKeyTask,
} from './work-service';

const UnitQuery = z.object({ unit: Id });
const Added = z.object({ added: z.number().int() });
const Acknowledged = z.object({ acknowledgedOn: z.string() });
const Answer = z.object({ id: Id, obligationId: Id, unitId: Id, answeredOn: z.string(), text: z.string(), figures: z.record(z.string(), z.number()), files: z.array(z.string()) });

/** Direction: directives down and answers up, inspections, key tasks, elections, training, grading, awards, programmes. */
export async function directionRoutes(app: App, db: Db): Promise<void> {
  const tags = ['direction'];
  const s = <T extends object>(extra: T) => ({ schema: { tags, ...extra } });

  // ---- directives ----
  app.post('/api/directives', s({ body: CreateDirective, response: { 200: Directive } }), async (req) => createDirective(ctxOf(db, req), req.body));
  app.get('/api/directives', s({ querystring: DirectiveListQuery, response: { 200: z.array(DirectiveSummary) } }),
    async (req) => listDirectives(ctxOf(db, req), req.query));
  app.get('/api/directives/:id', s({ params: IdParams, response: { 200: Directive } }), async (req) => getDirective(ctxOf(db, req), req.params.id));
  app.post('/api/directives/:id/acknowledge', s({ params: IdParams, body: Acknowledge, response: { 200: Acknowledged } }),
    async (req) => acknowledge(ctxOf(db, req), req.params.id, req.body.unitId));
  app.post('/api/directives/:id/remind', s({ params: IdParams, response: { 200: Reminded } }), async (req) => remind(ctxOf(db, req), req.params.id));
  app.post('/api/directive-obligations/:id/answer', s({ params: IdParams, body: AnswerObligation, response: { 200: Answer } }),
    async (req) => answerObligation(ctxOf(db, req), req.params.id, req.body));
  // Who owes what below a unit (at every level), and what the levels above asked of the unit itself.
  app.get('/api/direction/duties', s({ querystring: DutyQuery, response: { 200: DutyPage } }), async (req) => duties(ctxOf(db, req), req.query));
  app.get('/api/direction/inbox', s({ querystring: DutyQuery, response: { 200: DutyPage } }),
    async (req) => duties(ctxOf(db, req), { ...req.query, own: true }));
  app.post('/api/inspections', s({ body: CreateInspection, response: { 200: Inspection } }), async (req) => createInspection(ctxOf(db, req), req.body));
  app.get('/api/inspections', s({ querystring: UnitQuery, response: { 200: z.array(Inspection) } }), async (req) => listInspections(ctxOf(db, req), req.query.unit));

  // ---- key tasks, elections ----
  app.post('/api/key-tasks', s({ body: CreateKeyTask, response: { 200: KeyTask } }), async (req) => createKeyTask(ctxOf(db, req), req.body));
  app.patch('/api/key-tasks/:id', s({ params: IdParams, body: UpdateKeyTask, response: { 200: KeyTask } }),
    async (req) => updateKeyTask(ctxOf(db, req), req.params.id, req.body));
  app.get('/api/key-tasks', s({ querystring: UnitYearQuery, response: { 200: z.array(KeyTask) } }),
    async (req) => listKeyTasks(ctxOf(db, req), req.query.unit, req.query.year));
  app.post('/api/election-tasks', s({ body: CreateElectionTask, response: { 200: ElectionTask } }), async (req) => createElectionTask(ctxOf(db, req), req.body));
  app.post('/api/election-tasks/:id/done', s({ params: IdParams, body: CompleteElectionTask, response: { 200: ElectionTask } }),
    async (req) => completeElectionTask(ctxOf(db, req), req.params.id, req.body));
  app.get('/api/election-tasks', s({ querystring: UnitQuery, response: { 200: z.array(ElectionTask) } }), async (req) => listElectionTasks(ctxOf(db, req), req.query.unit));
  app.post('/api/election-results', s({ body: CreateElectionResult, response: { 200: ElectionResult } }), async (req) => createElectionResult(ctxOf(db, req), req.body));
  app.get('/api/election-results', s({ querystring: UnitQuery, response: { 200: z.array(ElectionResult) } }), async (req) => listElectionResults(ctxOf(db, req), req.query.unit));

  // ---- staff and training ----
  app.post('/api/front-staff', s({ body: CreateStaff, response: { 200: Staff } }), async (req) => createStaff(ctxOf(db, req), req.body));
  app.get('/api/front-staff', s({ querystring: UnitQuery, response: { 200: z.array(Staff) } }), async (req) => listStaff(ctxOf(db, req), req.query.unit));
  app.post('/api/training/courses', s({ body: CreateCourse, response: { 200: Course } }), async (req) => createCourse(ctxOf(db, req), req.body));
  app.get('/api/training/courses', s({ querystring: UnitQuery, response: { 200: z.array(Course) } }), async (req) => listCourses(ctxOf(db, req), req.query.unit));
  app.post('/api/training/courses/:id/attendances', s({ params: IdParams, body: AddAttendances, response: { 200: Added } }),
    async (req) => addAttendances(ctxOf(db, req), req.params.id, req.body));

  // ---- grading ----
  app.post('/api/gradings/propose', s({ body: ProposeGrading, response: { 200: Grading } }), async (req) => proposeGrading(ctxOf(db, req), req.body));
  app.post('/api/gradings/:id/decide', s({ params: IdParams, body: DecideGrading, response: { 200: Grading } }),
    async (req) => decideGrading(ctxOf(db, req), req.params.id, req.body));
  app.get('/api/gradings', s({ querystring: UnitYearQuery, response: { 200: z.array(Grading) } }),
    async (req) => listGradings(ctxOf(db, req), req.query.unit, req.query.year));

  // ---- commendations, coordination programmes ----
  app.post('/api/commendations', s({ body: CreateCommendation, response: { 200: Commendation } }), async (req) => createCommendation(ctxOf(db, req), req.body));
  app.get('/api/commendations', s({ querystring: CommendationQuery, response: { 200: z.array(Commendation) } }),
    async (req) => listCommendations(ctxOf(db, req), req.query));
  app.post('/api/coordination-programmes', s({ body: CreateProgramme, response: { 200: Programme } }), async (req) => createProgramme(ctxOf(db, req), req.body));
  app.post('/api/coordination-programmes/:id/reviews', s({ params: IdParams, body: ReviewProgramme, response: { 200: Programme } }),
    async (req) => reviewProgramme(ctxOf(db, req), req.params.id, req.body));
  app.get('/api/coordination-programmes', s({ querystring: UnitQuery, response: { 200: z.array(Programme) } }),
    async (req) => listProgrammes(ctxOf(db, req), req.query.unit));
}
