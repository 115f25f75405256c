import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, sessionAs, type TestSession, type World } from '../../test/factories';

let db: RootDb;
let app: App;
let w: World;
let admin: TestSession;
beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await testApp(db);
  admin = await sessionAs(db, 'admin', null);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const auditOf = (id: number) =>
  db.query<{ action: string; actor_id: number; unit_id: number; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
    `select action, actor_id, unit_id, before, after from audit_log where entity = 'user' and entity_id = $1 order by id`,
    [String(id)],
  );

describe('account administration', () => {
  it('creates an account with an audit row that holds no password or hash', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'canbo.moi', displayName: 'Nguyễn Thị Hoa', role: 'unit_staff', unitId: w.S, password: 'mat-khau-rat-dai' },
    });
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({ username: 'canbo.moi', role: 'unit_staff', unitId: w.S, unitName: 'Phường Bắc Giang Thử', active: true });
    const rows = await auditOf(created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', actor_id: admin.user.id, unit_id: w.S, before: null });
    expect(rows[0].after).toMatchObject({ username: 'canbo.moi', displayName: 'Nguyễn Thị Hoa' });
    expect(JSON.stringify(rows[0])).not.toContain('mat-khau-rat-dai');
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.moi', password: 'mat-khau-rat-dai' } });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a taken user name with USERNAME_TAKEN, writing nothing', async () => {
    const payload = { username: 'trung.ten', displayName: 'A', role: 'leadership', unitId: w.P, password: 'mat-khau-rat-dai' };
    expect((await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload })).statusCode).toBe(200);
    const again = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { ...payload, username: 'TRUNG.TEN'.toLowerCase() } });
    expect(again.json().error.code).toBe('USERNAME_TAKEN');
    expect(await db.query(`select 1 from users where username = 'trung.ten'`)).toHaveLength(1);
  });

  it("changes role and unit with before → after in the trail and ends the account's sessions", async () => {
    const target = await sessionAs(db, 'unit_staff', w.S);
    const res = await app.inject({ method: 'PATCH', url: `/api/users/${target.user.id}`, headers: admin.headers, payload: { role: 'leadership', unitId: w.T } });
    expect(res.statusCode).toBe(200);
    const [row] = await auditOf(target.user.id);
    expect(row.before).toMatchObject({ role: 'unit_staff', unitId: w.S });
    expect(row.after).toMatchObject({ role: 'leadership', unitId: w.T });
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: target.headers });
    expect(me.statusCode).toBe(401);
  });

  it('a deactivated account cannot sign in', async () => {
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { username: 'nghi.viec', displayName: 'Đỗ Văn Em', role: 'unit_staff', unitId: w.S, password: 'mat-khau-rat-dai' },
      })
    ).json();
    await app.inject({ method: 'PATCH', url: `/api/users/${created.id}`, headers: admin.headers, payload: { active: false } });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nghi.viec', password: 'mat-khau-rat-dai' } });
    expect(login.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await auditOf(created.id)).map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('a non-admin role needs a unit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'khong.don.vi', displayName: 'X', role: 'unit_staff', unitId: null, password: 'mat-khau-rat-dai' },
    });
    expect(res.json().error.code).toBe('VALIDATION');
  });
});

describe('one account', () => {
  it('an administrator reads one account; others are refused; an unknown id is NOT_FOUND', async () => {
    const target = await sessionAs(db, 'unit_staff', w.S);
    const res = await app.inject({ method: 'GET', url: `/api/users/${target.user.id}`, headers: admin.headers });
    expect(res.json()).toMatchObject({ id: target.user.id, username: target.user.username, role: 'unit_staff', unitId: w.S });
    const staff = await sessionAs(db, 'standing_committee', w.P);
    expect((await app.inject({ method: 'GET', url: `/api/users/${target.user.id}`, headers: staff.headers })).json().error.code).toBe('FORBIDDEN');
    expect((await app.inject({ method: 'GET', url: '/api/users/987654321', headers: admin.headers })).json().error.code).toBe('NOT_FOUND');
  });
});
