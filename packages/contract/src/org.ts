import { z } from 'zod';
import { Id, IsoDate } from './common';
import { UnitLevel } from './units';
import { COMMITTEE_KINDS, FRONT_PERSON_ROLES, GENDERS, MEMBER_ORG_KINDS, POSITIONS } from './org-values';

// The plain values live in org-values.ts (zod-free, for the web bundle); re-exported here so
// server code keeps importing everything org-related from one place.
export {
  COMMITTEE_KINDS,
  COMMITTEE_KIND_LABELS,
  FRONT_PERSON_ROLES,
  FRONT_PERSON_ROLE_LABELS,
  GENDERS,
  GENDER_LABELS,
  MEMBER_ORG_KINDS,
  MEMBER_ORG_KIND_LABELS,
  POSITIONS,
  POSITIONS_BY_KIND,
  POSITION_LABELS,
} from './org-values';

/*
 * The Front organisation: committees per unit and term, their members and membership changes
 * (kiện toàn), member organisations, reporters and propagandists.
 * Dates follow the units convention: periods are half-open [validFrom, validTo); validTo is the first
 * day no longer valid and null while open. Every fact lives at a unit on a date.
 */

export const CommitteeKind = z.enum(COMMITTEE_KINDS);
export type CommitteeKind = z.infer<typeof CommitteeKind>;
export const Position = z.enum(POSITIONS);
export type Position = z.infer<typeof Position>;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;
export const MemberOrgKind = z.enum(MEMBER_ORG_KINDS);
export type MemberOrgKind = z.infer<typeof MemberOrgKind>;
export const FrontPersonRole = z.enum(FRONT_PERSON_ROLES);
export type FrontPersonRole = z.infer<typeof FrontPersonRole>;

/** Term label such as "2024–2029" (an ASCII hyphen is accepted and stored as an en dash). */
export const TermLabel = z
  .string()
  .trim()
  .regex(/^\d{4}\s*[-–]\s*\d{4}$/, 'YYYY–YYYY');
const Name = z.string().trim().min(1).max(200);
const ShortText = z.string().trim().max(200);
const LongText = z.string().trim().max(2000);
const BirthYear = z.number().int().min(1900).max(2100);
/** 'unit' = facts at the unit itself; 'subtree' = also its descendants (as they stood on each fact's date). */
export const ListScope = z.enum(['unit', 'subtree']);
export type ListScope = z.infer<typeof ListScope>;

// ---------- committees ----------

export const Committee = z.object({
  id: Id,
  unitId: Id,
  unitCode: z.string(),
  unitName: z.string(),
  unitLevel: UnitLevel,
  kind: CommitteeKind,
  name: z.string().nullable(),
  termLabel: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  decisionNo: z.string().nullable(),
  note: z.string().nullable(),
  /** Members active on the reference date (asOf, else today, clipped to the committee's period). */
  memberCount: z.number().int(),
  /** The chair (or head) on the reference date, if any. */
  headName: z.string().nullable(),
});
export type Committee = z.infer<typeof Committee>;

