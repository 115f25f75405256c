import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from '@contract/access';
import { useWorldApp } from '../../test/app';
import { sessionAs } from '../../test/factories';
import { today } from '../../platform/access';

/**
 * Every direction route, for each role held at ward S, against S, its village, its sibling ward T and
 * its province P: refused without the permission (FORBIDDEN) or outside the subtree (OUT_OF_SCOPE);
 * otherwise never refused for access (the rules may still refuse the content).
 */
const t = useWorldApp();
type Target = 'own' | 'child' | 'sibling' | 'parent';
const unitOf = (x: Target) => ({ own: t.w.S, child: t.w.A1, sibling: t.w.T, parent: t.w.P })[x];
const T = today();
const year = Number(T.slice(0, 4));

const ROUTES: Array<{ name: string; permission: Permission; request: (u: number) => { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> } }> = [
  { name: 'duties below a unit', permission: 'direction.read', request: (u) => ({ method: 'GET', url: `/api/direction/duties?unit=${u}` }) },
  { name: "a unit's own obligations", permission: 'direction.read', request: (u) => ({ method: 'GET', url: `/api/direction/inbox?unit=${u}` }) },
  { name: 'directives issued below a unit', permission: 'direction.read', request: (u) => ({ method: 'GET', url: `/api/directives?unit=${u}` }) },
  { name: 'gradings', permission: 'direction.read', request: (u) => ({ method: 'GET', url: `/api/gradings?unit=${u}` }) },
  { name: 'commendations', permission: 'direction.read', request: (u) => ({ method: 'GET', url: `/api/commendations?unit=${u}` }) },
  {
    name: 'issue a directive',
    permission: 'direction.issue',
    request: (u) => ({
      method: 'POST',
      url: '/api/directives',
      payload: {
        unitId: u,
        kind: 'directive',
        number: `A-${u}-${Math.random()}`,
        issuedOn: T,
        title: 'Chỉ đạo',
        recipientLevels: ['village'],
        obligations: [{ kind: 'action', what: 'Triển khai', dueOn: T }],
      },
    }),
  },
  {
    name: 'register a key task',
    permission: 'direction.write',
    request: (u) => ({ method: 'POST', url: '/api/key-tasks', payload: { unitId: u, year, title: 'Nhiệm vụ', registeredOn: T } }),
  },
  {
    name: 'record a commendation',
    permission: 'direction.write',
    request: (u) => ({
      method: 'POST',
      url: '/api/commendations',
      payload: {
        unitId: u,
        recipientKind: 'person',
        recipientName: 'Nguyễn Văn An',
        awardedBy: 'UBND tỉnh',
        level: 'province',
        reason: 'Thành tích',
        awardedOn: T,
      },
    }),
  },
  { name: 'propose a grading', permission: 'direction.issue', request: (u) => ({ method: 'POST', url: '/api/gradings/propose', payload: { unitId: u, year } }) },
];

describe.each(ROUTES)('$name', (route) => {
  it.each(ROLES.filter((r) => r !== 'admin').flatMap((role) => (['own', 'child', 'sibling', 'parent'] as Target[]).map((target) => [role, target] as [Role, Target])))(
    '%s at the ward → %s',
    async (role, target) => {
      const s = await sessionAs(t.db, role, t.w.S);
      const res = await t.app.inject({ ...route.request(unitOf(target)), headers: s.headers });
      if (!ROLE_PERMISSIONS[role].includes(route.permission)) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      } else if (target === 'sibling' || target === 'parent') {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('OUT_OF_SCOPE');
      } else {
        expect(res.statusCode === 403 ? res.json().error.code : 'allowed', res.body).not.toMatch(/FORBIDDEN|OUT_OF_SCOPE/);
      }
    },
  );
});

describe('the HTTP boundary', () => {
  it('needs a session and the CSRF token; bad input gets a coded error and writes nothing', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/direction/inbox?unit=${t.w.S}` })).statusCode).toBe(401);
    const s = await sessionAs(t.db, 'standing_committee', t.w.S);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/key-tasks',
      headers: { cookie: s.headers.cookie },
      payload: { unitId: t.w.S, year, title: 'x', registeredOn: T },
    });
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID');
    const bad = await t.app.inject({ method: 'POST', url: '/api/key-tasks', headers: s.headers, payload: { unitId: t.w.S, year: year - 1, title: 'Nhiệm vụ', registeredOn: T } });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'KEY_TASK_YEAR_MISMATCH']);
    expect(bad.json().error.message).toMatch(/năm/);
    const missing = await t.app.inject({ method: 'POST', url: '/api/directives', headers: s.headers, payload: { unitId: t.w.S } });
    expect(missing.json().error.code).toBe('VALIDATION');
  });
});
