// Access matrix for every org route: each role held at ward A × (A itself, its village A1, its
// sibling B, its parent city C) × (read, write). Facts are dated 2023, when all four existed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS, type Role } from '@contract/access';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, sessionAs, type World } from '../../test/factories';
import { insertCommittee, insertMember, insertMemberOrg, insertPerson, orgFootprint } from './testing';

let db: RootDb;
let app: App;
let w: World;
const sessions = new Map<Role, Record<string, string>>();
type Target = 'own' | 'child' | 'sibling' | 'parent';
const TARGETS: Target[] = ['own', 'child', 'sibling', 'parent'];
const unitOf: Record<Target, number> = { own: 0, child: 0, sibling: 0, parent: 0 };
const facts: Record<Target, { committee: number; member: number; memberOrg: number; person: number; village: boolean }> = {} as never;
let seq = 0;

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await testApp(db);
  Object.assign(unitOf, { own: w.A, child: w.A1, sibling: w.B, parent: w.C });
  for (const role of ROLES) sessions.set(role, (await sessionAs(db, role, role === 'admin' ? null : w.A)).headers);
  for (const t of TARGETS) {
    const village = t === 'child';
    const committee = await insertCommittee(db, unitOf[t], village ? 'work_board' : 'front_committee', '2023-01-01', '2024-01-01');
    facts[t] = {
      committee,
      village,
      member: await insertMember(db, committee, 'Nguyễn Văn Mẫu', village ? 'board_member' : 'member', '2023-01-01', '2024-01-01'),
      memberOrg: await insertMemberOrg(db, unitOf[t], 'women', 'Hội Liên hiệp Phụ nữ', '2019-01-01', '2025-07-01'),
      person: await insertPerson(db, unitOf[t], 'propagandist', 'Trần Thị Mẫu', '2020-01-01', '2025-07-01'),
    };
  }
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

type Call = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object };
type Route = { name: string; write: boolean; call: (t: Target) => Promise<Call> };

const day = (n: number) => new Date(Date.UTC(2021, 0, 1 + n)).toISOString().slice(0, 10);
const seatOf = (t: Target) => (facts[t].village ? 'board_member' : 'member');

// A member of its own for each attempt that ends or replaces one, so an allowed call never blocks the next.
async function freshMember(t: Target): Promise<number> {
  return insertMember(db, facts[t].committee, `Lê Văn Thử ${++seq}`, seatOf(t), '2023-01-01', '2024-01-01');
}

