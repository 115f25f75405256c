import { z } from 'zod';
import { Id, IsoDate } from './common';
import {
  MEETING_KINDS,
  PETITION_ACTIONS,
  PETITION_CHANNELS,
  PETITION_FIELDS,
  PETITION_KINDS,
  PETITION_STATES,
  SITUATION_PERIOD_KINDS,
  SITUATION_STATUSES,
} from './petitions-values';

export * from './petitions-values';

/*
 * Citizens' voice: petitions (khiếu nại, tố cáo, kiến nghị, phản ánh) from every channel, followed from
 * receipt to the citizen being told the answer; citizen reception, voter meetings and dialogues;
 * people's situation reports; public result conferences. A petitioner's identity never appears in
 * these shapes except PetitionIdentity, served by its own audited route.
 */

export const PetitionKind = z.enum(PETITION_KINDS);
export const PetitionChannel = z.enum(PETITION_CHANNELS);
export const PetitionField = z.enum(PETITION_FIELDS);
export const PetitionState = z.enum(PETITION_STATES);
export type PetitionKind = z.infer<typeof PetitionKind>;
export type PetitionChannel = z.infer<typeof PetitionChannel>;
export type PetitionField = z.infer<typeof PetitionField>;
export type PetitionState = z.infer<typeof PetitionState>;

const Title = z.string().trim().min(1).max(200);
const Content = z.string().trim().min(1).max(5000);
const Short = z.string().trim().max(200);
const Long = z.string().trim().max(2000);
const Flag = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false'])]).transform((v) => v === true || v === '1' || v === 'true');

export const IdentityFields = z.object({
  name: z.string().trim().max(120).optional(),
  phone: z.string().trim().max(30).optional(),
  email: z.string().trim().max(200).optional(),
  address: z.string().trim().max(300).optional(),
});

export const PublicPetitionInput = IdentityFields.extend({
  kind: PetitionKind,
  title: Title,
  content: Content,
  unitCode: z.string().trim().min(1).max(20),
  field: PetitionField.optional(),
});
export type PublicPetitionInput = z.infer<typeof PublicPetitionInput>;
export const PublicPetitionCreated = z.object({ trackingCode: z.string() });

export const TrackingParams = z.object({ trackingCode: z.string().max(40) });
export const AttachmentParams = z.object({ id: Id, attachmentId: Id });
export const KindParams = z.object({ kind: PetitionKind });
export const PublicUnitsQuery = z.object({ q: z.string().trim().max(100).optional() });
export const PublicUnit = z.object({ code: z.string(), name: z.string() });
export type PublicUnit = z.infer<typeof PublicUnit>;

export const PublicTimelineEntry = z.object({ date: IsoDate, state: PetitionState, action: z.string(), agencyName: z.string().nullable() });
export const PublicPetitionStatus = z.object({
  trackingCode: z.string(),
  kind: PetitionKind,
  unitName: z.string(),
  receivedOn: IsoDate,
  state: PetitionState,
  dueOn: IsoDate.nullable(),
  timeline: z.array(PublicTimelineEntry),
  answer: z.object({ date: IsoDate, inWriting: z.boolean(), summary: z.string() }).nullable(),
});
export type PublicPetitionStatus = z.infer<typeof PublicPetitionStatus>;

