import { z } from 'zod';
import { ClientKey, Id, IsoDate } from './common';
import {
  ACTIVITY_FORMS,
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  BOARD_KINDS,
  BOARD_RATINGS,
  DOC_KINDS,
  MEDIATION_KINDS,
  MEDIATION_OUTCOMES,
  OPINION_FORMS,
  OPINION_TOPICS,
  RECOMMENDATION_STATUSES,
  SUBJECT_KINDS,
} from './oversight-values';

export * from './oversight-values';

/*
 * Oversight: supervision and social criticism plans and activities, their recommendations followed to
 * the remedy, opinions on drafts and officials, the people's boards, and mediation. A mediation case's
 * parties appear only masked, except in MediationParties, served by its own audited route.
 */

const Title = z.string().trim().min(1).max(300);
const Text = z.string().trim().max(5000);
const Short = z.string().trim().max(300);
const Count = z.coerce.number().int().min(0).max(1_000_000);

export const ActivityKind = z.enum(ACTIVITY_KINDS);
export const ActivityForm = z.enum(ACTIVITY_FORMS);
export const SubjectKind = z.enum(SUBJECT_KINDS);
export const RecommendationStatus = z.enum(RECOMMENDATION_STATUSES);
export const BoardKind = z.enum(BOARD_KINDS);
export const BoardRating = z.enum(BOARD_RATINGS);
export const MediationKind = z.enum(MEDIATION_KINDS);
export const MediationOutcome = z.enum(MEDIATION_OUTCOMES);
export type ActivityKind = z.infer<typeof ActivityKind>;
export type ActivityForm = z.infer<typeof ActivityForm>;
export type SubjectKind = z.infer<typeof SubjectKind>;
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;
export type BoardKind = z.infer<typeof BoardKind>;
export type BoardRating = z.infer<typeof BoardRating>;
export type MediationKind = z.infer<typeof MediationKind>;
export type MediationOutcome = z.infer<typeof MediationOutcome>;

// ---- plans ----
export const PlanTopicInput = z.object({
  kind: ActivityKind,
  title: Title,
  subjectKind: SubjectKind,
  subject: Title,
  form: ActivityForm,
  quarter: z.coerce.number().int().min(1).max(4),
});
export const CreatePlan = z.object({ unitId: Id, year: z.coerce.number().int().min(2000).max(2100), topics: z.array(PlanTopicInput).max(50) });
export type CreatePlan = z.infer<typeof CreatePlan>;
export const ApprovePlan = z.object({ approvedOn: IsoDate.optional(), partyOpinion: Text.optional(), partyOpinionOn: IsoDate.optional() });
export type ApprovePlan = z.infer<typeof ApprovePlan>;
/** A planned topic; `activityId` is the first supervision or criticism recorded against it (null: not yet carried out). */
export const PlanTopic = PlanTopicInput.extend({ id: Id, activityId: Id.nullable() });
/**
 * What the targets ask of the unit's level a year, how far the plan falls short (`gap`), and how many the
 * unit has carried out that year (`done`, counted as target 10 counts them: led by the Front, every criticism).
 */
export const PlanRequirement = z.object({ kind: ActivityKind, min: z.number(), max: z.number().nullable(), planned: z.number(), gap: z.number(), done: z.number() });
export const Plan = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  year: z.number(),
  status: z.enum(['draft', 'approved']),
  approvedOn: IsoDate.nullable(),
  partyOpinion: z.string().nullable(),
  partyOpinionOn: IsoDate.nullable(),
  topics: z.array(PlanTopic),
  requirements: z.array(PlanRequirement),
});
export type Plan = z.infer<typeof Plan>;
export const PlanQuery = z.object({ unit: Id, year: z.coerce.number().int().min(2000).max(2100) });

// ---- supervisions and criticisms ----
export const RecommendationInput = z.object({ content: Title, agency: Title, dueOn: IsoDate });
export type RecommendationInput = z.infer<typeof RecommendationInput>;
export const CreateActivity = z.object({
  unitId: Id,
  kind: ActivityKind,
  form: ActivityForm,
  topicId: Id.optional(),
  title: Title,
  subjectKind: SubjectKind,
  subject: Title,
  team: Short.default(''),
  startedOn: IsoDate,
  documents: Text.default(''),
  draftTitle: Short.optional(),
  participants: Count.optional(),
  opinionsGiven: Count.optional(),
  opinionsAccepted: Count.optional(),
});
export type CreateActivity = z.infer<typeof CreateActivity>;
export const CompleteActivity = z.object({
  endedOn: IsoDate,
  findings: Text.default(''),
  conclusion: z.string().trim().min(1).max(5000),
  recommendations: z.array(RecommendationInput).max(50).default([]),
  opinionsGiven: Count.optional(),
  opinionsAccepted: Count.optional(),
});
export type CompleteActivity = z.infer<typeof CompleteActivity>;
export const AddRecommendations = z.object({ madeOn: IsoDate.optional(), recommendations: z.array(RecommendationInput).min(1).max(50) });
export type AddRecommendations = z.infer<typeof AddRecommendations>;

