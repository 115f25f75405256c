import { z } from 'zod';
import { IdParams } from '../common';
import {
  Acknowledge,
  Acknowledged,
  AddAttendances,
  Added,
  Answer,
  AnswerObligation,
  Commendation,
  CommendationQuery,
  CompleteElectionTask,
  Course,
  CreateCommendation,
  CreateCourse,
  CreateDirective,
  CreateElectionResult,
  CreateElectionTask,
  CreateInspection,
  CreateKeyTask,
  CreateProgramme,
  CreateStaff,
  DecideGrading,
  Directive,
  DirectiveListQuery,
  DirectiveSummary,
  DutyPage,
  DutyQuery,
  ElectionResult,
  ElectionTask,
  Grading,
  Inspection,
  KeyTask,
  Programme,
  ProposeGrading,
  Reminded,
  ReviewProgramme,
  Staff,
  UnitQuery,
  UnitYearQuery,
  UpdateKeyTask,
} from '../direction';
import { anyUnit, atBody, atQuery, atRecord, defineEndpoints } from '../endpoint';

/** Direction: directives down and answers up, inspections, key tasks, elections, training, grading, awards, programmes. */
export const directionEndpoints = defineEndpoints('direction', {
  // ---- directives ----
  'POST /api/directives': { body: CreateDirective, response: Directive, access: atBody('direction.issue', 'unitId', 'issuedOn') },
  'GET /api/directives': { query: DirectiveListQuery, response: z.array(DirectiveSummary), access: atQuery('direction.read') },
  // Readable in the issuer's scope or by a recipient in the user's scope: the service checks which.
  'GET /api/directives/:id': { params: IdParams, response: Directive, access: anyUnit('direction.read') },
  'POST /api/directives/:id/acknowledge': { params: IdParams, body: Acknowledge, response: Acknowledged, access: atBody('direction.write') },
  'POST /api/directives/:id/remind': { params: IdParams, response: Reminded, access: atRecord('direction.issue', 'directive') },
  'POST /api/directive-obligations/:id/answer': { params: IdParams, body: AnswerObligation, response: Answer, access: atBody('direction.write', 'unitId', 'answeredOn') },
  // Who owes what below a unit (at every level), and what the levels above asked of the unit itself.
  'GET /api/direction/duties': { query: DutyQuery, response: DutyPage, access: atQuery('direction.read') },
  'GET /api/direction/inbox': { query: DutyQuery, response: DutyPage, access: atQuery('direction.read') },
  'POST /api/inspections': { body: CreateInspection, response: Inspection, access: atBody('direction.issue', 'unitId', 'heldOn') },
  'GET /api/inspections': { query: UnitQuery, response: z.array(Inspection), access: atQuery('direction.read') },

  // ---- key tasks, elections ----
  'POST /api/key-tasks': { body: CreateKeyTask, response: KeyTask, access: atBody('direction.write', 'unitId', 'registeredOn') },
  'PATCH /api/key-tasks/:id': { params: IdParams, body: UpdateKeyTask, response: KeyTask, access: atRecord('direction.write', 'key_task') },
  'GET /api/key-tasks': { query: UnitYearQuery, response: z.array(KeyTask), access: atQuery('direction.read') },
  'POST /api/election-tasks': { body: CreateElectionTask, response: ElectionTask, access: atBody('direction.write', 'unitId', 'dueOn') },
  'POST /api/election-tasks/:id/done': { params: IdParams, body: CompleteElectionTask, response: ElectionTask, access: atRecord('direction.write', 'election_task') },
  'GET /api/election-tasks': { query: UnitQuery, response: z.array(ElectionTask), access: atQuery('direction.read') },
  'POST /api/election-results': { body: CreateElectionResult, response: ElectionResult, access: atBody('direction.write', 'unitId', 'heldOn') },
  'GET /api/election-results': { query: UnitQuery, response: z.array(ElectionResult), access: atQuery('direction.read') },

  // ---- staff and training ----
  'POST /api/front-staff': { body: CreateStaff, response: Staff, access: atBody('direction.write', 'unitId', 'validFrom') },
  'GET /api/front-staff': { query: UnitQuery, response: z.array(Staff), access: atQuery('direction.read') },
  'POST /api/training/courses': { body: CreateCourse, response: Course, access: atBody('direction.write', 'unitId', 'startsOn') },
  'GET /api/training/courses': { query: UnitQuery, response: z.array(Course), access: atQuery('direction.read') },
  'POST /api/training/courses/:id/attendances': { params: IdParams, body: AddAttendances, response: Added, access: atRecord('direction.write', 'training_course') },

  // ---- grading ----
  'POST /api/gradings/propose': { body: ProposeGrading, response: Grading, access: atBody('direction.issue') },
  // The grader must also hold the graded unit strictly below it in that year: checked by the service.
  'POST /api/gradings/:id/decide': { params: IdParams, body: DecideGrading, response: Grading, access: atRecord('direction.issue', 'grading') },
  'GET /api/gradings': { query: UnitYearQuery, response: z.array(Grading), access: atQuery('direction.read') },

  // ---- commendations, coordination programmes ----
  'POST /api/commendations': { body: CreateCommendation, response: Commendation, access: atBody('direction.write', 'unitId', 'awardedOn') },
  'GET /api/commendations': { query: CommendationQuery, response: z.array(Commendation), access: atQuery('direction.read') },
  'POST /api/coordination-programmes': { body: CreateProgramme, response: Programme, access: atBody('direction.write', 'unitId', 'signedOn') },
  'POST /api/coordination-programmes/:id/reviews': { params: IdParams, body: ReviewProgramme, response: Programme, access: atRecord('direction.write', 'coordination_programme') },
  'GET /api/coordination-programmes': { query: UnitQuery, response: z.array(Programme), access: atQuery('direction.read') },
});
