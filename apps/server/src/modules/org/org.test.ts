import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitteeDetail, CommitteeMember, FrontPersonPage, MembershipChangeResult, WorkBoardsOverview } from '@contract/org';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, sessionAs, type World } from '../../test/factories';
import { insertCommittee, insertMember, insertMemberOrg, orgFootprint } from './testing';

let db: RootDb;
let app: App;
let w: World;
let staffA: Record<string, string>;
let staffS: Record<string, string>;
let cityBtt: Record<string, string>;
let admin: Record<string, string>;
let units: number[];

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await testApp(db);
  units = [w.P, w.C, w.A, w.B, w.D, w.S, w.T, w.A1, w.B1, w.D1];
  staffA = (await sessionAs(db, 'unit_staff', w.A)).headers;
  staffS = (await sessionAs(db, 'unit_staff', w.S)).headers;
  cityBtt = (await sessionAs(db, 'standing_committee', w.C)).headers;
  admin = (await sessionAs(db, 'admin', null)).headers;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const post = (url: string, headers: Record<string, string>, payload: unknown) => app.inject({ method: 'POST', url, headers, payload: payload as object });
const patch = (url: string, headers: Record<string, string>, payload: unknown) => app.inject({ method: 'PATCH', url, headers, payload: payload as object });
const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
const codeOf = (res: { statusCode: number; json: () => { error?: { code: string } } }) => (res.statusCode === 200 ? 'ok' : res.json().error?.code);

async function auditRow(entity: string, entityId: number | string, action: string) {
  const [r] = await db.query<{ unit_id: number; before: unknown; after: unknown; actor_name: string }>(
    `select unit_id, before, after, actor_name from audit_log where entity = $1 and entity_id = $2 and action = $3 order by id desc limit 1`,
    [entity, String(entityId), action],
  );
  return r;
}

/** Sends a request that must be refused with `code` and asserts nothing in the world changed. */
async function refused(send: () => Promise<{ statusCode: number; json: () => { error?: { code: string } } }>, code: string) {
  const before = await orgFootprint(db, units);
  const res = await send();
  expect(codeOf(res)).toBe(code);
  expect(await orgFootprint(db, units)).toEqual(before);
}