export const CommitteeListQuery = z.object({
  unit: Id.optional(),
  /** Only committees active on this date. */
  asOf: IsoDate.optional(),
  kind: CommitteeKind.optional(),
  term: TermLabel.optional(),
  scope: ListScope.default('unit'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type CommitteeListQuery = z.infer<typeof CommitteeListQuery>;

export const CommitteeMember = z.object({
  id: Id,
  committeeId: Id,
  personName: z.string(),
  gender: Gender.nullable(),
  birthYear: z.number().int().nullable(),
  position: Position,
  representing: z.string().nullable(),
  memberOrgId: Id.nullable(),
  memberOrgName: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  endReason: z.string().nullable(),
  /** Active on the reference date of the response. */
  active: z.boolean(),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;

export const MembershipChange = z.object({
  id: Id,
  committeeId: Id,
  changeDate: IsoDate,
  position: Position,
  outgoingMemberId: Id.nullable(),
  outgoingName: z.string().nullable(),
  incomingMemberId: Id.nullable(),
  incomingName: z.string().nullable(),
  reason: z.string().nullable(),
  decisionNo: z.string().nullable(),
});
export type MembershipChange = z.infer<typeof MembershipChange>;

export const CommitteeDetail = Committee.extend({
  /** The date "active" refers to. */
  refDate: IsoDate,
  /** Current and past members, by position then name. */
  members: z.array(CommitteeMember),
  changes: z.array(MembershipChange),
  /** Whether the viewer may record changes here (the server checks again on every write). */
  canWrite: z.boolean(),
});
export type CommitteeDetail = z.infer<typeof CommitteeDetail>;

export const CommitteeDetailQuery = z.object({ asOf: IsoDate.optional() });

export const CreateCommittee = z.object({
  unitId: Id,
  kind: CommitteeKind,
  termLabel: TermLabel,
  name: ShortText.optional(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
  decisionNo: ShortText.optional(),
  note: LongText.optional(),
});
export type CreateCommittee = z.infer<typeof CreateCommittee>;

export const UpdateCommittee = z.object({
  termLabel: TermLabel.optional(),
  name: ShortText.nullable().optional(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.nullable().optional(),
  decisionNo: ShortText.nullable().optional(),
  note: LongText.nullable().optional(),
});
export type UpdateCommittee = z.infer<typeof UpdateCommittee>;

const PersonFields = {
  personName: Name,
  gender: Gender.nullable().optional(),
  birthYear: BirthYear.nullable().optional(),
  representing: ShortText.nullable().optional(),
  memberOrgId: Id.nullable().optional(),
};

export const CreateMember = z.object({
  ...PersonFields,
  position: Position,
  validFrom: IsoDate,
  /** Defaults to the end of the committee's period. */
  validTo: IsoDate.nullable().optional(),
});
export type CreateMember = z.infer<typeof CreateMember>;

/** Corrections to a member's personal details; position and dates change through kiện toàn or end. */
export const UpdateMember = z.object({
  personName: Name.optional(),
  gender: Gender.nullable().optional(),
  birthYear: BirthYear.nullable().optional(),
  representing: ShortText.nullable().optional(),
  memberOrgId: Id.nullable().optional(),
});
export type UpdateMember = z.infer<typeof UpdateMember>;

export const EndMember = z.object({
  /** First day no longer a member. */
  date: IsoDate,
  reason: ShortText.optional(),
});
export type EndMember = z.infer<typeof EndMember>;

/**
 * Kiện toàn: on `date` the outgoing membership ends and the incoming person takes `position`;
 * one of the two may be absent (a seat left vacant, or a seat filled).
 */
export const CreateMembershipChange = z
  .object({
    date: IsoDate,
    position: Position,
    outgoingMemberId: Id.nullable().optional(),
    incoming: z.object(PersonFields).nullable().optional(),
    reason: ShortText.optional(),
    decisionNo: ShortText.optional(),
  })
  .refine((c) => c.outgoingMemberId != null || c.incoming != null, { path: ['incoming'], message: 'outgoingMemberId or incoming required' });
export type CreateMembershipChange = z.infer<typeof CreateMembershipChange>;

/** What POST committees/:id/changes returns: the change and the committee as it now stands. */
export const MembershipChangeResult = z.object({ change: MembershipChange, committee: CommitteeDetail });
export type MembershipChangeResult = z.infer<typeof MembershipChangeResult>;

// ---------- member organisations ----------

export const MemberOrg = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  kind: MemberOrgKind,
  name: z.string(),
  joinedOn: IsoDate,
  /** First day no longer a member organisation; null while a member. */
  leftOn: IsoDate.nullable(),
  note: z.string().nullable(),
});
export type MemberOrg = z.infer<typeof MemberOrg>;

export const MemberOrgListQuery = z.object({
  unit: Id.optional(),
  asOf: IsoDate.optional(),
  kind: MemberOrgKind.optional(),
  scope: ListScope.default('unit'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type MemberOrgListQuery = z.infer<typeof MemberOrgListQuery>;

export const CreateMemberOrg = z.object({
  unitId: Id,
  kind: MemberOrgKind,
  name: Name,
  joinedOn: IsoDate,
  leftOn: IsoDate.nullable().optional(),
  note: LongText.optional(),
});
export type CreateMemberOrg = z.infer<typeof CreateMemberOrg>;

export const UpdateMemberOrg = z.object({
  kind: MemberOrgKind.optional(),
  name: Name.optional(),
  joinedOn: IsoDate.optional(),
  leftOn: IsoDate.nullable().optional(),
  note: LongText.nullable().optional(),
});
export type UpdateMemberOrg = z.infer<typeof UpdateMemberOrg>;

// ---------- reporters and propagandists ----------

export const FrontPerson = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  role: FrontPersonRole,
  personName: z.string(),
  gender: Gender.nullable(),
  birthYear: z.number().int().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  note: z.string().nullable(),
});
export type FrontPerson = z.infer<typeof FrontPerson>;

export const FrontPersonListQuery = z.object({
  unit: Id.optional(),
  role: FrontPersonRole.optional(),
  asOf: IsoDate.optional(),
  /** Name search, with or without diacritics. */
  q: z.string().trim().max(100).optional(),
  scope: ListScope.default('unit'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FrontPersonListQuery = z.infer<typeof FrontPersonListQuery>;

export const FrontPersonPage = z.object({ total: z.number().int(), items: z.array(FrontPerson) });
export type FrontPersonPage = z.infer<typeof FrontPersonPage>;

export const CreateFrontPerson = z.object({
  unitId: Id,
  role: FrontPersonRole,
  personName: Name,
  gender: Gender.nullable().optional(),
  birthYear: BirthYear.nullable().optional(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
  note: LongText.optional(),
});
export type CreateFrontPerson = z.infer<typeof CreateFrontPerson>;

export const UpdateFrontPerson = z.object({
  personName: Name.optional(),
  gender: Gender.nullable().optional(),
  birthYear: BirthYear.nullable().optional(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.nullable().optional(),
  note: LongText.nullable().optional(),
});
export type UpdateFrontPerson = z.infer<typeof UpdateFrontPerson>;

// ---------- village work boards ----------

export const WorkBoardsQuery = z.object({ unit: Id, asOf: IsoDate.optional() });
export type WorkBoardsQuery = z.infer<typeof WorkBoardsQuery>;

export const WorkBoardVillage = z.object({
  villageId: Id,
  villageCode: z.string(),
  villageName: z.string(),
  /** The ward/commune the village belongs to on asOf. */
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  committeeId: Id.nullable(),
  termLabel: z.string().nullable(),
  headName: z.string().nullable(),
  memberCount: z.number().int(),
});
export type WorkBoardVillage = z.infer<typeof WorkBoardVillage>;

export const WorkBoardsOverview = z.object({
  unitId: Id,
  unitName: z.string(),
  asOf: IsoDate,
  total: z.number().int(),
  withBoard: z.number().int(),
  withoutBoard: z.number().int(),
  /** Villages without a board first, then by code. */
  villages: z.array(WorkBoardVillage),
});
export type WorkBoardsOverview = z.infer<typeof WorkBoardsOverview>;
