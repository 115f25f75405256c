import { orgEndpoints } from '@contract/endpoints/org';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import { locateCommittee, locateMember, locateMemberOrg, locatePerson } from './queries';
import { addMember, createCommittee, endMember, getCommittee, recordChange, updateCommittee, updateMember } from './service';
import { createMemberOrg, createPerson, findCommittees, findMemberOrgs, findPeople, updateMemberOrg, updatePerson, workBoards } from './registry-service';

/** The Front organisation (committees, members, member organisations, reporters); access checked by the registrar. */
export const orgModule = defineModule({
  name: 'org',
  endpoints: bind(orgEndpoints, {
    'GET /api/org/committees': (ctx, { query }) => findCommittees(ctx, query),
    'GET /api/org/committees/:id': (ctx, { params, query }) => getCommittee(ctx, params.id, query.asOf),
    'POST /api/org/committees': (ctx, { body }) => createCommittee(ctx, body),
    'PATCH /api/org/committees/:id': (ctx, { params, body }) => updateCommittee(ctx, params.id, body),

    'POST /api/org/committees/:id/members': (ctx, { params, body }) => addMember(ctx, params.id, body),
    'PATCH /api/org/members/:id': (ctx, { params, body }) => updateMember(ctx, params.id, body),
    'POST /api/org/members/:id/end': (ctx, { params, body }) => endMember(ctx, params.id, body),
    'POST /api/org/committees/:id/changes': (ctx, { params, body }) => recordChange(ctx, params.id, body),

    'GET /api/org/member-organisations': (ctx, { query }) => findMemberOrgs(ctx, query),
    'POST /api/org/member-organisations': (ctx, { body }) => createMemberOrg(ctx, body),
    'PATCH /api/org/member-organisations/:id': (ctx, { params, body }) => updateMemberOrg(ctx, params.id, body),

    'GET /api/org/people': (ctx, { query }) => findPeople(ctx, query),
    'POST /api/org/people': (ctx, { body }) => createPerson(ctx, body),
    'PATCH /api/org/people/:id': (ctx, { params, body }) => updatePerson(ctx, params.id, body),

    'GET /api/org/work-boards': (ctx, { query }) => workBoards(ctx, query),
  }),
  locators: { org_committee: locateCommittee, org_member: locateMember, org_member_org: locateMemberOrg, org_person: locatePerson },
});
