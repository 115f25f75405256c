// Every role held at ward S against S, its village, its sibling ward T and its province P: reads of the
// oversight lists and the recording of a supervision and a mediation case, refused where they must be.
import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from '@contract/access';
import { useWorldApp } from '../../test/app';
import { sessionAs } from '../../test/factories';
import { today } from '../../platform/access';

const t = useWorldApp();
type Target = 'own' | 'child' | 'sibling' | 'parent';
const unitOf = (x: Target) => ({ own: t.w.S, child: t.w.A1, sibling: t.w.T, parent: t.w.P })[x];

type Case = { name: string; permission: Permission; targets: Target[]; request: (u: number) => { method: 'GET' | 'POST'; url: string; payload?: object } };
const CASES: Case[] = [
  {
    name: 'list supervisions',
    permission: 'oversight.read',
    targets: ['own', 'child', 'sibling', 'parent'],
    request: (u) => ({ method: 'GET', url: `/api/oversight/activities?unit=${u}` }),
  },
  {
    name: 'list mediation cases',
    permission: 'oversight.read',
    targets: ['own', 'child', 'sibling', 'parent'],
    request: (u) => ({ method: 'GET', url: `/api/mediation/cases?unit=${u}` }),
  },
  { name: 'list boards', permission: 'oversight.read', targets: ['own', 'sibling'], request: (u) => ({ method: 'GET', url: `/api/oversight/boards?unit=${u}` }) },
  {
    name: 'record a supervision',
    permission: 'oversight.write',
    targets: ['own', 'sibling'],
    request: (u) => ({
      method: 'POST',
      url: '/api/oversight/activities',
      payload: { unitId: u, kind: 'supervision', form: 'direct', title: 'Giám sát', subjectKind: 'agency', subject: 'UBND', startedOn: today() },
    }),
  },
];

function expected(role: Role, c: Case, target: Target): number {
  if (!ROLE_PERMISSIONS[role].includes(c.permission)) return 403;
  if (role === 'admin') return 200;
  return target === 'own' || target === 'child' ? 200 : 403;
}

describe.each(ROLES)('role %s at ward S', (role) => {
  it.each(CASES.flatMap((c) => c.targets.map((x) => [c.name, x, c] as const)))('%s → %s', async (_n, target, c) => {
    const s = await sessionAs(t.db, role, role === 'admin' ? null : t.w.S);
    const req = c.request(unitOf(target));
    const res = await t.app.inject({ ...req, headers: s.headers });
    const want = expected(role, c, target);
    expect(res.statusCode, res.body).toBe(want);
    if (want === 403) {
      expect(['FORBIDDEN', 'OUT_OF_SCOPE']).toContain(res.json().error.code);
      expect(await t.db.query('select 1 from audit_log where actor_id = $1', [s.user.id])).toHaveLength(0);
    }
  });
});

describe('a village head', () => {
  it('reads and records only in their village', async () => {
    const s = await sessionAs(t.db, 'village_head', t.w.A1);
    expect((await t.app.inject({ method: 'GET', url: `/api/mediation/cases?unit=${t.w.A1}`, headers: s.headers })).statusCode).toBe(200);
    for (const u of [t.w.S, t.w.B1, t.w.T, t.w.P]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/mediation/cases?unit=${u}`, headers: s.headers });
      expect(res.json().error.code).toBe('OUT_OF_SCOPE');
      const list = await t.app.inject({ method: 'GET', url: `/api/oversight/recommendations?unit=${u}`, headers: s.headers });
      expect(list.json().error.code).toBe('OUT_OF_SCOPE');
    }
  });
});
