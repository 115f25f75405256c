import { z } from 'zod';
import { ClientKey, Id, IsoDate } from './common';
import { COVERAGE_KINDS, HOUSE_BUILDS, HOUSE_STATUSES, HOUSEHOLD_CLASSES, HOUSING_CONDITIONS, HOUSING_NEEDS, RELATIONS, SUPPORT_FORMS, SUPPORT_KINDS } from './households-values';

export * from './households-values';

/*
 * Households and social support. A household sits in a village; its classes come from the annual
 * poverty review (one record per year). National ID numbers go in, never come out: responses carry
 * only a masked form.
 */

export const HouseholdClass = z.enum(HOUSEHOLD_CLASSES);
export const HousingCondition = z.enum(HOUSING_CONDITIONS);
export const HousingNeed = z.enum(HOUSING_NEEDS);
export const Relation = z.enum(RELATIONS);
export const SupportKind = z.enum(SUPPORT_KINDS);
export const SupportForm = z.enum(SUPPORT_FORMS);
export const HouseBuild = z.enum(HOUSE_BUILDS);
export const HouseStatus = z.enum(HOUSE_STATUSES);
export const CoverageKind = z.enum(COVERAGE_KINDS);
export type HouseholdClass = z.infer<typeof HouseholdClass>;
export type HousingCondition = z.infer<typeof HousingCondition>;
export type HousingNeed = z.infer<typeof HousingNeed>;
export type Relation = z.infer<typeof Relation>;
export type SupportKind = z.infer<typeof SupportKind>;
export type SupportForm = z.infer<typeof SupportForm>;
export type HouseBuild = z.infer<typeof HouseBuild>;
export type HouseStatus = z.infer<typeof HouseStatus>;
export type CoverageKind = z.infer<typeof CoverageKind>;

const Name = z.string().trim().min(2).max(200);
const Year = z.coerce.number().int().min(2000).max(2100);
const BirthYear = z.number().int().min(1900).max(2100);
const Vnd = z.number().int().min(0).max(1e13);
/** CCCD (12 digits) or old CMND (9 digits). */
export const NationalId = z
  .string()
  .trim()
  .regex(/^(\d{9}|\d{12})$/, '9 hoặc 12 chữ số');