export const Recommendation = z.object({
  id: Id,
  activityId: Id,
  activityTitle: z.string(),
  unitId: Id,
  unitName: z.string(),
  madeOn: IsoDate,
  content: z.string(),
  agency: z.string(),
  dueOn: IsoDate,
  status: RecommendationStatus,
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredOn: IsoDate.nullable(),
  doneOn: IsoDate.nullable(),
});
export type Recommendation = z.infer<typeof Recommendation>;
export const FollowRecommendation = z.object({ status: RecommendationStatus, answer: Text.optional(), date: IsoDate.optional(), dueOn: IsoDate.optional() });
export type FollowRecommendation = z.infer<typeof FollowRecommendation>;
export const RecommendationListQuery = z.object({
  unit: Id.optional(),
  overdue: z
    .union([z.boolean(), z.enum(['1', '0', 'true', 'false'])])
    .transform((v) => v === true || v === '1' || v === 'true')
    .default(false),
  status: RecommendationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RecommendationListQuery = z.infer<typeof RecommendationListQuery>;
export const RecommendationPage = z.object({ items: z.array(Recommendation), total: z.number() });
export type RecommendationPage = z.infer<typeof RecommendationPage>;

export const ActivityItem = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: ActivityKind,
  form: ActivityForm,
  title: z.string(),
  subjectKind: SubjectKind,
  subject: z.string(),
  startedOn: IsoDate,
  endedOn: IsoDate.nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  recommendations: z.number(),
  openRecommendations: z.number(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;
export const ActivityDetail = ActivityItem.extend({
  topicId: Id.nullable(),
  team: z.string(),
  documents: z.string(),
  findings: z.string(),
  conclusion: z.string(),
  draftTitle: z.string().nullable(),
  participants: z.number().nullable(),
  opinionsGiven: z.number().nullable(),
  opinionsAccepted: z.number().nullable(),
  items: z.array(Recommendation),
  canWrite: z.boolean(),
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;
export const ActivityListQuery = z.object({
  unit: Id,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: ActivityKind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// ---- opinions ----
export const DraftInput = z.object({ title: Title, docKind: z.enum(DOC_KINDS), opinions: Count });
export const CreateOpinionSession = z.object({
  unitId: Id,
  heldOn: IsoDate,
  form: z.enum(OPINION_FORMS),
  topic: z.enum(OPINION_TOPICS),
  title: Title,
  participants: Count.default(0),
  officialsOpinions: Count.default(0),
  drafts: z.array(DraftInput).max(100).default([]),
});
export type CreateOpinionSession = z.infer<typeof CreateOpinionSession>;
export const OpinionSession = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  heldOn: IsoDate,
  form: z.enum(OPINION_FORMS),
  topic: z.enum(OPINION_TOPICS),
  title: z.string(),
  participants: z.number(),
  officialsOpinions: z.number(),
  drafts: z.array(DraftInput.extend({ id: Id })),
});
export type OpinionSession = z.infer<typeof OpinionSession>;
export const UnitYearQuery = z.object({ unit: Id, year: z.coerce.number().int().min(2000).max(2100).optional() });

// ---- people's boards ----
export const BoardMemberInput = z.object({ fullName: z.string().trim().min(2).max(120), villageId: Id.optional(), role: z.enum(['head', 'deputy', 'member']).default('member') });
export const CreateBoard = z.object({
  unitId: Id,
  kind: BoardKind,
  name: Title,
  project: Short.optional(),
  termLabel: z.string().trim().min(1).max(40),
  electedOn: IsoDate,
  validTo: IsoDate.optional(),
  members: z.array(BoardMemberInput).max(60),
});
export type CreateBoard = z.infer<typeof CreateBoard>;
export const BoardYearInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  plan: Text.default(''),
  fundingRequiredVnd: z.coerce.number().int().min(0).max(1e12),
  fundingVnd: z.coerce.number().int().min(0).max(1e12),
  rating: BoardRating.nullable().default(null),
  ratedOn: IsoDate.optional(),
});
export type BoardYearInput = z.infer<typeof BoardYearInput>;
export const CreateBoardSupervision = z.object({
  heldOn: IsoDate,
  subject: Title,
  findings: Text.default(''),
  violations: z.coerce.number().int().min(0).max(10000).default(0),
  remedy: Text.default(''),
  remedied: z.boolean().default(false),
});
export type CreateBoardSupervision = z.infer<typeof CreateBoardSupervision>;
export const BoardReportInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  filedOn: IsoDate,
  summary: Text.default(''),
});
export type BoardReportInput = z.infer<typeof BoardReportInput>;
export const Board = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: BoardKind,
  name: z.string(),
  project: z.string().nullable(),
  termLabel: z.string(),
  electedOn: IsoDate,
  validTo: z.string(),
  members: z.array(BoardMemberInput.extend({ id: Id, villageName: z.string().nullable() })),
  years: z.array(BoardYearInput.extend({ ratedOn: IsoDate.nullable() })),
  supervisions: z.number(),
  violations: z.number(),
});
export type Board = z.infer<typeof Board>;
export const BoardSupervision = z.object({
  id: Id,
  heldOn: IsoDate,
  subject: z.string(),
  findings: z.string(),
  violations: z.number(),
  remedy: z.string(),
  remedied: z.boolean(),
});
export type BoardSupervision = z.infer<typeof BoardSupervision>;
export const BoardReport = BoardReportInput.extend({ id: Id });
/** One board with its supervisions (newest first) and its quarterly reports to the Front. */
export const BoardDetail = Board.extend({ supervisionList: z.array(BoardSupervision), reports: z.array(BoardReport) });
export type BoardDetail = z.infer<typeof BoardDetail>;
/** The remedy of the violations a board's supervision found, recorded when the agency remedies them. */
export const BoardSupervisionRemedy = z.object({ remedy: z.string().trim().min(1).max(5000), remedied: z.boolean() });
export type BoardSupervisionRemedy = z.infer<typeof BoardSupervisionRemedy>;

