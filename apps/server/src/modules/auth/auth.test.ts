import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, type World } from '../../test/factories';
import { hashPassword } from '../../platform/auth';
import type { App } from '../../platform/http';

let db: RootDb;
let app: App;
let w: World;
const PASSWORD = 'mat-khau-thu-nghiem';

async function addUser(username: string, role = 'unit_staff', unitId: number | null = null) {
  await db.query(`insert into users (username, display_name, password_hash, role, unit_id) values ($1, $2, $3, $4, $5)`, [
    username,
    'Nguyễn Văn An',
    await hashPassword(PASSWORD),
    role,
    unitId ?? w.S,
  ]);
}

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

function cookiesOf(res: Awaited<ReturnType<typeof login>>) {
  const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
  return { jar, header: res.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('sign-in', () => {
  it('stores an argon2id hash, never the password', async () => {
    await addUser('auth.hash');
    const [r] = await db.query<{ password_hash: string }>(`select password_hash from users where username = 'auth.hash'`);
    expect(r.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(r.password_hash).not.toContain(PASSWORD);
  });

  it('signs in with an HttpOnly SameSite session cookie and a readable CSRF cookie, and /api/me answers', async () => {
    await addUser('auth.ok');
    const res = await login('auth.ok', PASSWORD);
    expect(res.statusCode).toBe(200);
    const { jar, header } = cookiesOf(res);
    expect(jar.dk_session.httpOnly).toBe(true);
    expect(jar.dk_session.sameSite).toBe('Lax');
    expect(jar.dk_csrf.httpOnly).toBeFalsy();
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: header } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'auth.ok', role: 'unit_staff', unitId: w.S, unitName: 'Phường Bắc Giang Thử' });
    expect(me.json().permissions).toContain('org.write');
  });

  it('refuses a wrong password with a coded Vietnamese message and creates no session', async () => {
    await addUser('auth.wrong');
    const res = await login('auth.wrong', 'sai-mat-khau');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng' });
    expect(await db.query(`select 1 from sessions s join users u on u.id = s.user_id where u.username = 'auth.wrong'`)).toHaveLength(0);
  });

  it('limits repeated failures for a user name, even with the right password afterwards', async () => {
    await addUser('auth.limited');
    for (let i = 0; i < 5; i++) expect((await login('auth.limited', 'sai-' + i)).statusCode).toBe(401);
    const res = await login('auth.limited', PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('LOGIN_RATE_LIMITED');
  });

  it('refuses a sign-in posted from another site', async () => {
    await addUser('auth.origin');
    const res = await login('auth.origin', PASSWORD, { origin: 'https://evil.example' });
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('signs out: the session no longer works', async () => {
    await addUser('auth.out');
    const { header, jar } = cookiesOf(await login('auth.out', PASSWORD));
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: header, 'x-csrf-token': jar.dk_csrf.value } });
    expect(out.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: header } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('CSRF', () => {
  it("refuses a state-changing request without the token, or with another session's token, and writes nothing", async () => {
    await addUser('auth.csrf');
    await addUser('auth.csrf2');
    const a = cookiesOf(await login('auth.csrf', PASSWORD));
    const b = cookiesOf(await login('auth.csrf2', PASSWORD));
    for (const token of [undefined, b.jar.dk_csrf.value]) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/me/locale',
        payload: { locale: 'en' },
        headers: { cookie: a.header, ...(token ? { 'x-csrf-token': token } : {}) },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_INVALID');
    }
    const [u] = await db.query<{ locale: string }>(`select locale from users where username = 'auth.csrf'`);
    expect(u.locale).toBe('vi');
    expect(await db.query(`select 1 from audit_log a join users u on u.id = a.actor_id where u.username = 'auth.csrf'`)).toHaveLength(0);
    const ok = await app.inject({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'en' }, headers: { cookie: a.header, 'x-csrf-token': a.jar.dk_csrf.value } });
    expect(ok.statusCode).toBe(200);
    const rows = await db.query<{ after: { locale: string } }>(
      `select a.after from audit_log a join users u on u.id::text = a.entity_id where a.entity = 'user' and a.action = 'update' and u.username = 'auth.csrf'`,
    );
    expect(rows.map((r) => r.after.locale)).toEqual(['en']);
  });
});
