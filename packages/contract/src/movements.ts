import { z } from 'zod';
import { ClientKey, Id, IsoDate } from './common';
import { ACTIVITY_KINDS_MOVEMENT, CHANNEL_KINDS, MODEL_KINDS, OUTPUT_KINDS, RELIGIONS, RELIGION_ACTIVITY_KINDS, SURVEY_RATINGS, UNIT_TITLES } from './movements-values';

export * from './movements-values';

/*
 * Movements and community: propaganda channels and their output, religious work and flag compliance,
 * the Great Solidarity Day per village and year, cultural titles and conventions, satisfaction surveys
 * (results carry counts only, never who answered) and the one registry of models, with campaign activities.
 */

const Name = z.string().trim().min(1).max(300);
const Text = z.string().trim().max(2000);
const Count = z.coerce.number().int().min(0).max(100_000);
const Vnd = z.coerce.number().int().min(0).max(1_000_000_000_000);
const Year = z.coerce.number().int().min(2000).max(2100);

export const ChannelKind = z.enum(CHANNEL_KINDS);
export const OutputKind = z.enum(OUTPUT_KINDS);
export const Religion = z.enum(RELIGIONS);
export const ReligionActivityKind = z.enum(RELIGION_ACTIVITY_KINDS);
export const UnitTitle = z.enum(UNIT_TITLES);
export const SurveyRating = z.enum(SURVEY_RATINGS);
export const ModelKind = z.enum(MODEL_KINDS);
export const MovementActivityKind = z.enum(ACTIVITY_KINDS_MOVEMENT);

export const UnitYearQuery = z.object({ unit: Id, year: Year });
export type UnitYearQuery = z.infer<typeof UnitYearQuery>;

// ---- propaganda ----
export const CreateChannel = z.object({ unitId: Id, kind: ChannelKind, name: Name, url: z.string().trim().url().max(500).optional(), validFrom: IsoDate });
export type CreateChannel = z.infer<typeof CreateChannel>;
export const Channel = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: ChannelKind,
  name: z.string(),
  url: z.string().nullable(),
  validFrom: IsoDate,
  validTo: z.string(),
});
export type Channel = z.infer<typeof Channel>;
export const RecordOutput = z.object({
  unitId: Id,
  channelId: Id.optional(),
  kind: OutputKind,
  periodFrom: IsoDate,
  periodTo: IsoDate,
  quantity: z.coerce.number().int().min(1).max(100_000),
  note: Text.optional(),
});
export type RecordOutput = z.infer<typeof RecordOutput>;
export const PropagandaOverview = z.object({
  channels: z.array(Channel),
  outputs: z.array(z.object({ kind: OutputKind, quantity: z.number() })),
  /** Units of the subtree (city and wards) with a digital channel and posts in the year, of all of them (target 1). */
  digitalUnits: z.number(),
  frontUnits: z.number(),
});
export type PropagandaOverview = z.infer<typeof PropagandaOverview>;

// ---- religion ----
export const CreateEstablishment = z.object({ unitId: Id, name: Name, religion: Religion, hasCamera: z.boolean().default(false), validFrom: IsoDate });
export type CreateEstablishment = z.infer<typeof CreateEstablishment>;
export const Establishment = z.object({ id: Id, unitId: Id, unitName: z.string(), name: z.string(), religion: Religion, hasCamera: z.boolean() });
export type Establishment = z.infer<typeof Establishment>;
export const CreateReligionActivity = z.object({
  unitId: Id,
  kind: ReligionActivityKind,
  heldOn: IsoDate,
  occasion: Text.default(''),
  establishmentId: Id.optional(),
  giftsUpper: Count.default(0),
  giftsLocal: Count.default(0),
  giftValueVnd: Vnd.default(0),
  delegates: Count.default(0),
  commended: Count.default(0),
});
export type CreateReligionActivity = z.infer<typeof CreateReligionActivity>;
export const ReligionActivity = CreateReligionActivity.extend({ id: Id });
export type ReligionActivity = z.infer<typeof ReligionActivity>;
export const FlagQuery = z.object({ unit: Id, holiday: Id });
export const Holiday = z.object({ id: Id, name: z.string(), heldOn: IsoDate });
export type Holiday = z.infer<typeof Holiday>;
export const FlagSheet = z.object({
  holiday: Holiday,
  rows: z.array(z.object({ establishmentId: Id, name: z.string(), unitName: z.string(), compliant: z.boolean().nullable() })),
  due: z.number(),
  compliant: z.number(),
});
export type FlagSheet = z.infer<typeof FlagSheet>;
export const RecordFlags = z.object({
  unitId: Id,
  holidayId: Id,
  checks: z
    .array(z.object({ establishmentId: Id, compliant: z.boolean() }))
    .min(1)
    .max(500),
});
export type RecordFlags = z.infer<typeof RecordFlags>;

