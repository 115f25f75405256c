import type {
  Committee, CommitteeDetail, CommitteeListQuery, CommitteeMember, CreateCommittee, CreateFrontPerson, CreateMember, CreateMemberOrg,
  CreateMembershipChange, EndMember, FrontPerson, FrontPersonListQuery, FrontPersonPage, MemberOrg, MemberOrgListQuery,
  MembershipChangeResult, UpdateCommittee, UpdateFrontPerson, UpdateMember, UpdateMemberOrg, WorkBoardsOverview,
} from '@contract/org';
import { api } from '../../api';

export const orgApi = {
  committees: (q: Partial<CommitteeListQuery>) => api.get<Committee[]>('/api/org/committees', q),
  committee: (id: number, asOf?: string) => api.get<CommitteeDetail>(`/api/org/committees/${id}`, { asOf }),
  createCommittee: (body: CreateCommittee) => api.post<CommitteeDetail>('/api/org/committees', body),
  updateCommittee: (id: number, body: UpdateCommittee) => api.patch<CommitteeDetail>(`/api/org/committees/${id}`, body),
  addMember: (committeeId: number, body: CreateMember) => api.post<CommitteeMember>(`/api/org/committees/${committeeId}/members`, body),
  updateMember: (id: number, body: UpdateMember) => api.patch<CommitteeMember>(`/api/org/members/${id}`, body),
  endMember: (id: number, body: EndMember) => api.post<CommitteeMember>(`/api/org/members/${id}/end`, body),
  recordChange: (committeeId: number, body: CreateMembershipChange) =>
    api.post<MembershipChangeResult>(`/api/org/committees/${committeeId}/changes`, body),
  memberOrgs: (q: Partial<MemberOrgListQuery>) => api.get<MemberOrg[]>('/api/org/member-organisations', q),
  createMemberOrg: (body: CreateMemberOrg) => api.post<MemberOrg>('/api/org/member-organisations', body),
  updateMemberOrg: (id: number, body: UpdateMemberOrg) => api.patch<MemberOrg>(`/api/org/member-organisations/${id}`, body),
  people: (q: Partial<FrontPersonListQuery>) => api.get<FrontPersonPage>('/api/org/people', q),
  createPerson: (body: CreateFrontPerson) => api.post<FrontPerson>('/api/org/people', body),
  updatePerson: (id: number, body: UpdateFrontPerson) => api.patch<FrontPerson>(`/api/org/people/${id}`, body),
  workBoards: (unit: number, asOf?: string) => api.get<WorkBoardsOverview>('/api/org/work-boards', { unit, asOf }),
};
