import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, type World } from '../../test/factories';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { hashPassword } from '../../platform/auth';
import type { App } from '../../platform/http';

// Sign-in seen from the attacker's side: guessing, locking others out, spoofing addresses, timing.
let db: RootDb;
let app: App;
let w: World;
const PASSWORD = 'mat-khau-thu-nghiem';
let n = 0;
const addr = () => `10.16.${Math.floor(n / 250) % 250}.${(n++ % 250) + 1}`;

async function addUser(prefix: string): Promise<{ username: string; id: number }> {
  const username = `${prefix}.${Date.now().toString(36)}${n++}`;
  const [{ id }] = await db.query<{ id: number }>(
    `insert into users (username, display_name, password_hash, role, unit_id) values ($1, 'Nguyễn Văn An', $2, 'unit_staff', $3) returning id`,
    [username, await hashPassword(PASSWORD), w.S],
  );
  return { username, id };
}

const login = (a: App, username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  a.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

const auditOf = (id: number) =>
  db.query<{ action: string; after: { address: string; outcome?: string } }>(`select action, after from audit_log where entity = 'user' and entity_id = $1 order by id`, [
    String(id),
  ]);

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('guessing passwords', () => {
  it("five wrong passwords from the attacker's address do not lock the user out from their own", async () => {
    const u = await addUser('approver');
    const attacker = addr();
    for (let i = 0; i < 5; i++) expect((await login(app, u.username, 'sai-' + i, attacker)).json().error.code).toBe('INVALID_CREDENTIALS');
    const refused = await login(app, u.username, PASSWORD, attacker);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(app, u.username, PASSWORD, addr())).statusCode).toBe(200);
  });

  it('the back-off doubles after each further failure and lets one try through when it has passed', async () => {
    const u = await addUser('backoff');
    const a = addr();
    for (let i = 0; i < 5; i++) await login(app, u.username, 'sai-' + i, a);
    expect(Number((await login(app, u.username, 'sai', a)).headers['retry-after'])).toBeLessThanOrEqual(30);
    await db.query(`update login_attempts set at = at - interval '31 seconds' where address = $1`, [a]);
    expect((await login(app, u.username, 'sai-6', a)).json().error.code).toBe('INVALID_CREDENTIALS');
    const again = await login(app, u.username, PASSWORD, a);
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(30);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('failures from many addresses lock the account itself, from everywhere, for a longer time', async () => {
    const u = await addUser('spread');
    for (let i = 0; i < 10; i++) expect((await login(app, u.username, 'sai', addr())).statusCode).toBe(401);
    const res = await login(app, u.username, PASSWORD, addr());
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(30 * 60);
  });

  it('parallel guesses cannot slip past the count: at most five passwords are tried', async () => {
    const u = await addUser('race');
    const a = addr();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login(app, u.username, 'sai-' + i, a)));
    const codes = results.map((r) => r.json().error.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOGIN_RATE_LIMITED')).toHaveLength(15);
    expect((await auditOf(u.id)).filter((r) => r.action === 'sign_in_failed')).toHaveLength(5);
  });

  it('answers an unknown user name as slowly as a wrong password (argon2 on a dummy hash)', async () => {
    const u = await addUser('timing');
    // This process's CPU time (argon2 runs on its thread pool), not wall time: other test workers
    // loading the machine do not count, so the comparison holds on a busy CI runner.
    const cpuMs = async (name: string) => {
      const c0 = process.cpuUsage();
      await login(app, name, 'sai-mat-khau', addr());
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
    const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    await cpuMs('khong.ton.tai.0'); // warm the dummy hash
    const k: number[] = [];
    const n: number[] = [];
    for (let i = 0; i < 5; i++) {
      k.push(await cpuMs(u.username));
      n.push(await cpuMs('khong.ton.tai.' + Date.now() + i));
    }
    const known = med(k);
    const unknown = med(n);
    expect(unknown / known).toBeGreaterThan(0.6);
  });
});

describe('sign-in events are audited', () => {
  it('records success, wrong password, refusal and sign-out with the address and outcome', async () => {
    const u = await addUser('audited');
    const a = addr();
    await login(app, u.username, 'sai', a);
    const ok = await login(app, u.username, PASSWORD, a);
    const cookie = ok.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = ok.cookies.find((c) => c.name === 'dk_csrf')!.value;
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf }, remoteAddress: a });
    const rows = await auditOf(u.id);
    expect(rows.map((r) => [r.action, r.after.address, r.after.outcome])).toEqual([
      ['sign_in_failed', a, 'wrong_password'],
      ['sign_in', a, 'success'],
      ['sign_out', a, undefined],
    ]);
    const b = addr();
    for (let i = 0; i < 6; i++) await login(app, u.username, 'sai', b);
    expect((await auditOf(u.id)).at(-1)).toMatchObject({ action: 'sign_in_refused', after: { address: b, outcome: 'throttled:user_address' } });
  });

  it('an unknown user name is audited by address, without the name typed', async () => {
    const a = addr();
    const typed = 'mat-khau-go-nham-o-ten-' + Date.now();
    await login(app, typed, 'x', a);
    const rows = await db.query<{ after: unknown; entity_id: string }>(`select after, entity_id from audit_log where action = 'sign_in_failed' and after->>'address' = $1`, [a]);
    expect(rows).toEqual([{ after: { address: a, outcome: 'unknown_user' }, entity_id: '-' }]);
    expect(JSON.stringify(await db.query(`select * from login_attempts where address = $1`, [a]))).not.toContain(typed);
  });
});

