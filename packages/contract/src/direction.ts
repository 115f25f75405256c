import { z } from 'zod';
import { Id, IsoDate } from './common';
import {
  ANSWER_STATUSES,
  AWARD_LEVELS,
  DIRECTIVE_KINDS,
  ELECTION_CAMPAIGNS,
  ELECTION_KINDS,
  ELECTION_TASK_KINDS,
  GRADES,
  OBLIGATION_KINDS,
  PARTNER_KINDS,
  RECIPIENT_KINDS,
} from './direction-values';

export * from './direction-values';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Level = z.enum(['district', 'commune', 'village']);

// ---- directives ----
export const ObligationInput = z.object({ kind: z.enum(OBLIGATION_KINDS), what: Text(2000), dueOn: IsoDate });
export const CreateDirective = z.object({
  unitId: Id,
  kind: z.enum(DIRECTIVE_KINDS),
  number: Text(60),
  issuedOn: IsoDate,
  title: Text(500),
  summary: z.string().max(10_000).default(''),
  files: z.array(Text(300)).max(20).default([]),
  /** Every unit of these levels below the issuer on the day it is issued … */
  recipientLevels: z.array(Level).max(3).optional(),
  /** … or these units (each must lie below the issuer). */
  recipientIds: z.array(Id).max(20_000).optional(),
  obligations: z.array(ObligationInput).min(1).max(20),
});
export type CreateDirective = z.infer<typeof CreateDirective>;

export const Obligation = ObligationInput.extend({ id: Id });
export type Obligation = z.infer<typeof Obligation>;
export const Directive = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: z.enum(DIRECTIVE_KINDS),
  number: z.string(),
  issuedOn: IsoDate,
  title: z.string(),
  summary: z.string(),
  files: z.array(z.string()),
  obligations: z.array(Obligation),
  recipients: z.number().int(),
});
export type Directive = z.infer<typeof Directive>;

export const DirectiveSummary = Directive.omit({ summary: true, files: true }).extend({
  answered: z.number().int(),
  late: z.number().int(),
  notAnswered: z.number().int(),
  pending: z.number().int(),
});
export type DirectiveSummary = z.infer<typeof DirectiveSummary>;
export const DirectiveListQuery = z.object({ unit: Id, from: IsoDate.optional(), to: IsoDate.optional() });
export type DirectiveListQuery = z.infer<typeof DirectiveListQuery>;