// ---- the Great Solidarity Day ----
export const RecordFestival = z.object({
  unitId: Id,
  heldOn: IsoDate,
  attendance: Count,
  meal: z.boolean(),
  leadersCentral: Count.default(0),
  leadersProvince: Count.default(0),
  leadersCity: Count.default(0),
  leadersLocal: Count.default(0),
  goldenHearts: Count.default(0),
  gifts: Count.default(0),
  giftsValueVnd: Vnd.default(0),
  collectivesCommended: Count.default(0),
  individualsCommended: Count.default(0),
  civilWorks: Count.default(0),
  civilWorksValueVnd: Vnd.default(0),
  note: Text.default(''),
  /** Set by a phone that recorded the day offline: sent again, it answers the day first recorded. */
  clientKey: ClientKey.optional(),
});
export type RecordFestival = z.input<typeof RecordFestival>;
export const Festival = RecordFestival.omit({ clientKey: true }).extend({ id: Id, year: z.number(), unitName: z.string() });
export type Festival = z.infer<typeof Festival>;
export const SolidarityOverview = z.object({
  year: z.number(),
  villages: z.number(),
  held: z.number(),
  /** The villages of the unit that have not held it in the year, by ward and name. */
  notHeld: z.array(z.object({ unitId: Id, name: z.string(), parentName: z.string() })),
  festivals: z.array(Festival),
});
export type SolidarityOverview = z.infer<typeof SolidarityOverview>;

// ---- cultural titles and conventions ----
export const RecordVillageYear = z.object({
  unitId: Id,
  year: Year,
  assessedOn: IsoDate,
  households: Count,
  registered: Count,
  recognised: Count,
  civilisedRites: Count.default(0),
  envPledged: Count.default(0),
  greenSunday: Count.default(0),
});
export type RecordVillageYear = z.input<typeof RecordVillageYear>;
export const RecordTitle = z.object({ unitId: Id, title: UnitTitle, recognisedOn: IsoDate, decision: Text.default('') });
export type RecordTitle = z.input<typeof RecordTitle>;
export const RecordConvention = z.object({ unitId: Id, approvedOn: IsoDate, decision: Text.default('') });
export type RecordConvention = z.input<typeof RecordConvention>;
export const CultureOverview = z.object({
  year: z.number(),
  households: z.number(),
  registered: z.number(),
  recognised: z.number(),
  villages: z.array(
    z.object({ unitId: Id, name: z.string(), households: z.number(), registered: z.number(), recognised: z.number(), titles: z.array(UnitTitle), convention: z.boolean() }),
  ),
  titles: z.array(z.object({ title: UnitTitle, count: z.number() })),
});
export type CultureOverview = z.infer<typeof CultureOverview>;
export const Saved = z.object({ id: z.number() });

// ---- satisfaction surveys ----
export const CreateSurvey = z.object({
  unitId: Id,
  campaign: Name,
  title: Name,
  question: Text.min(1),
  opensOn: IsoDate,
  closesOn: IsoDate,
  public: z.boolean().default(true),
});
export type CreateSurvey = z.input<typeof CreateSurvey>;
export const Survey = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  campaign: z.string(),
  title: z.string(),
  question: z.string(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  publicCode: z.string().nullable(),
});
export type Survey = z.infer<typeof Survey>;
/** A household code as printed on the invitation: letters and digits (spaces and dashes are ignored). */
export const HouseholdCode = z.string().trim().max(40);
export const PaperAnswers = z.object({
  answeredOn: IsoDate,
  answers: z
    .array(z.object({ rating: SurveyRating, householdCode: HouseholdCode.optional() }))
    .min(1)
    .max(500),
});
export type PaperAnswers = z.infer<typeof PaperAnswers>;
/** Results: counts only (the answers carry no name, address or code). The margin of error is at 95% confidence. */
export const SurveyResults = z.object({
  surveyId: Id,
  title: z.string(),
  respondents: z.number(),
  satisfied: z.number(),
  ratePct: z.number().nullable(),
  marginPct: z.number().nullable(),
  byRating: z.array(z.object({ rating: SurveyRating, count: z.number() })),
  byChannel: z.array(z.object({ channel: z.enum(['paper', 'public']), count: z.number() })),
});
export type SurveyResults = z.infer<typeof SurveyResults>;
export const SurveyCodeParams = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{6,16}$/),
});
export const PublicSurvey = z.object({
  code: z.string(),
  unitName: z.string(),
  campaign: z.string(),
  title: z.string(),
  question: z.string(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  open: z.boolean(),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;
export const PublicAnswer = z.object({ householdCode: HouseholdCode, rating: SurveyRating });
export type PublicAnswer = z.infer<typeof PublicAnswer>;
export const AnswerAccepted = z.object({ ok: z.literal(true), answeredOn: IsoDate });

// ---- models and campaign activities ----
export const ModelQuery = z.object({ unit: Id, kind: ModelKind.optional() });
export const CreateModel = z.object({
  unitId: Id,
  kind: ModelKind,
  name: Name,
  startedOn: IsoDate,
  members: Count.default(0),
  recognisedOn: IsoDate.optional(),
  excellent: z.boolean().default(false),
});
export type CreateModel = z.input<typeof CreateModel>;
export const Model = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: ModelKind,
  name: z.string(),
  startedOn: IsoDate,
  endedOn: IsoDate.nullable(),
  recognisedOn: IsoDate.nullable(),
  excellent: z.boolean(),
  members: z.number(),
});
export type Model = z.infer<typeof Model>;
export const RecogniseModel = z.object({ recognisedOn: IsoDate, excellent: z.boolean().default(false) });
export type RecogniseModel = z.input<typeof RecogniseModel>;
export const CreateMovementActivity = z.object({
  unitId: Id,
  kind: MovementActivityKind,
  heldOn: IsoDate,
  title: Text.default(''),
  quantity: z.coerce.number().min(0).max(1_000_000).default(1),
  participants: Count.default(0),
  opinions: Count.default(0),
  valueVnd: Vnd.default(0),
});
export type CreateMovementActivity = z.input<typeof CreateMovementActivity>;
