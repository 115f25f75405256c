import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs } from '../../test/factories';
import { hashPassword } from '../../platform/auth';
import { passwordProblem } from '../../platform/password-policy';

const t = useWorldApp();
const OLD = 'mat-khau-cu-rat-dai';
let n = 0;

async function signedIn() {
  const username = `doimk.${Date.now().toString(36)}${n++}`;
  await t.db.query(`insert into users (username, display_name, password_hash, role, unit_id) values ($1, 'Lê Thị Hoa', $2, 'unit_staff', $3)`, [
    username,
    await hashPassword(OLD),
    t.w.S,
  ]);
  const login = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.17.0.${n}` });
  const res = await login(OLD);
  const headers = { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': res.cookies.find((c) => c.name === 'dk_csrf')!.value };
  const change = (currentPassword: string, newPassword: string) =>
    t.app.inject({ method: 'PUT', url: '/api/me/password', headers, payload: { currentPassword, newPassword }, remoteAddress: `10.17.0.${n}` });
  return { username, headers, login, change };
}

describe('password policy', () => {
  it('wants at least 12 characters and refuses common passwords, Vietnamese habits and the user name', () => {
    expect(passwordProblem('ngan-qua-11')).toBe('PASSWORD_TOO_SHORT');
    expect(passwordProblem('password1234')).toBe('PASSWORD_TOO_COMMON');
    expect(passwordProblem('Password2024!')).toBe('PASSWORD_TOO_COMMON');
    expect(passwordProblem('qwertyuiop123')).toBe('PASSWORD_TOO_COMMON');
    expect(passwordProblem('matkhau123456')).toBe('PASSWORD_TOO_COMMON');
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBe('PASSWORD_TOO_COMMON');
    expect(passwordProblem('canbo.bacgiang2025', 'canbo.bacgiang')).toBe('PASSWORD_TOO_COMMON');
    expect(passwordProblem('sông Thương chảy qua cầu')).toBeNull();
  });

  it('an administrator cannot give an account a short or common password', async () => {
    const admin = await sessionAs(t.db, 'admin', null);
    const create = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { username: `yeu.${n++}`, displayName: 'A', role: 'unit_staff', unitId: t.w.S, password },
      });
    expect((await create('mk-10-ky-tu')).json().error.code).toBe('PASSWORD_TOO_SHORT');
    expect((await create('iloveyou1234')).json().error.code).toBe('PASSWORD_TOO_COMMON');
    expect((await create('ba con voi bay qua song')).statusCode).toBe(200);
  });
});

describe('self-service password change', () => {
  it('needs the current password, applies the policy, ends the other sessions and is audited', async () => {
    const u = await signedIn();
    const other = await u.login(OLD);
    const otherCookie = other.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await u.change('sai-mat-khau-hien-tai', 'mot mat khau moi that dai')).json().error.code).toBe('PASSWORD_CURRENT_WRONG');
    expect((await u.change(OLD, 'ngan')).json().error.code).toBe('PASSWORD_TOO_SHORT');
    expect((await u.change(OLD, 'password12345')).json().error.code).toBe('PASSWORD_TOO_COMMON');
    expect((await u.login(OLD)).statusCode).toBe(200);
    const ok = await u.change(OLD, 'mot mat khau moi that dai');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: u.headers.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: otherCookie } })).statusCode).toBe(401);
    expect((await u.login(OLD)).statusCode).toBe(401);
    expect((await u.login('mot mat khau moi that dai')).statusCode).toBe(200);
    const rows = await t.db.query<{ action: string }>(
      `select a.action from audit_log a join users x on x.id::text = a.entity_id where x.username = $1 and a.action like 'password%' order by a.id`,
      [u.username],
    );
    expect(rows.map((r) => r.action)).toEqual(['password_change_failed', 'password_change']);
  });

  it('a stolen session cannot guess the current password without limit', async () => {
    const u = await signedIn();
    for (let i = 0; i < 5; i++) expect((await u.change('doan-' + i, 'mot mat khau moi that dai')).json().error.code).toBe('PASSWORD_CURRENT_WRONG');
    expect((await u.change(OLD, 'mot mat khau moi that dai')).json().error.code).toBe('LOGIN_RATE_LIMITED');
  });

  it('refuses a change without the CSRF token or without a session', async () => {
    const u = await signedIn();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: { cookie: u.headers.cookie },
      payload: { currentPassword: OLD, newPassword: 'mot mat khau moi that dai' },
    });
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const anon = await t.app.inject({ method: 'PUT', url: '/api/me/password', payload: { currentPassword: OLD, newPassword: 'mot mat khau moi that dai' } });
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
  });
});
