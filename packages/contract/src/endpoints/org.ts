import { z } from 'zod';
import { IdParams } from '../common';
import {
  Committee,
  CommitteeDetail,
  CommitteeDetailQuery,
  CommitteeListQuery,
  CommitteeMember,
  CreateCommittee,
  CreateFrontPerson,
  CreateMember,
  CreateMemberOrg,
  CreateMembershipChange,
  EndMember,
  FrontPerson,
  FrontPersonListQuery,
  FrontPersonPage,
  MemberOrg,
  MemberOrgListQuery,
  MembershipChangeResult,
  UpdateCommittee,
  UpdateFrontPerson,
  UpdateMember,
  UpdateMemberOrg,
  WorkBoardsOverview,
  WorkBoardsQuery,
} from '../org';
import { atBody, atQuery, atRecord, defineEndpoints } from '../endpoint';

/*
 * The Front organisation: committees and their members, member organisations, reporters and
 * propagandists. Facts are dated: a write is checked at its unit on the fact's date (a merged ward's
 * past belongs to its successor); a record's own date comes from its locator (modules/org/module.ts).
 */
export const orgEndpoints = defineEndpoints('org', {
  // Lists without `unit` cover the user's whole scope, scoped in SQL.
  'GET /api/org/committees': { query: CommitteeListQuery, response: z.array(Committee), access: atQuery('org.read', 'unit', { optional: true, date: 'asOf' }) },
  'GET /api/org/committees/:id': { params: IdParams, query: CommitteeDetailQuery, response: CommitteeDetail, access: atRecord('org.read', 'org_committee') },
  'POST /api/org/committees': { body: CreateCommittee, response: CommitteeDetail, access: atBody('org.write', 'unitId', 'validFrom') },
  'PATCH /api/org/committees/:id': { params: IdParams, body: UpdateCommittee, response: CommitteeDetail, access: atRecord('org.write', 'org_committee') },

  // The member's own date (start, end, change) is checked again by the service: a second date at the same unit.
  'POST /api/org/committees/:id/members': { params: IdParams, body: CreateMember, response: CommitteeMember, access: atRecord('org.write', 'org_committee') },
  'PATCH /api/org/members/:id': { params: IdParams, body: UpdateMember, response: CommitteeMember, access: atRecord('org.write', 'org_member') },
  'POST /api/org/members/:id/end': { params: IdParams, body: EndMember, response: CommitteeMember, access: atRecord('org.write', 'org_member') },
  'POST /api/org/committees/:id/changes': { params: IdParams, body: CreateMembershipChange, response: MembershipChangeResult, access: atRecord('org.write', 'org_committee') },

  'GET /api/org/member-organisations': { query: MemberOrgListQuery, response: z.array(MemberOrg), access: atQuery('org.read', 'unit', { optional: true, date: 'asOf' }) },
  'POST /api/org/member-organisations': { body: CreateMemberOrg, response: MemberOrg, access: atBody('org.write', 'unitId', 'joinedOn') },
  'PATCH /api/org/member-organisations/:id': { params: IdParams, body: UpdateMemberOrg, response: MemberOrg, access: atRecord('org.write', 'org_member_org') },

  'GET /api/org/people': { query: FrontPersonListQuery, response: FrontPersonPage, access: atQuery('org.read', 'unit', { optional: true, date: 'asOf' }) },
  'POST /api/org/people': { body: CreateFrontPerson, response: FrontPerson, access: atBody('org.write', 'unitId', 'validFrom') },
  'PATCH /api/org/people/:id': { params: IdParams, body: UpdateFrontPerson, response: FrontPerson, access: atRecord('org.write', 'org_person') },

  // The unit over its whole life: a date outside it answers UNIT_NOT_VALID_AT_DATE from the service; villages are scoped in SQL.
  'GET /api/org/work-boards': { query: WorkBoardsQuery, response: WorkBoardsOverview, access: atQuery('org.read') },
});