// ---- mediation ----
export const Party = z.object({ name: z.string().trim().min(2).max(120), phone: z.string().trim().max(30).optional(), address: z.string().trim().max(300).optional() });
export const CreateMediationTeam = z.object({
  unitId: Id,
  name: Title,
  validFrom: IsoDate,
  members: z.array(z.object({ fullName: z.string().trim().min(2).max(120), role: z.enum(['head', 'member']) })).max(30),
});
export type CreateMediationTeam = z.infer<typeof CreateMediationTeam>;
export const MediationTeam = z.object({ id: Id, unitId: Id, unitName: z.string(), name: z.string(), validFrom: IsoDate, members: z.number(), cases: z.number() });
export type MediationTeam = z.infer<typeof MediationTeam>;
export const CreateMediationCase = z.object({
  unitId: Id,
  receivedOn: IsoDate,
  kind: MediationKind,
  summary: Text.default(''),
  parties: z.array(Party).min(2).max(20),
  clientKey: ClientKey.optional(),
});
export type CreateMediationCase = z.infer<typeof CreateMediationCase>;
export const CloseMediationCase = z.object({ outcome: MediationOutcome.exclude(['pending']), closedOn: IsoDate });
export type CloseMediationCase = z.infer<typeof CloseMediationCase>;
/** A case as every list and export shows it: the parties masked. */
export const MediationCase = z.object({
  id: Id,
  teamId: Id,
  teamName: z.string(),
  unitId: Id,
  unitName: z.string(),
  receivedOn: IsoDate,
  kind: MediationKind,
  summary: z.string(),
  partiesMasked: z.string(),
  outcome: MediationOutcome,
  closedOn: IsoDate.nullable(),
  canReadParties: z.boolean(),
});
export type MediationCase = z.infer<typeof MediationCase>;
export const MediationParties = z.object({ parties: z.array(Party) });
export type MediationParties = z.infer<typeof MediationParties>;
export const MediationQuery = z.object({ unit: Id, year: z.coerce.number().int().min(2000).max(2100).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) });
export const MediationStats = z.object({ cases: z.number(), closed: z.number(), successful: z.number(), rate: z.number().nullable() });

// ---- public ----
export const PublicSupervision = z.object({
  title: z.string(),
  kind: ActivityKind,
  unitName: z.string(),
  subject: z.string(),
  startedOn: IsoDate,
  endedOn: IsoDate.nullable(),
  conclusion: z.string(),
  recommendations: z.array(z.object({ content: z.string(), agency: z.string(), dueOn: IsoDate, status: z.union([RecommendationStatus, z.literal('overdue')]) })),
});
export type PublicSupervision = z.infer<typeof PublicSupervision>;
export const PublicUnitParams = z.object({ code: z.string().trim().min(1).max(20) });