/** One recipient's duty for one obligation, with its on-time status. */
export const DutyRow = z.object({
  directiveId: Id,
  number: z.string(),
  title: z.string(),
  issuerId: Id,
  issuerName: z.string(),
  issuedOn: IsoDate,
  obligationId: Id,
  obligationKind: z.enum(OBLIGATION_KINDS),
  what: z.string(),
  dueOn: IsoDate,
  unitId: Id,
  unitName: z.string(),
  level: z.string(),
  status: z.enum(ANSWER_STATUSES),
  answeredOn: IsoDate.nullable(),
  acknowledgedOn: IsoDate.nullable(),
  answerText: z.string().nullable(),
  figures: z.record(z.string(), z.number()).nullable(),
});
export type DutyRow = z.infer<typeof DutyRow>;
export const DutyPage = z.object({
  rows: z.array(DutyRow),
  total: z.number().int(),
  summary: z.object({ onTime: z.number().int(), late: z.number().int(), notAnswered: z.number().int(), pending: z.number().int() }),
});
export type DutyPage = z.infer<typeof DutyPage>;
export const DutyQuery = z.object({
  unit: Id,
  directive: Id.optional(),
  status: z.enum(ANSWER_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type DutyQuery = z.infer<typeof DutyQuery>;

export const Acknowledge = z.object({ unitId: Id });
export const AnswerObligation = z.object({
  unitId: Id,
  text: z.string().max(20_000).default(''),
  figures: z.record(z.string().max(200), z.number().finite()).default({}),
  files: z.array(Text(300)).max(20).default([]),
  answeredOn: IsoDate.optional(),
});
export type AnswerObligation = z.infer<typeof AnswerObligation>;
export const Reminded = z.object({ reminded: z.number().int() });
export const Acknowledged = z.object({ acknowledgedOn: z.string() });
export const Answer = z.object({
  id: Id,
  obligationId: Id,
  unitId: Id,
  answeredOn: z.string(),
  text: z.string(),
  figures: z.record(z.string(), z.number()),
  files: z.array(z.string()),
});
export type Answer = z.infer<typeof Answer>;
/** A list at one unit (`?unit=12`). */
export const UnitQuery = z.object({ unit: Id });

export const CreateInspection = z.object({
  unitId: Id,
  inspectedUnitId: Id,
  directiveId: Id.optional(),
  heldOn: IsoDate,
  topic: Text(500),
  conclusions: z.string().max(20_000).default(''),
});
export const Inspection = CreateInspection.extend({ id: Id, inspectedUnitName: z.string(), directiveId: Id.nullable() });
export type Inspection = z.infer<typeof Inspection>;

// ---- key tasks ----
export const CreateKeyTask = z.object({ unitId: Id, year: z.number().int().min(2000).max(2100), title: Text(1000), registeredOn: IsoDate });
export const UpdateKeyTask = z.object({ progress: z.number().int().min(0).max(100), completedOn: IsoDate.nullable().optional(), evidence: z.string().max(20_000).optional() });
export const KeyTask = z.object({
  id: Id,
  unitId: Id,
  year: z.number().int(),
  title: z.string(),
  registeredOn: IsoDate,
  progress: z.number().int(),
  completedOn: IsoDate.nullable(),
  evidence: z.string(),
});
export type KeyTask = z.infer<typeof KeyTask>;
export const UnitYearQuery = z.object({ unit: Id, year: z.coerce.number().int().min(2000).max(2100).optional() });

// ---- elections ----
export const CreateElectionTask = z.object({
  unitId: Id,
  campaign: z.enum(ELECTION_CAMPAIGNS),
  kind: z.enum(ELECTION_TASK_KINDS),
  title: Text(500),
  dueOn: IsoDate,
});
export const CompleteElectionTask = z.object({ doneOn: IsoDate, evidence: z.string().max(20_000).default('') });
export const ElectionTask = CreateElectionTask.extend({ id: Id, doneOn: IsoDate.nullable(), evidence: z.string() });
export type ElectionTask = z.infer<typeof ElectionTask>;
export const CreateElectionResult = z.object({
  unitId: Id,
  kind: z.enum(ELECTION_KINDS),
  heldOn: IsoDate,
  voters: z.number().int().min(0).default(0),
  voted: z.number().int().min(0).default(0),
  candidates: z.number().int().min(0).default(0),
  elected: z.number().int().min(0),
  note: z.string().max(2000).default(''),
});
export const ElectionResult = CreateElectionResult.extend({ id: Id });
export type ElectionResult = z.infer<typeof ElectionResult>;

// ---- training ----
export const CreateStaff = z.object({ unitId: Id, personName: Text(200), position: z.string().max(200).default(''), validFrom: IsoDate });
export const Staff = CreateStaff.extend({ id: Id, validTo: z.string() });
export type Staff = z.infer<typeof Staff>;
export const CreateCourse = z.object({ unitId: Id, title: Text(500), startsOn: IsoDate, endsOn: IsoDate, audience: z.string().max(500).default('') });
export const Course = CreateCourse.extend({ id: Id, attendances: z.number().int() });
export type Course = z.infer<typeof Course>;
export const AddAttendances = z.object({
  attendees: z
    .array(z.object({ unitId: Id, personName: Text(200), staffId: Id.optional() }))
    .min(1)
    .max(2000),
});
export const Added = z.object({ added: z.number().int() });

// ---- grading ----
export const ProposeGrading = z.object({ unitId: Id, year: z.number().int().min(2000).max(2100) });
export const DecideGrading = z.object({ grade: z.enum(GRADES), reason: z.string().trim().max(2000).optional() });
export const Evidence = z.object({
  key: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number().nullable(),
});
export type Evidence = z.infer<typeof Evidence>;
export const Grading = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  level: z.string(),
  year: z.number().int(),
  proposedGrade: z.enum(GRADES).nullable(),
  evidence: z.array(Evidence),
  grade: z.enum(GRADES).nullable(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedOn: IsoDate.nullable(),
});
export type Grading = z.infer<typeof Grading>;

// ---- commendations ----
export const CreateCommendation = z.object({
  unitId: Id,
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: Text(300),
  awardedBy: Text(300),
  level: z.enum(AWARD_LEVELS),
  reason: Text(2000),
  awardedOn: IsoDate,
  decisionNo: z.string().max(100).optional(),
  /** A record of another module this commendation belongs to (e.g. movements, a Solidarity Day). */
  source: z.object({ module: z.string().regex(/^[a-z_]{2,40}$/), id: z.string().min(1).max(60) }).optional(),
});
export type CreateCommendation = z.infer<typeof CreateCommendation>;
export const Commendation = CreateCommendation.omit({ source: true, decisionNo: true }).extend({
  id: Id,
  decisionNo: z.string().nullable(),
  sourceModule: z.string().nullable(),
  sourceId: z.string().nullable(),
});
export type Commendation = z.infer<typeof Commendation>;
export const CommendationQuery = z.object({
  unit: Id,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sourceModule: z.string().optional(),
  sourceId: z.string().optional(),
});

// ---- coordination programmes ----
export const CreateProgramme = z.object({
  unitId: Id,
  partner: Text(300),
  partnerKind: z.enum(PARTNER_KINDS),
  title: Text(500),
  signedOn: IsoDate,
  endsOn: IsoDate.optional(),
});
export const ReviewProgramme = z.object({ year: z.number().int().min(2000).max(2100), reviewedOn: IsoDate, result: Text(5000) });
export const Programme = CreateProgramme.omit({ endsOn: true }).extend({
  id: Id,
  endsOn: IsoDate.nullable(),
  reviews: z.array(ReviewProgramme),
});
export type Programme = z.infer<typeof Programme>;