describe('committees and members', () => {
  let committee: CommitteeDetail;
  let chair: CommitteeMember;

  it('creates a ward committee for a term and writes its audit row', async () => {
    const res = await post('/api/org/committees', staffA, {
      unitId: w.A,
      kind: 'front_committee',
      termLabel: '2019-2024',
      validFrom: '2019-06-01',
      validTo: '2024-06-01',
      decisionNo: '12/QĐ-MTTQ',
    });
    expect(res.statusCode).toBe(200);
    committee = res.json();
    expect(committee).toMatchObject({ unitId: w.A, kind: 'front_committee', termLabel: '2019–2024', validFrom: '2019-06-01', validTo: '2024-06-01', memberCount: 0 });
    const a = await auditRow('org_committee', committee.id, 'create');
    expect(a.unit_id).toBe(w.A);
    expect(a.after).toMatchObject({ id: committee.id, termLabel: '2019–2024' });
  });

  it('a committee left open ends with its unit; a period beyond the unit is refused', async () => {
    const res = await post('/api/org/committees', staffA, { unitId: w.A, kind: 'front_committee', termLabel: '2024–2029', validFrom: '2024-06-01' });
    expect(res.json()).toMatchObject({ validTo: w.REFORM });
    await refused(
      () => post('/api/org/committees', staffA, { unitId: w.A, kind: 'advisory_board', termLabel: '2024–2029', validFrom: '2024-06-01', validTo: '2029-06-01' }),
      'UNIT_NOT_VALID_AT_DATE',
    );
    await refused(() => post('/api/org/committees', admin, { unitId: w.A, kind: 'advisory_board', termLabel: '2025–2030', validFrom: '2025-08-01' }), 'UNIT_NOT_VALID_AT_DATE');
  });

  it('refuses overlapping terms, a work board outside a village, a committee at a village, an empty period', async () => {
    await refused(
      () => post('/api/org/committees', staffA, { unitId: w.A, kind: 'front_committee', termLabel: '2019–2024', validFrom: '2020-01-01', validTo: '2021-01-01' }),
      'ORG_TERM_OVERLAP',
    );
    await refused(() => post('/api/org/committees', staffA, { unitId: w.A, kind: 'work_board', termLabel: '2019–2024', validFrom: '2020-01-01' }), 'ORG_KIND_LEVEL_MISMATCH');
    await refused(() => post('/api/org/committees', staffA, { unitId: w.A1, kind: 'front_committee', termLabel: '2019–2024', validFrom: '2020-01-01' }), 'ORG_KIND_LEVEL_MISMATCH');
    await refused(
      () => post('/api/org/committees', staffA, { unitId: w.A, kind: 'advisory_board', termLabel: '2019–2024', validFrom: '2020-01-01', validTo: '2020-01-01' }),
      'ORG_INVALID_PERIOD',
    );
    await refused(() => post('/api/org/committees', staffA, { unitId: 999_999_999, kind: 'advisory_board', termLabel: '2019–2024', validFrom: '2020-01-01' }), 'UNIT_NOT_FOUND');
  });

  it('bad input gets a stable code and writes nothing', async () => {
    await refused(() => post('/api/org/committees', staffA, { unitId: w.A, kind: 'party_cell', termLabel: '2019–2024', validFrom: '2020-01-01' }), 'VALIDATION');
    await refused(() => post('/api/org/committees', staffA, { unitId: w.A, kind: 'advisory_board', termLabel: 'khóa XX', validFrom: '2020-01-01' }), 'VALIDATION');
    await refused(() => post(`/api/org/committees/${committee.id}/members`, staffA, { personName: '', position: 'member', validFrom: '2020-01-01' }), 'VALIDATION');
    await refused(() => post(`/api/org/committees/${committee.id}/changes`, staffA, { date: '2020-01-01', position: 'member' }), 'VALIDATION');
    await refused(
      () => app.inject({ method: 'POST', url: '/api/org/people', headers: { ...staffA, 'content-type': 'application/json' }, payload: '{"unitId": ' }),
      'MALFORMED_JSON',
    );
  });

  it('adds members inside the term; refuses a second chair, a wrong position, dates outside the term', async () => {
    const res = await post(`/api/org/committees/${committee.id}/members`, staffA, {
      personName: 'Nguyễn Văn An',
      gender: 'male',
      birthYear: 1968,
      position: 'chair',
      validFrom: '2019-06-01',
    });
    expect(res.statusCode).toBe(200);
    chair = res.json();
    expect(chair).toMatchObject({ position: 'chair', validTo: '2024-06-01', active: true });
    expect((await auditRow('org_member', chair.id, 'create')).unit_id).toBe(w.A);
    await post(`/api/org/committees/${committee.id}/members`, staffA, { personName: 'Trần Thị Bình', position: 'vice_chair', validFrom: '2019-06-01' });
    await refused(
      () => post(`/api/org/committees/${committee.id}/members`, staffA, { personName: 'Lê Văn Cường', position: 'chair', validFrom: '2021-01-01' }),
      'ORG_POSITION_TAKEN',
    );
    await refused(
      () => post(`/api/org/committees/${committee.id}/members`, staffA, { personName: 'Lê Văn Cường', position: 'head', validFrom: '2021-01-01' }),
      'ORG_POSITION_INVALID',
    );
    await refused(
      () => post(`/api/org/committees/${committee.id}/members`, staffA, { personName: 'Lê Văn Cường', position: 'member', validFrom: '2019-01-01' }),
      'ORG_DATE_OUTSIDE_TERM',
    );
    await refused(
      () => post(`/api/org/committees/${committee.id}/members`, staffA, { personName: 'Lê Văn Cường', position: 'member', validFrom: '2020-01-01', validTo: '2025-01-01' }),
      'ORG_DATE_OUTSIDE_TERM',
    );
    const orgB = await insertMemberOrg(db, w.B, 'farmers', 'Hội Nông dân phường B', '2019-01-01');
    await refused(
      () => post(`/api/org/committees/${committee.id}/members`, staffA, { personName: 'Lê Văn Cường', position: 'member', validFrom: '2020-01-01', memberOrgId: orgB }),
      'ORG_MEMBER_ORG_MISMATCH',
    );
  });

  it('kiện toàn ends the outgoing chair, seats the incoming one and records the change, in one transaction', async () => {
    const res = await post(`/api/org/committees/${committee.id}/changes`, staffA, {
      date: '2023-03-15',
      position: 'chair',
      outgoingMemberId: chair.id,
      incoming: { personName: 'Hoàng Văn Dũng', gender: 'male' },
      reason: 'Nghỉ hưu',
      decisionNo: '45/QĐ-MTTQ',
    });
    expect(res.statusCode).toBe(200);
    const out: MembershipChangeResult = res.json();
    expect(out.change).toMatchObject({ changeDate: '2023-03-15', position: 'chair', outgoingName: 'Nguyễn Văn An', incomingName: 'Hoàng Văn Dũng', decisionNo: '45/QĐ-MTTQ' });
    const members = out.committee.members;
    expect(members.find((m) => m.id === chair.id)).toMatchObject({ validTo: '2023-03-15', endReason: 'Nghỉ hưu', active: false });
    expect(members.find((m) => m.personName === 'Hoàng Văn Dũng')).toMatchObject({ validFrom: '2023-03-15', validTo: '2024-06-01', active: true });
    expect(out.committee.headName).toBe('Hoàng Văn Dũng');
    const a = await auditRow('org_membership_change', out.change.id, 'create');
    expect(a.unit_id).toBe(w.A);
    expect(a.before).toMatchObject({ outgoing: { id: chair.id, validTo: '2024-06-01' } });
    expect(a.after).toMatchObject({ change: { id: out.change.id }, outgoing: { validTo: '2023-03-15' } });
    // Read back as it was before the change: the old chair was then in office.
    const then: CommitteeDetail = (await get(`/api/org/committees/${committee.id}?asOf=2022-01-01`, staffA)).json();
    expect(then.headName).toBe('Nguyễn Văn An');
    expect(then.changes).toHaveLength(1);
  });

  it('refuses a change whose outgoing member is gone, holds another seat, or falls outside the term — and writes nothing', async () => {
    await refused(
      () => post(`/api/org/committees/${committee.id}/changes`, staffA, { date: '2023-06-01', position: 'chair', outgoingMemberId: chair.id, incoming: { personName: 'X' } }),
      'ORG_MEMBER_NOT_ACTIVE',
    );
    const vice = (await get(`/api/org/committees/${committee.id}`, staffA)).json().members.find((m: CommitteeMember) => m.position === 'vice_chair');
    await refused(
      () => post(`/api/org/committees/${committee.id}/changes`, staffA, { date: '2023-06-01', position: 'member', outgoingMemberId: vice.id, incoming: { personName: 'X' } }),
      'ORG_POSITION_INVALID',
    );
    await refused(
      () => post(`/api/org/committees/${committee.id}/changes`, staffA, { date: '2024-07-01', position: 'vice_chair', outgoingMemberId: vice.id }),
      'ORG_DATE_OUTSIDE_TERM',
    );
    // An invalid incoming person rolls back the whole change: the outgoing vice-chair keeps the seat.
    await refused(
      () =>
        post(`/api/org/committees/${committee.id}/changes`, staffA, {
          date: '2023-06-01',
          position: 'vice_chair',
          outgoingMemberId: vice.id,
          incoming: { personName: 'Y', memberOrgId: 999_999 },
        }),
      'ORG_MEMBER_ORG_MISMATCH',
    );
  });

  it('ends a membership once; corrects personal details; audits both', async () => {
    const m = await insertMember(db, committee.id, 'Phan Văn Em', 'member', '2019-06-01', '2024-06-01');
    const res = await post(`/api/org/members/${m}/end`, staffA, { date: '2022-01-01', reason: 'Chuyển công tác' });
    expect(res.json()).toMatchObject({ validTo: '2022-01-01', endReason: 'Chuyển công tác' });
    expect(await auditRow('org_member', m, 'end')).toMatchObject({ unit_id: w.A, before: { validTo: '2024-06-01' }, after: { validTo: '2022-01-01' } });
    await refused(() => post(`/api/org/members/${m}/end`, staffA, { date: '2023-01-01' }), 'ORG_MEMBER_NOT_ACTIVE');
    const up = await patch(`/api/org/members/${m}`, staffA, { personName: 'Phan Văn Ém', representing: 'Hội Cựu chiến binh' });
    expect(up.json()).toMatchObject({ personName: 'Phan Văn Ém', representing: 'Hội Cựu chiến binh' });
    expect(await auditRow('org_member', m, 'update')).toMatchObject({ before: { personName: 'Phan Văn Em' }, after: { personName: 'Phan Văn Ém' } });
  });

  it('moving the end of a term carries members serving to its end; a cut through a change is refused', async () => {
    await refused(() => patch(`/api/org/committees/${committee.id}`, staffA, { validTo: '2023-01-01' }), 'ORG_DATE_OUTSIDE_TERM');
    const res = await patch(`/api/org/committees/${committee.id}`, staffA, { validTo: '2024-05-20', note: 'Đại hội sớm' });
    expect(res.statusCode).toBe(200);
    const d: CommitteeDetail = res.json();
    expect(d.members.filter((m) => m.validTo === '2024-06-01')).toEqual([]);
    expect(d.members.find((m) => m.personName === 'Hoàng Văn Dũng')?.validTo).toBe('2024-05-20');
    expect(await auditRow('org_committee', committee.id, 'update')).toMatchObject({
      unit_id: w.A,
      before: { validTo: '2024-06-01' },
      after: { validTo: '2024-05-20', note: 'Đại hội sớm' },
    });
  });
});