describe('client address behind a proxy', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says so: a spoofed header cannot escape the back-off', async () => {
    const u = await addUser('spoof');
    const a = addr();
    for (let i = 0; i < 5; i++) await login(app, u.username, 'sai', a, { 'x-forwarded-for': `203.0.113.${i}` });
    expect((await login(app, u.username, PASSWORD, a, { 'x-forwarded-for': '203.0.113.99' })).statusCode).toBe(429);
  });

  it('with TRUST_PROXY set to the proxy, users behind it are told apart by their forwarded address', async () => {
    const proxied = await buildApp(db, { ...loadConfig({ TRUST_PROXY: '127.0.0.1' }) });
    try {
      const u = await addUser('proxied');
      for (let i = 0; i < 5; i++) await login(proxied, u.username, 'sai', '127.0.0.1', { 'x-forwarded-for': '198.51.100.7' });
      expect((await login(proxied, u.username, PASSWORD, '127.0.0.1', { 'x-forwarded-for': '198.51.100.7' })).statusCode).toBe(429);
      expect((await login(proxied, u.username, PASSWORD, '127.0.0.1', { 'x-forwarded-for': '198.51.100.8' })).statusCode).toBe(200);
      expect((await auditOf(u.id)).at(-1)!.after.address).toBe('198.51.100.8');
    } finally {
      await proxied.close();
    }
  });
});

describe('sessions', () => {
  const me = (a: App, cookie: string) => a.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  it('end after 30 minutes without a request, and in any case after 12 hours', async () => {
    const u = await addUser('idle');
    const ok = await login(app, u.username, PASSWORD, addr());
    const cookie = ok.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect(ok.cookies.find((c) => c.name === 'dk_session')!.maxAge).toBe(12 * 3600);
    const [s] = await db.query<{ hours: number }>(`select extract(epoch from expires_at - created_at)::float8 / 3600 as hours from sessions where user_id = $1`, [u.id]);
    expect(Math.round(s.hours)).toBe(12);
    await db.query(`update sessions set last_seen_at = now() - interval '29 minutes' where user_id = $1`, [u.id]);
    expect((await me(app, cookie)).statusCode).toBe(200);
    // The request above counted as activity.
    await db.query(`update sessions set last_seen_at = last_seen_at - interval '29 minutes' where user_id = $1`, [u.id]);
    expect((await me(app, cookie)).statusCode).toBe(200);
    await db.query(`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = $1`, [u.id]);
    expect((await me(app, cookie)).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('cookies are Secure by default, and only development or tests turn that off', async () => {
    expect(loadConfig({}).secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).secureCookies).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', SECURE_COOKIES: '1' }).secureCookies).toBe(true);
    const u = await addUser('secure');
    const res = await login(app, u.username, PASSWORD, addr());
    expect(res.cookies.every((c) => c.secure)).toBe(true);
  });
});