export const Classification = z.object({
  year: Year,
  classes: z.array(HouseholdClass).max(6),
  housingCondition: HousingCondition.nullable().default(null),
  housingNeed: HousingNeed.default('none'),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type Classification = z.infer<typeof Classification>;

export const Member = z.object({
  id: Id,
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  relation: Relation,
  /** "*********123" or null: the number itself never leaves the server. */
  nationalIdMasked: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const Household = z.object({
  id: Id,
  unitId: Id,
  villageName: z.string(),
  communeName: z.string().nullable(),
  headName: z.string(),
  headBirthYear: z.number().int().nullable(),
  address: z.string().nullable(),
  registeredOn: IsoDate,
  memberCount: z.number().int(),
  /** The classification of the list's year (null when not reviewed that year). */
  year: z.number().int(),
  classes: z.array(HouseholdClass).nullable(),
  housingNeed: HousingNeed.nullable(),
});
export type Household = z.infer<typeof Household>;

export const HouseholdListQuery = z.object({
  unit: Id.optional(),
  year: Year.optional(),
  class: HouseholdClass.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

export const HouseDetail = z.object({
  build: HouseBuild,
  status: HouseStatus,
  approvedOn: IsoDate,
  startedOn: IsoDate.nullable(),
  handedOverOn: IsoDate.nullable(),
  costVnd: z.number().int(),
  fromFundVnd: z.number().int(),
  fromMemberOrgsVnd: z.number().int(),
  fromSocialVnd: z.number().int(),
  labourDays: z.number().int(),
  photos: z.array(z.object({ id: Id, stage: HouseStatus, fileName: z.string() })),
});
export type HouseDetail = z.infer<typeof HouseDetail>;

export const Support = z.object({
  id: Id,
  householdId: Id,
  memberId: Id.nullable(),
  memberName: z.string().nullable(),
  unitId: Id,
  unitName: z.string(),
  kind: SupportKind,
  year: z.number().int(),
  supportDate: IsoDate,
  form: SupportForm,
  valueVnd: z.number().int(),
  people: z.number().int(),
  provider: z.string().nullable(),
  campaign: z.string().nullable(),
  fundId: Id.nullable(),
  disbursementId: Id.nullable(),
  loanGroup: z.string().nullable(),
  note: z.string().nullable(),
  house: HouseDetail.nullable(),
});
export type Support = z.infer<typeof Support>;

export const HouseholdDetail = Household.extend({
  note: z.string().nullable(),
  members: z.array(Member),
  history: z.array(Classification),
  supports: z.array(Support),
  canWrite: z.boolean(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

export const MemberInput = z.object({
  fullName: Name,
  birthYear: BirthYear.nullable().default(null),
  relation: Relation.exclude(['head']),
  nationalId: NationalId.optional(),
});

export const CreateHousehold = z.object({
  unitId: Id,
  headName: Name,
  headBirthYear: BirthYear.nullable().default(null),
  headNationalId: NationalId.optional(),
  address: z.string().trim().max(300).nullable().default(null),
  registeredOn: IsoDate.optional(),
  note: z.string().trim().max(1000).nullable().default(null),
  members: z.array(MemberInput).max(30).default([]),
  classification: Classification.optional(),
  /** The user has seen the likely duplicates and saves anyway. */
  confirmDuplicates: z.boolean().default(false),
});
export type CreateHousehold = z.input<typeof CreateHousehold>;

export const AddMember = MemberInput;
export type AddMember = z.input<typeof AddMember>;

export const HouseInput = z
  .object({
    build: HouseBuild,
    status: HouseStatus.default('approved'),
    approvedOn: IsoDate,
    startedOn: IsoDate.nullable().default(null),
    handedOverOn: IsoDate.nullable().default(null),
    costVnd: Vnd,
    fromFundVnd: Vnd.default(0),
    fromMemberOrgsVnd: Vnd.default(0),
    fromSocialVnd: Vnd.default(0),
    labourDays: z.number().int().min(0).max(100000).default(0),
  })
  .refine((h) => h.fromFundVnd + h.fromMemberOrgsVnd + h.fromSocialVnd <= h.costVnd, {
    message: 'Tổng các nguồn không được vượt quá kinh phí / the sources exceed the cost',
    path: ['costVnd'],
  });

export const CreateSupport = z.object({
  householdId: Id,
  kind: SupportKind,
  year: Year.optional(),
  supportDate: IsoDate,
  form: SupportForm.default('cash'),
  valueVnd: Vnd.default(0),
  people: z.number().int().min(0).max(100).default(1),
  memberId: Id.optional(),
  provider: z.string().trim().max(200).nullable().default(null),
  campaign: z.string().trim().max(200).nullable().default(null),
  /** Paid from this fund: the ledger disbursement is proposed in the same transaction. */
  fundId: Id.optional(),
  loanGroup: z.string().trim().max(200).nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
  house: HouseInput.optional(),
  confirmDuplicates: z.boolean().default(false),
  /** Made on the device (an act recorded offline): sent again after a lost answer, it records nothing twice. */
  clientKey: ClientKey.optional(),
});
export type CreateSupport = z.input<typeof CreateSupport>;

export const UpdateHouse = z.object({
  status: HouseStatus,
  date: IsoDate,
});
export type UpdateHouse = z.infer<typeof UpdateHouse>;

export const DuplicateQuery = z.object({
  unit: Id,
  name: Name,
  birthYear: z.coerce.number().int().min(1900).max(2100).optional(),
  address: z.string().trim().max(300).optional(),
  nationalId: NationalId.optional(),
  exclude: Id.optional(),
});
export type DuplicateQuery = z.infer<typeof DuplicateQuery>;

/**
 * A likely duplicate. Outside the user's scope it says only that one exists (no household, unit, village,
 * name, year, address or support details), and only to a query that already names the birth year or ID.
 */
export const DuplicateCandidate = z.object({
  householdId: Id.nullable(),
  memberId: Id.nullable(),
  unitId: Id.nullable(),
  villageName: z.string().nullable(),
  name: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  address: z.string().nullable(),
  reason: z.enum(['same_person', 'same_id', 'same_support']),
  inScope: z.boolean(),
  /** For a support act: the act already recorded for the same purpose. */
  support: z.object({ id: Id, kind: SupportKind, year: z.number().int(), unitName: z.string(), provider: z.string().nullable(), supportDate: IsoDate }).nullable(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const DuplicateReportQuery = z.object({ unit: Id, year: Year.optional() });
export const DuplicateGroup = z.object({
  key: z.string(),
  name: z.string(),
  birthYear: z.number().int().nullable(),
  households: z.array(z.object({ householdId: Id, memberId: Id, unitId: Id, villageName: z.string(), address: z.string().nullable(), relation: Relation })),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const CoverageQuery = z.object({
  unit: Id,
  year: Year.optional(),
  kind: CoverageKind,
  /** For hardship: the quarter (1–4); defaults to the current quarter in the current year, else the last. */
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const CoverageRow = z.object({
  householdId: Id,
  unitId: Id,
  villageName: z.string(),
  headName: z.string(),
  headBirthYear: z.number().int().nullable(),
  address: z.string().nullable(),
  classes: z.array(HouseholdClass),
  housingNeed: HousingNeed,
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const Coverage = z.object({
  unitId: Id,
  year: z.number().int(),
  kind: CoverageKind,
  quarter: z.number().int().nullable(),
  total: z.number().int(),
  reached: z.number().int(),
  missing: z.array(CoverageRow),
});
export type Coverage = z.infer<typeof Coverage>;

export const Summary = z.object({
  unitId: Id,
  year: z.number().int(),
  households: z.number().int(),
  byClass: z.record(z.string(), z.number().int()),
  poor: z.number().int(),
  /** poor ÷ households, in percent (two decimals), null without a household count. */
  povertyRate: z.number().nullable(),
  tet: z.object({ total: z.number().int(), reached: z.number().int() }),
  house: z.object({ total: z.number().int(), reached: z.number().int() }),
});
export type Summary = z.infer<typeof Summary>;

export const ImportError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string(), messageEn: z.string() });
export type ImportError = z.infer<typeof ImportError>;
export const ImportResult = z.object({ created: z.number().int(), year: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportQuery = z.object({
  list: z.enum(['registry', 'coverage']).default('registry'),
  unit: Id,
  year: Year.optional(),
  class: HouseholdClass.optional(),
  kind: CoverageKind.optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

// ---- requests and answers of the endpoint table (endpoints/households.ts) ----
export const YearQuery = z.object({ year: Year.optional() });
export const SummaryQuery = z.object({ unit: Id, year: Year.optional() });
export type SummaryQuery = z.infer<typeof SummaryQuery>;
export const VillageCoverageQuery = z.object({ unit: Id, year: Year.optional(), kind: z.enum(['tet', 'house']) });
export type VillageCoverageQuery = z.infer<typeof VillageCoverageQuery>;
export const VillageCoverage = z.object({ unitId: z.number().int(), total: z.number().int(), reached: z.number().int() });
export type VillageCoverage = z.infer<typeof VillageCoverage>;

/** A file sent inside JSON (the web reads it as base64); the route allows a larger body. */
const Upload = z.object({ fileName: z.string().trim().min(1).max(200), contentBase64: z.string().min(1) });
export const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;
export const ImportUpload = Upload.extend({ unitId: Id, year: z.number().int().min(2000).max(2100) });
export type ImportUpload = z.infer<typeof ImportUpload>;
export const PhotoUpload = Upload.extend({ mime: z.string().max(100) });
export type PhotoUpload = z.infer<typeof PhotoUpload>;

/** A handed-over solidarity house on the public portal: a masked name and the village, nothing else personal. */
export const PublicHouse = z.object({ villageName: z.string(), name: z.string(), year: z.number().int(), build: HouseBuild, handedOverOn: z.string() });
export type PublicHouse = z.infer<typeof PublicHouse>;
export const PublicHousesQuery = z.object({ unit: Id });
