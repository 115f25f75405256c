import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { create, petitionSetup, type Sessions } from '../petitions/testing';
import { today } from '../../platform/access';

// A denouncer's identity is not IT's business: the administrator does not hold petition.identity.
const t = useWorldApp();
let s: Sessions;
let admin: TestSession;
beforeAll(async () => {
  s = await petitionSetup(t.db, t.w);
  admin = await sessionAs(t.db, 'admin', null);
});

const identity = (who: TestSession, id: number) => t.app.inject({ method: 'GET', url: `/api/petitions/${id}/identity`, headers: who.headers });

describe('petition.identity for the administrator', () => {
  it('is not held by default; granted by an administrator it is, audited; withdrawn it is gone', async () => {
    const p = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'to_cao', title: 'Tố cáo', content: 'Nội dung', receivedOn: today(), name: 'Người Tố Cáo' });
    expect((await identity(admin, p.id)).json().error.code).toBe('FORBIDDEN');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: admin.headers });
    expect(me.json().permissions).not.toContain('petition.identity');
    expect(me.json().permissions).toContain('user.manage');

    const other = await sessionAs(t.db, 'admin', null);
    const grant = await t.app.inject({ method: 'PUT', url: `/api/users/${admin.user.id}/grants`, headers: other.headers, payload: { permissions: ['petition.identity'] } });
    expect(grant.statusCode, grant.body).toBe(200);
    expect(grant.json().grants).toEqual(['petition.identity']);
    expect((await identity(admin, p.id)).json()).toMatchObject({ name: 'Người Tố Cáo' });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: admin.headers })).json().permissions).toContain('petition.identity');

    await t.app.inject({ method: 'PUT', url: `/api/users/${admin.user.id}/grants`, headers: other.headers, payload: { permissions: [] } });
    expect((await identity(admin, p.id)).json().error.code).toBe('FORBIDDEN');
    const rows = await t.db.query<{ actor_id: number; before: unknown; after: unknown }>(
      `select actor_id, before, after from audit_log where action = 'grant' and entity_id = $1 order by id`,
      [String(admin.user.id)],
    );
    expect(rows).toEqual([
      { actor_id: other.user.id, before: { grants: [] }, after: { grants: ['petition.identity'] } },
      { actor_id: other.user.id, before: { grants: ['petition.identity'] }, after: { grants: [] } },
    ]);
  });

  it('only an administrator grants, and only grantable permissions', async () => {
    const res = await t.app.inject({ method: 'PUT', url: `/api/users/${s.staffS.user.id}/grants`, headers: s.bttS.headers, payload: { permissions: ['petition.identity'] } });
    expect(res.json().error.code).toBe('FORBIDDEN');
    const bad = await t.app.inject({ method: 'PUT', url: `/api/users/${s.staffS.user.id}/grants`, headers: admin.headers, payload: { permissions: ['fund.approve'] } });
    expect(bad.json().error.code).toBe('VALIDATION');
    expect(await t.db.query('select 1 from user_grants where user_id = $1', [s.staffS.user.id])).toHaveLength(0);
  });
});
