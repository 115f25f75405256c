import { z } from 'zod';
import { IdParams } from '@contract/common';
import {
  Committee, CommitteeDetail, CommitteeDetailQuery, CommitteeListQuery, CommitteeMember, CreateCommittee, CreateFrontPerson,
  CreateMember, CreateMemberOrg, CreateMembershipChange, EndMember, FrontPerson, FrontPersonListQuery, FrontPersonPage, MemberOrg,
  MemberOrgListQuery, MembershipChangeResult, UpdateCommittee, UpdateFrontPerson, UpdateMember, UpdateMemberOrg, WorkBoardsOverview,
  WorkBoardsQuery,
} from '@contract/org';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import { addMember, createCommittee, endMember, getCommittee, recordChange, updateCommittee, updateMember } from './service';
import {
  createMemberOrg, createPerson, findCommittees, findMemberOrgs, findPeople, updateMemberOrg, updatePerson, workBoards,
} from './registry-service';

/** The Front organisation under /api/org: thin handlers over the services, which check access and rules. */
export async function orgRoutes(app: App, db: Db): Promise<void> {
  const tags = ['org'];

  app.get('/api/org/committees', { schema: { tags, querystring: CommitteeListQuery, response: { 200: z.array(Committee) } } },
    async (req) => findCommittees(ctxOf(db, req), req.query));
  app.get('/api/org/committees/:id', { schema: { tags, params: IdParams, querystring: CommitteeDetailQuery, response: { 200: CommitteeDetail } } },
    async (req) => getCommittee(ctxOf(db, req), req.params.id, req.query.asOf));
  app.post('/api/org/committees', { schema: { tags, body: CreateCommittee, response: { 200: CommitteeDetail } } },
    async (req) => createCommittee(ctxOf(db, req), req.body));
  app.patch('/api/org/committees/:id', { schema: { tags, params: IdParams, body: UpdateCommittee, response: { 200: CommitteeDetail } } },
    async (req) => updateCommittee(ctxOf(db, req), req.params.id, req.body));

  app.post('/api/org/committees/:id/members', { schema: { tags, params: IdParams, body: CreateMember, response: { 200: CommitteeMember } } },
    async (req) => addMember(ctxOf(db, req), req.params.id, req.body));
  app.patch('/api/org/members/:id', { schema: { tags, params: IdParams, body: UpdateMember, response: { 200: CommitteeMember } } },
    async (req) => updateMember(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/org/members/:id/end', { schema: { tags, params: IdParams, body: EndMember, response: { 200: CommitteeMember } } },
    async (req) => endMember(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/org/committees/:id/changes', { schema: { tags, params: IdParams, body: CreateMembershipChange, response: { 200: MembershipChangeResult } } },
    async (req) => recordChange(ctxOf(db, req), req.params.id, req.body));

  app.get('/api/org/member-organisations', { schema: { tags, querystring: MemberOrgListQuery, response: { 200: z.array(MemberOrg) } } },
    async (req) => findMemberOrgs(ctxOf(db, req), req.query));
  app.post('/api/org/member-organisations', { schema: { tags, body: CreateMemberOrg, response: { 200: MemberOrg } } },
    async (req) => createMemberOrg(ctxOf(db, req), req.body));
  app.patch('/api/org/member-organisations/:id', { schema: { tags, params: IdParams, body: UpdateMemberOrg, response: { 200: MemberOrg } } },
    async (req) => updateMemberOrg(ctxOf(db, req), req.params.id, req.body));

  app.get('/api/org/people', { schema: { tags, querystring: FrontPersonListQuery, response: { 200: FrontPersonPage } } },
    async (req) => findPeople(ctxOf(db, req), req.query));
  app.post('/api/org/people', { schema: { tags, body: CreateFrontPerson, response: { 200: FrontPerson } } },
    async (req) => createPerson(ctxOf(db, req), req.body));
  app.patch('/api/org/people/:id', { schema: { tags, params: IdParams, body: UpdateFrontPerson, response: { 200: FrontPerson } } },
    async (req) => updatePerson(ctxOf(db, req), req.params.id, req.body));

  app.get('/api/org/work-boards', { schema: { tags, querystring: WorkBoardsQuery, response: { 200: WorkBoardsOverview } } },
    async (req) => workBoards(ctxOf(db, req), req.query));
}