export const PetitionListQuery = z.object({
  unit: Id.optional(),
  state: PetitionState.optional(),
  kind: PetitionKind.optional(),
  channel: PetitionChannel.optional(),
  overdue: Flag.optional(),
  /** Open items due within this many days (reminders). */
  dueWithin: z.coerce.number().int().min(0).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PetitionListQuery = z.infer<typeof PetitionListQuery>;

export const PetitionItem = z.object({
  id: Id,
  trackingCode: z.string(),
  unitId: Id,
  unitName: z.string(),
  channel: PetitionChannel,
  kind: PetitionKind,
  field: PetitionField,
  title: z.string(),
  receivedOn: IsoDate,
  state: PetitionState,
  dueOn: IsoDate.nullable(),
  overdue: z.boolean(),
  handlerId: Id.nullable(),
  handlerName: z.string().nullable(),
  agencyName: z.string().nullable(),
});
export type PetitionItem = z.infer<typeof PetitionItem>;
export const PetitionPage = z.object({ items: z.array(PetitionItem), total: z.number().int() });
export type PetitionPage = z.infer<typeof PetitionPage>;

export const PetitionEvent = z.object({
  id: Id,
  onDate: IsoDate,
  action: z.string(),
  fromState: PetitionState.nullable(),
  toState: PetitionState,
  actorName: z.string().nullable(),
  actorUnitName: z.string().nullable(),
  note: z.string().nullable(),
});
export const PetitionAttachment = z.object({ id: Id, purpose: z.enum(['petition', 'answer']), filename: z.string(), mime: z.string(), size: z.number().int() });

export const PetitionDetail = PetitionItem.extend({
  content: z.string(),
  acceptDueOn: IsoDate,
  answerDueOn: IsoDate.nullable(),
  complex: z.boolean(),
  extensions: z.number().int(),
  agencyId: Id.nullable(),
  forwardLetterNo: z.string().nullable(),
  forwardLetterDate: IsoDate.nullable(),
  forwardedOn: IsoDate.nullable(),
  declineReason: z.string().nullable(),
  answeredOn: IsoDate.nullable(),
  answerInWriting: z.boolean().nullable(),
  answerDocNo: z.string().nullable(),
  answerSummary: z.string().nullable(),
  answerPublic: z.boolean(),
  informedOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
  hasIdentity: z.boolean(),
  /** A denouncer's identity: readable only with petition.identity. */
  identityProtected: z.boolean(),
  canReadIdentity: z.boolean(),
  canWrite: z.boolean(),
  allowedActions: z.array(z.enum(PETITION_ACTIONS)),
  events: z.array(PetitionEvent),
  attachments: z.array(PetitionAttachment),
});
export type PetitionDetail = z.infer<typeof PetitionDetail>;

export const PetitionIdentity = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});
export type PetitionIdentity = z.infer<typeof PetitionIdentity>;

export const CreatePetition = IdentityFields.extend({
  unitId: Id,
  channel: PetitionChannel.exclude(['web']),
  kind: PetitionKind,
  field: PetitionField.default('khac'),
  title: Title,
  content: Content,
  receivedOn: IsoDate,
  handlerId: Id.optional(),
  receptionId: Id.optional(),
  meetingId: Id.optional(),
  reportId: Id.optional(),
});
export type CreatePetition = z.infer<typeof CreatePetition>;

const ActDate = { date: IsoDate.optional() };
export const PetitionActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), ...ActDate, handlerId: Id.optional() }),
  z.object({ action: z.literal('decline'), ...ActDate, reason: z.string().trim().min(1).max(1000) }),
  z.object({
    action: z.literal('forward'),
    ...ActDate,
    agencyId: Id,
    letterNo: z.string().trim().min(1).max(50),
    letterDate: IsoDate,
    complex: z.boolean().default(false),
  }),
  z.object({ action: z.literal('extend'), ...ActDate, note: Long.optional() }),
  z.object({
    action: z.literal('answer'),
    ...ActDate,
    inWriting: z.boolean(),
    docNo: z.string().trim().max(50).optional(),
    summary: z.string().trim().min(1).max(3000),
    publish: z.boolean().default(true),
  }),
  z.object({ action: z.literal('inform'), ...ActDate, note: Long.optional() }),
  z.object({ action: z.literal('close'), ...ActDate }),
  z.object({ action: z.literal('reopen'), ...ActDate, reason: z.string().trim().min(1).max(1000) }),
]);
export type PetitionActionInput = z.infer<typeof PetitionActionInput>;
export const AssignHandler = z.object({ handlerId: Id });

export const PetitionReminders = z.object({ overdue: z.number().int(), dueSoon: z.number().int() });
export type PetitionReminders = z.infer<typeof PetitionReminders>;

export const DeadlineRule = z.object({
  kind: PetitionKind,
  acceptDays: z.number().int().min(1).max(365),
  answerDays: z.number().int().min(1).max(365),
  complexAnswerDays: z.number().int().min(1).max(365),
  extensionDays: z.number().int().min(0).max(365),
  maxExtensions: z.number().int().min(0).max(5),
  resultNoticeDays: z.number().int().min(1).max(365).nullable(),
});
export type DeadlineRule = z.infer<typeof DeadlineRule>;
export const UpdateDeadlineRule = DeadlineRule.omit({ kind: true });

export const Agency = z.object({ id: Id, unitId: Id, unitName: z.string(), name: z.string(), fields: z.array(z.string()) });
export type Agency = z.infer<typeof Agency>;
export const AgencyQuery = z.object({ unit: Id });
export const CreateAgency = z.object({ unitId: Id, name: Title, fields: z.array(PetitionField).default([]) });