describe('scope follows the units through the merger', () => {
  it("the new ward S reads and records old ward A's history; the ended city records nothing after its end", async () => {
    const k = await insertCommittee(db, w.A1, 'work_board', '2019-01-01', 'infinity', '2019–2024');
    expect(codeOf(await get(`/api/org/committees/${k}`, staffS))).toBe('ok');
    const sub: Array<{ id: number }> = (await get(`/api/org/committees?unit=${w.S}&scope=subtree`, staffS)).json();
    expect(sub.map((c) => c.id)).toContain(k);
    const m = await post(`/api/org/committees/${k}/members`, staffS, { personName: 'Ngô Thị Gấm', position: 'head', validFrom: '2023-02-01' });
    expect(m.statusCode).toBe(200);
    expect(codeOf(await post(`/api/org/committees/${k}/members`, cityBtt, { personName: 'Đinh Văn Hải', position: 'board_member', validFrom: '2024-02-01' }))).toBe('ok');
    await refused(() => post(`/api/org/committees/${k}/members`, cityBtt, { personName: 'Đinh Văn Hải', position: 'board_member', validFrom: '2025-08-01' }), 'UNIT_ENDED');
    const staffT = (await sessionAs(db, 'unit_staff', w.T)).headers;
    expect(codeOf(await get(`/api/org/committees/${k}`, staffT))).toBe('OUT_OF_SCOPE');
  });

  it('work boards: villages under a unit on a date, with their head, and those lacking one', async () => {
    const now: WorkBoardsOverview = (await get(`/api/org/work-boards?unit=${w.S}`, staffS)).json();
    expect(now.villages.map((v) => v.villageId).sort()).toEqual([w.A1, w.B1].sort());
    expect(now).toMatchObject({ total: 2, withBoard: 1, withoutBoard: 1 });
    expect(now.villages[0]).toMatchObject({ villageId: w.B1, committeeId: null });
    expect(now.villages[1]).toMatchObject({ villageId: w.A1, headName: 'Ngô Thị Gấm', parentId: w.S });
    const then: WorkBoardsOverview = (await get(`/api/org/work-boards?unit=${w.C}&asOf=2023-06-01`, cityBtt)).json();
    expect(then.villages.map((v) => v.villageId).sort()).toEqual([w.A1, w.B1, w.D1].sort());
    expect(then.villages.find((v) => v.villageId === w.A1)).toMatchObject({ parentId: w.A, headName: 'Ngô Thị Gấm' });
    expect(codeOf(await get(`/api/org/work-boards?unit=${w.S}&asOf=2023-06-01`, staffS))).toBe('UNIT_NOT_VALID_AT_DATE');
  });
});

