import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from '@contract/access';
import { useWorldApp } from './app';
import { sessionAs } from './factories';

/**
 * Every foundation route, for each role held at ward S, against S itself, its child village, its
 * sibling ward T and its parent province P. Expected results come from the role's permissions and
 * the subtree rule; the org module has its own matrix beside it.
 */
const t = useWorldApp();

type Target = 'own' | 'child' | 'sibling' | 'parent';
const TARGETS: Target[] = ['own', 'child', 'sibling', 'parent'];
const unitOf = (target: Target) => ({ own: t.w.S, child: t.w.A1, sibling: t.w.T, parent: t.w.P })[target];

/** One account per target unit, for the account-change route. */
const accountAt = new Map<number, number>();
beforeAll(async () => {
  for (const u of [t.w.S, t.w.A1, t.w.T, t.w.P]) accountAt.set(u, (await sessionAs(t.db, 'unit_staff', u)).user.id);
});

type RouteCase = {
  name: string;
  permission: Permission;
  /** Admin-only routes don't depend on the unit scope. */
  unscoped?: boolean;
  request: (unitId: number) => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown };
};

const ROUTES: RouteCase[] = [
  { name: 'read a unit', permission: 'unit.read', request: (u) => ({ method: 'GET', url: `/api/units/${u}` }) },
  { name: "list a unit's children", permission: 'unit.read', request: (u) => ({ method: 'GET', url: `/api/units?parent=${u}` }) },
  { name: 'read a metric', permission: 'metric.read', request: (u) => ({ method: 'GET', url: `/api/metrics/org.units_by_level?unit=${u}&from=2026-01-01&to=2026-12-31` }) },
  { name: 'read the audit trail of a unit', permission: 'audit.read', request: (u) => ({ method: 'GET', url: `/api/audit?unit=${u}` }) },
  { name: 'read a subtree as of a date', permission: 'unit.read', request: (u) => ({ method: 'GET', url: `/api/units/${u}/subtree?asOf=2026-01-01` }) },
  { name: "read a unit's lineage", permission: 'unit.read', request: (u) => ({ method: 'GET', url: `/api/units/${u}/lineage` }) },
  {
    name: 'rename a unit (administration)',
    permission: 'unit.manage',
    unscoped: true,
    request: (u) => ({ method: 'POST', url: `/api/units/${u}/rename`, payload: { effectiveDate: '2026-09-01', name: `Tên mới ${u}` } }),
  },
  { name: 'list accounts', permission: 'user.manage', unscoped: true, request: () => ({ method: 'GET', url: '/api/users' }) },
  { name: 'read the account of a user at a unit', permission: 'user.manage', unscoped: true, request: (u) => ({ method: 'GET', url: `/api/users/${accountAt.get(u)}` }) },
  {
    name: 'change the account of a user at a unit',
    permission: 'user.manage',
    unscoped: true,
    request: (u) => ({ method: 'PATCH', url: `/api/users/${accountAt.get(u)}`, payload: { displayName: `Đổi tên ${Math.random().toString(36).slice(2, 6)}` } }),
  },
  {
    name: 'create an account at a unit',
    permission: 'user.manage',
    unscoped: true,
    request: (u) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `mx.${u}.${Math.random().toString(36).slice(2, 8)}`, displayName: 'Trần Thị Bình', role: 'unit_staff', unitId: u, password: 'mat-khau-dai-du' },
    }),
  },
];

function expected(role: Role, route: RouteCase, target: Target): number {
  if (!ROLE_PERMISSIONS[role].includes(route.permission)) return 403;
  if (role === 'admin' || route.unscoped) return 200;
  return target === 'own' || target === 'child' ? 200 : 403;
}

describe.each(ROLES)('role %s at ward S', (role) => {
  it.each(ROUTES.flatMap((r) => TARGETS.map((t) => [r.name, t, r] as const)))('%s → %s', async (_name, target, route) => {
    const session = await sessionAs(t.db, role, role === 'admin' ? null : t.w.S);
    const req = route.request(unitOf(target));
    const res = await t.app.inject({ ...req, payload: req.payload as object | undefined, headers: session.headers });
    const want = expected(role, route, target);
    expect(res.statusCode, res.body).toBe(want);
    if (want === 403) {
      expect(['FORBIDDEN', 'OUT_OF_SCOPE']).toContain(res.json().error.code);
      // Nothing written: the test database is shared, so look for this request's own traces.
      const username = (req.payload as { username?: string } | undefined)?.username ?? '';
      expect(await t.db.query('select 1 from users where username = $1', [username])).toHaveLength(0);
      expect(await t.db.query('select 1 from audit_log where actor_id = $1', [session.user.id])).toHaveLength(0);
    }
  });
});

describe('list queries are scoped in SQL', () => {
  it('a ward user searching all units finds only their subtree and merged predecessors', async () => {
    const { headers } = await sessionAs(t.db, 'unit_staff', t.w.S);
    const res = await t.app.inject({ method: 'GET', url: '/api/units?q=phuong&asOf=2024-06-01', headers });
    const ids = res
      .json()
      .map((u: { id: number }) => u.id)
      .sort();
    expect(ids).toEqual([t.w.A, t.w.B].sort());
    const roots = await t.app.inject({ method: 'GET', url: '/api/units', headers });
    expect(roots.json().map((u: { id: number }) => u.id)).toEqual([t.w.S]);
  });

  it('search matches with and without diacritics', async () => {
    const { headers } = await sessionAs(t.db, 'standing_committee', t.w.C);
    for (const q of ['Trần Phú', 'tran phu', 'TRAN PHU thu']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent(q)}`, headers });
      expect(res.json().map((u: { id: number }) => u.id)).toEqual([t.w.A]);
    }
  });

  it('the audit trail of a non-admin holds only rows of units in scope', async () => {
    const admin = await sessionAs(t.db, 'admin', null);
    for (const unitId of [t.w.A1, t.w.D1]) {
      await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { username: `scope.${unitId}.${Date.now()}`, displayName: 'Lê Văn Cường', role: 'village_head', unitId, password: 'mat-khau-dai-du' },
      });
    }
    const { headers } = await sessionAs(t.db, 'unit_staff', t.w.T);
    const rows = (await t.app.inject({ method: 'GET', url: '/api/audit?entity=user', headers })).json() as Array<{ unitId: number }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.unitId === t.w.D1 || r.unitId === t.w.T || r.unitId === t.w.D)).toBe(true);
  });
});