const ROUTES: Route[] = [
  { name: 'GET /api/org/committees', write: false, call: async (t) => ({ method: 'GET', url: `/api/org/committees?unit=${unitOf[t]}` }) },
  { name: 'GET /api/org/committees/:id', write: false, call: async (t) => ({ method: 'GET', url: `/api/org/committees/${facts[t].committee}` }) },
  { name: 'GET /api/org/member-organisations', write: false, call: async (t) => ({ method: 'GET', url: `/api/org/member-organisations?unit=${unitOf[t]}` }) },
  { name: 'GET /api/org/people', write: false, call: async (t) => ({ method: 'GET', url: `/api/org/people?unit=${unitOf[t]}&role=propagandist` }) },
  { name: 'GET /api/org/work-boards', write: false, call: async (t) => ({ method: 'GET', url: `/api/org/work-boards?unit=${unitOf[t]}&asOf=2023-06-01` }) },
  {
    name: 'POST /api/org/committees',
    write: true,
    call: async (t) => {
      const d = ++seq;
      return {
        method: 'POST',
        url: '/api/org/committees',
        payload: {
          unitId: unitOf[t],
          kind: facts[t].village ? 'work_board' : 'advisory_board',
          termLabel: '2019–2024',
          validFrom: day(d),
          validTo: day(d + 1),
        },
      };
    },
  },
  {
    name: 'PATCH /api/org/committees/:id',
    write: true,
    call: async (t) => ({ method: 'PATCH', url: `/api/org/committees/${facts[t].committee}`, payload: { note: `ghi chú ${++seq}` } }),
  },
  {
    name: 'POST /api/org/committees/:id/members',
    write: true,
    call: async (t) => ({
      method: 'POST',
      url: `/api/org/committees/${facts[t].committee}/members`,
      payload: { personName: 'Phạm Thị Hoa', position: seatOf(t), validFrom: '2023-06-01' },
    }),
  },
  {
    name: 'PATCH /api/org/members/:id',
    write: true,
    call: async (t) => ({ method: 'PATCH', url: `/api/org/members/${facts[t].member}`, payload: { representing: `Giới ${++seq}` } }),
  },
  {
    name: 'POST /api/org/members/:id/end',
    write: true,
    call: async (t) => ({ method: 'POST', url: `/api/org/members/${await freshMember(t)}/end`, payload: { date: '2023-06-01' } }),
  },
  {
    name: 'POST /api/org/committees/:id/changes',
    write: true,
    call: async (t) => ({
      method: 'POST',
      url: `/api/org/committees/${facts[t].committee}/changes`,
      payload: {
        date: '2023-06-01',
        position: seatOf(t),
        outgoingMemberId: await freshMember(t),
        incoming: { personName: 'Đỗ Văn Mới' },
        reason: 'Nghỉ hưu',
      },
    }),
  },
  {
    name: 'POST /api/org/member-organisations',
    write: true,
    call: async (t) => ({
      method: 'POST',
      url: '/api/org/member-organisations',
      payload: { unitId: unitOf[t], kind: 'veterans', name: 'Hội Cựu chiến binh', joinedOn: '2023-06-01' },
    }),
  },
  {
    name: 'PATCH /api/org/member-organisations/:id',
    write: true,
    call: async (t) => ({ method: 'PATCH', url: `/api/org/member-organisations/${facts[t].memberOrg}`, payload: { note: `ghi chú ${++seq}` } }),
  },
  {
    name: 'POST /api/org/people',
    write: true,
    call: async (t) => ({ method: 'POST', url: '/api/org/people', payload: { unitId: unitOf[t], role: 'reporter', personName: 'Vũ Thị Lan', validFrom: '2023-06-01' } }),
  },
  { name: 'PATCH /api/org/people/:id', write: true, call: async (t) => ({ method: 'PATCH', url: `/api/org/people/${facts[t].person}`, payload: { note: `ghi chú ${++seq}` } }) },
];

/** What each role should get: reads and writes inside A's subtree only, writes only with org.write. */
function expected(role: Role, target: Target, write: boolean): string {
  if (write && !ROLE_PERMISSIONS[role].includes('org.write')) return 'FORBIDDEN';
  if (role === 'admin') return 'ok';
  return target === 'own' || target === 'child' ? 'ok' : 'OUT_OF_SCOPE';
}

describe('org access matrix: role × (own, child, sibling, parent) × (read, write)', () => {
  it('the expectations themselves allow and refuse (not a vacuous matrix)', () => {
    const all = ROLES.flatMap((r) => TARGETS.flatMap((t) => [expected(r, t, false), expected(r, t, true)]));
    expect(new Set(all)).toEqual(new Set(['ok', 'FORBIDDEN', 'OUT_OF_SCOPE']));
  });

  for (const route of ROUTES) {
    it(route.name, async () => {
      const want: Record<string, string> = {};
      const got: Record<string, string> = {};
      for (const role of ROLES) {
        for (const t of TARGETS) {
          const key = `${role}@${t}`;
          want[key] = expected(role, t, route.write);
          const call = await route.call(t);
          const before = route.write ? await orgFootprint(db, [w.A, w.A1, w.B, w.C]) : null;
          const res = await app.inject({ ...call, headers: sessions.get(role)! });
          got[key] = res.statusCode === 200 ? 'ok' : (res.json().error?.code ?? String(res.statusCode));
          // A refused write leaves every org row and audit row of the world as it was.
          if (route.write && got[key] !== 'ok') expect(await orgFootprint(db, [w.A, w.A1, w.B, w.C]), key).toEqual(before);
          if (route.write && got[key] === 'ok') expect((await orgFootprint(db, [w.A, w.A1, w.B, w.C])).audit, key).not.toEqual(before!.audit);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it("reads by a user of the sibling ward are refused for A's committee; the list only shows what is in scope", async () => {
    const { headers } = await sessionAs(db, 'unit_staff', w.B);
    const list = await app.inject({ method: 'GET', url: '/api/org/committees', headers });
    const ids = (list.json() as Array<{ unitId: number }>).map((c) => c.unitId);
    expect(ids).toContain(w.B);
    expect(ids).not.toContain(w.A);
    expect(ids).not.toContain(w.C);
  });
});