describe('member organisations, reporters and propagandists', () => {
  it('records a member organisation and its leaving, with audit rows', async () => {
    const res = await post('/api/org/member-organisations', staffA, { unitId: w.A, kind: 'youth', name: 'Đoàn TNCS Hồ Chí Minh phường A', joinedOn: '2019-01-01' });
    expect(res.json()).toMatchObject({ unitId: w.A, kind: 'youth', leftOn: w.REFORM });
    const id = res.json().id;
    expect((await auditRow('org_member_org', id, 'create')).unit_id).toBe(w.A);
    const up = await patch(`/api/org/member-organisations/${id}`, staffA, { leftOn: '2024-01-01' });
    expect(up.json()).toMatchObject({ leftOn: '2024-01-01' });
    expect(await auditRow('org_member_org', id, 'update')).toMatchObject({ before: { leftOn: w.REFORM }, after: { leftOn: '2024-01-01' } });
    await refused(() => patch(`/api/org/member-organisations/${id}`, staffA, { leftOn: '2018-01-01' }), 'ORG_INVALID_PERIOD');
    const list = (await get(`/api/org/member-organisations?unit=${w.A}&asOf=2024-06-01`, staffA)).json();
    expect(list.map((o: { id: number }) => o.id)).not.toContain(id);
  });

  it('records reporters and propagandists, searchable without diacritics, paged', async () => {
    for (const name of ['Nguyễn Thị Hường', 'Trần Văn Hưng', 'Lê Thị Hương']) {
      const r = await post('/api/org/people', staffA, { unitId: w.A, role: 'propagandist', personName: name, validFrom: '2020-01-01', gender: 'female' });
      expect(r.statusCode).toBe(200);
      expect((await auditRow('org_person', r.json().id, 'create')).unit_id).toBe(w.A);
    }
    const page: FrontPersonPage = (await get(`/api/org/people?unit=${w.A}&role=propagandist&q=huong&limit=1`, staffA)).json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const id = page.items[0].id;
    const up = await patch(`/api/org/people/${id}`, staffA, { validTo: '2023-01-01' });
    expect(up.json()).toMatchObject({ validTo: '2023-01-01' });
    expect(await auditRow('org_person', id, 'update')).toMatchObject({ after: { validTo: '2023-01-01' } });
    await refused(() => post('/api/org/people', admin, { unitId: w.A, role: 'reporter', personName: 'Z', validFrom: '2018-01-01' }), 'UNIT_NOT_VALID_AT_DATE');
    // A ward user: the registrar checks scope on the fact's date first, and A was in no one's scope before it existed.
    await refused(() => post('/api/org/people', staffA, { unitId: w.A, role: 'reporter', personName: 'Z', validFrom: '2018-01-01' }), 'OUT_OF_SCOPE');
  });
});
