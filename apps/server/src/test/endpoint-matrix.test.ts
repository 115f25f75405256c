import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@contract/access';
import type { Endpoint } from '@contract/endpoint';
import { today } from '../platform/access';
import { MODULES } from '../modules/modules';
import { useWorldApp } from './app';
import { sessionAs, type TestSession } from './factories';
import { TARGETS, dependsOnUnit, expected, injectOf, withoutUnit, type SampleCtx, type Target } from './matrix';
import { SAMPLES } from './samples';

/**
 * Generated from the endpoint table: every declared route × every role at ward S (and no session)
 * × the unit it acts on. Refusals must answer 401/403 (404 for a hidden record) and write nothing; permitted calls must succeed.
 */
const t = useWorldApp();
const ENDPOINTS: Endpoint[] = MODULES.flatMap((m) => (m.endpoints ?? []).map((b) => b.endpoint));
const sessions = new Map<Role, TestSession>();
let admin: TestSession;

beforeAll(async () => {
  for (const role of ROLES) sessions.set(role, await sessionAs(t.db, role, role === 'admin' ? null : t.w.S));
  admin = sessions.get('admin')!;
});

const unitOf = (target: Target) => ({ own: t.w.S, child: t.w.A1, sibling: t.w.T, parent: t.w.P, predecessor: t.w.A })[target];

it('every endpoint has a sample request', () => {
  expect(ENDPOINTS.filter((e) => !SAMPLES[e.key]).map((e) => e.key)).toEqual([]);
});

it('covers every route of the OpenAPI document, and the document every endpoint', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
  expect(documented.sort()).toEqual(ENDPOINTS.map((e) => e.key).sort());
});

type Case = { e: Endpoint; role: Role | null; target: Target; unitGiven: boolean };
const cases: Case[] = ENDPOINTS.flatMap((e) =>
  [...ROLES, null].flatMap((role) =>
    (dependsOnUnit(e) ? TARGETS : (['own'] as Target[])).flatMap((target) => {
      const a = e.access;
      const optional = 'permission' in a && a.unit.from === 'input' && a.unit.optional;
      return optional
        ? [
            { e, role, target, unitGiven: true },
            { e, role, target, unitGiven: false },
          ]
        : [{ e, role, target, unitGiven: true }];
    }),
  ),
);

describe.each(ENDPOINTS.map((e) => [e.key, e] as const))('%s', (_key, endpoint) => {
  it.each(cases.filter((c) => c.e === endpoint).map((c) => [c.role ?? 'anonymous', c.target, c.unitGiven ? '' : '(no unit)', c] as const))(
    '%s → %s %s',
    async (_role, _target, _variant, c) => {
      const session = c.role ? sessions.get(c.role)! : null;
      const ctx: SampleCtx = {
        db: t.db,
        app: t.app,
        w: t.w,
        role: c.role ?? 'admin',
        session,
        admin,
        target: c.target,
        unit: unitOf(c.target),
        date: c.target === 'predecessor' ? '2025-03-01' : today(),
      };
      let req = await SAMPLES[c.e.key](ctx);
      if (!c.unitGiven) req = withoutUnit(c.e, req)!;
      const [{ last }] = await t.db.query<{ last: number }>('select coalesce(max(id), 0)::int as last from audit_log');
      const res = await t.app.inject(injectOf(c.e, req, session?.headers ?? {}));
      const want = expected(c.e, c.role, c.target, c.unitGiven);
      if (want === 'ok') {
        expect([c.e.status ?? 200, ...(req.ok ?? [])], res.body.slice(0, 300)).toContain(res.statusCode);
        return;
      }
      expect(res.statusCode, res.body.slice(0, 300)).toBe(want);
      const a = c.e.access;
      const hidden = 'permission' in a && a.unit.from === 'record' ? a.unit.hidden : undefined;
      expect(want === 401 ? ['UNAUTHENTICATED'] : want === 404 ? [hidden] : ['FORBIDDEN', 'OUT_OF_SCOPE']).toContain(res.json().error.code);
      if (session) {
        const written = await t.db.query('select 1 from audit_log where id > $1 and actor_id = $2', [last, session.user.id]);
        expect(written).toHaveLength(0);
      }
    },
  );
});