export const Reception = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  heldOn: IsoDate,
  officials: z.string(),
  citizensCount: z.number().int(),
  matters: z.string(),
});
export type Reception = z.infer<typeof Reception>;
export const CreateReception = z.object({
  unitId: Id,
  heldOn: IsoDate,
  officials: Short.min(1),
  citizensCount: z.number().int().min(0).max(100000),
  matters: Long.default(''),
});
export const Meeting = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: z.enum(MEETING_KINDS),
  heldOn: IsoDate,
  deputies: z.string(),
  place: z.string(),
  voters: z.number().int(),
  opinions: z.number().int(),
  note: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;
export const CreateMeeting = z.object({
  unitId: Id,
  kind: z.enum(MEETING_KINDS),
  heldOn: IsoDate,
  deputies: Short.default(''),
  place: Short.default(''),
  voters: z.number().int().min(0).max(1000000),
  opinions: z.number().int().min(0).max(100000),
  note: Long.default(''),
});
export const ActivityQuery = z.object({ unit: Id, from: IsoDate.optional(), to: IsoDate.optional() });

export const SituationPeriod = z.object({
  id: Id,
  unitId: Id,
  kind: z.enum(SITUATION_PERIOD_KINDS),
  startsOn: IsoDate,
  endsOn: IsoDate,
  dueOn: IsoDate,
  levels: z.array(z.string()),
});
export type SituationPeriod = z.infer<typeof SituationPeriod>;
export const CreateSituationPeriod = z.object({
  unitId: Id,
  kind: z.enum(SITUATION_PERIOD_KINDS),
  startsOn: IsoDate,
  endsOn: IsoDate,
  dueOn: IsoDate,
  levels: z.array(z.enum(['district', 'commune', 'village'])).min(1),
});
export const SituationQuery = z.object({
  unit: Id,
  /** A period id, or a period kind (half_month, month, quarter). */
  period: z.string().max(20).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type SituationQuery = z.infer<typeof SituationQuery>;
export const SituationRow = z.object({
  periodId: Id,
  unitId: Id,
  unitName: z.string(),
  level: z.string(),
  status: z.enum(SITUATION_STATUSES),
  dueOn: IsoDate,
  filedOn: IsoDate.nullable(),
  reportId: Id.nullable(),
  hotIssues: z.array(z.string()),
});
export const SituationOverview = z.object({
  periods: z.array(SituationPeriod),
  rows: z.array(SituationRow),
  summary: z.object({ onTime: z.number().int(), late: z.number().int(), notFiled: z.number().int(), pending: z.number().int() }),
  hotIssues: z.array(z.object({ issue: z.string(), count: z.number().int() })),
});
export type SituationOverview = z.infer<typeof SituationOverview>;
export const FileSituationReport = z.object({
  periodId: Id,
  unitId: Id,
  filedOn: IsoDate.optional(),
  topics: Long.default(''),
  hotIssues: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  petitionIds: z.array(Id).max(100).default([]),
});
export const SituationReport = z.object({
  id: Id,
  periodId: Id,
  unitId: Id,
  filedOn: IsoDate,
  topics: z.string(),
  hotIssues: z.array(z.string()),
  petitionIds: z.array(Id),
});

export const Conference = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  heldOn: IsoDate,
  title: z.string(),
  attendees: z.number().int(),
  note: z.string(),
  petitionIds: z.array(Id),
});
export type Conference = z.infer<typeof Conference>;
export const CreateConference = z.object({
  unitId: Id,
  heldOn: IsoDate,
  title: Title,
  attendees: z.number().int().min(0).max(100000).default(0),
  note: Long.default(''),
  petitionIds: z.array(Id).max(500).default([]),
});

export const StatsQuery = z.object({ unit: Id, from: IsoDate, to: IsoDate });
export const PetitionStats = z.object({
  received: z.number().int(),
  forwarded: z.number().int(),
  answerDue: z.number().int(),
  answeredInWriting: z.number().int(),
  /** answeredInWriting ÷ answerDue (target 13), null when nothing was due. */
  writtenAnswerRate: z.number().nullable(),
  medianDaysToAnswer: z.number().nullable(),
  overdue: z.number().int(),
});
export type PetitionStats = z.infer<typeof PetitionStats>;

// "My petitions": a citizen proves a contact with a one-time code and sees the petitions sent with it.
export const CitizenCodeRequest = z.object({ contact: z.string().trim().min(3).max(200) });
export const CitizenCodeSent = z.object({ sent: z.literal(true), minutes: z.number().int() });
export const MyPetitionsRequest = CitizenCodeRequest.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const MyPetition = z.object({ trackingCode: z.string(), kind: PetitionKind, unitName: z.string(), receivedOn: IsoDate, state: PetitionState });
export const MyPetitions = z.object({ items: z.array(MyPetition) });
export type MyPetitions = z.infer<typeof MyPetitions>;
