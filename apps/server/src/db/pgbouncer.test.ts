import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { makeStatementCampaign, debitCreditStatement, multipart } from '../modules/fund/statements/fixtures';
import { waitForJob } from '../modules/reports/testing';
import { hashPassword } from '../platform/auth';
import type { App } from '../platform/http';
import { clusterEnv, freshDatabase, missingClusters, onServerPass } from '../test/clusters';
import { makeWorld, sessionAs, type World } from '../test/factories';
import { withDatabase } from '../test/global-setup';
import { openPostgres, type RootDb } from './db';

// PgBouncer in transaction mode hands each transaction whichever server connection is free: nothing
// may rely on a session (README "Replica and PgBouncer" lists what that rules out).

const SERVER_SRC = path.resolve(import.meta.dirname, '..');

/** What a session keeps between transactions, and so breaks behind PgBouncer in transaction mode. */
const SESSION_STATE: Array<[string, RegExp]> = [
  ['a SET that outlives its transaction (use set local / set_config(..., true))', /[`'"]\s*set\s+(?!local\b)(session\s+)?[a-z_.]+\s*(=|to)\s/i],
  ['set_config(..., false) (session-wide)', /set_config\([^)]*,\s*false\s*\)/i],
  ['a session advisory lock (use pg_advisory_xact_lock)', /pg_(try_)?advisory_lock(_shared)?\s*\(/i],
  ['LISTEN / UNLISTEN (needs a session: a direct connection)', /[`'"]\s*(un)?listen\s/i],
  ['a temporary table', /create\s+(temp|temporary)\s+table/i],
  ['a named prepared statement', /\bprepare\s+\w+\s+(as|\()|query\(\s*\{[^}]*\bname\s*:/i],
  ['a cursor held over transactions', /declare\s+\w+\s+(.*\s)?cursor\s+with\s+hold/i],
];

function serverSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'test' ? [] : serverSources(p);
    return /\.(ts|sql)$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [p] : [];
  });
}

describe('no session state in the server', () => {
  it('finds no SET outside a transaction, session lock, LISTEN, temporary table or named prepared statement', () => {
    const found: string[] = [];
    for (const file of serverSources(SERVER_SRC)) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // A line that needs a session on purpose says so (and must use a direct connection, not PgBouncer).
          if (line.includes('session-state:')) return;
          for (const [what, re] of SESSION_STATE) if (re.test(line)) found.push(`${path.relative(SERVER_SRC, file)}:${i + 1} ${what}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the patterns catch what they are meant to', () => {
    const hits = (line: string) => SESSION_STATE.filter(([, re]) => re.test(line)).length;
    for (const bad of [
      "query('set statement_timeout = 1000')",
      'exec(`set search_path to x`)',
      "'select pg_advisory_lock(1)'",
      "query('LISTEN cache')",
      "'create temp table t (x int)'",
      "query({ name: 'q1', text: 'select 1' })",
      "set_config('x', '1', false)",
    ])
      expect(hits(bad), bad).toBe(1);
    for (const ok of [
      "exec(`set local maintenance_work_mem = '256MB'`)",
      "'update users set locale = $1'",
      "'select pg_advisory_xact_lock(1)'",
      'on conflict (k) do update set n = t.n + 1',
    ])
      expect(hits(ok), ok).toBe(0);
  });
});

if (onServerPass() && !missingClusters('PgBouncer test')) {
  describe('the app through PgBouncer in transaction mode', () => {
    const env = clusterEnv()!;
    let drop = async () => {};
    let name = '';
    let db: RootDb;
    let app: App;
    let w: World;

    const bouncerAdmin = async <T>(sql: string): Promise<T[]> => {
      const c = new pg.Client({ connectionString: withDatabase(env.bouncer, 'pgbouncer') });
      await c.connect();
      try {
        return (await c.query(sql)).rows as T[];
      } finally {
        await c.end();
      }
    };
    const transactions = async () =>
      Number((await bouncerAdmin<{ database: string; total_xact_count: string }>('show stats')).find((r) => r.database === name)?.total_xact_count ?? 0);

    beforeAll(async () => {
      const fresh = await freshDatabase(env.primary, 'dk_bouncer_t', env.bouncer);
      ({ drop, name } = fresh);
      db = await openPostgres(withDatabase(env.bouncer, name));
      w = await makeWorld(db);
      app = await buildApp(db, { ...loadConfig({}), demoPassword: 'test-password-1' }, { senders: null });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
      await drop();
    });

    it('PgBouncer pools this database in transaction mode with fewer server connections than the app has clients', async () => {
      const pools = await bouncerAdmin<{ database: string; pool_mode: string }>('show pools');
      expect(pools.find((p) => p.database === name)?.pool_mode).toBe('transaction');
      const [conf] = await bouncerAdmin<{ key: string; value: string }>('show config').then((r) => r.filter((x) => x.key === 'default_pool_size'));
      expect(Number(conf.value)).toBeLessThan(10);
    });

    it('sign-in, booking a donation, a statement import, a report job and the public search all work', async () => {
      const before = await transactions();
      // Sign-in with a password, then the session cookie on the next request.
      await db.query('insert into users (username, display_name, password_hash, role, unit_id) values ($1, $1, $2, $3, $4)', [
        'bouncer.ketoan',
        await hashPassword('mat-khau-qua-pgbouncer'),
        'fund_accountant',
        w.A,
      ]);
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bouncer.ketoan', password: 'mat-khau-qua-pgbouncer' } });
      expect(login.statusCode, login.body).toBe(200);
      const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
      const acct = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': cookies.dk_csrf };
      expect((await app.inject({ method: 'GET', url: '/api/me', headers: acct })).json()).toMatchObject({ username: 'bouncer.ketoan' });

      const { campaignId, vietin } = await makeStatementCampaign(db, w.A, { receiveTo: '2099-12-31' });
      const chair = await sessionAs(db, 'standing_committee', w.P);
      // The flows at the same time, so that transactions from different requests share server connections.
      const book = async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/fund/donations',
          headers: acct,
          payload: { campaignId, receivedOn: '2024-09-15', amount: 250_000, donorKind: 'individual', donorName: 'Phạm Thị Qua Cầu', accountId: vietin },
        });
        expect(res.statusCode, res.body).toBe(200);
      };
      const importStatement = async () => {
        const m = multipart({ campaignId: String(campaignId), accountId: String(vietin), format: 'generic' }, [debitCreditStatement(3)]);
        const res = await app.inject({ method: 'POST', url: '/api/fund/statements/import', payload: m.body, headers: { ...m.headers, ...acct } });
        expect(res.statusCode, res.body).toBe(202);
        let job = res.json() as { id: string; status: string; result?: { inserted: number } };
        for (let i = 0; i < 400 && job.status === 'running'; i++) {
          await new Promise((r) => setTimeout(r, 50));
          job = (await app.inject({ url: `/api/fund/statements/imports/${job.id}`, headers: acct })).json();
        }
        expect(job).toMatchObject({ status: 'done', result: { inserted: 3 } });
      };
      const report = async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/reports',
          headers: chair.headers,
          payload: { template: 'monthly', unit: w.S, from: '2025-08-01', to: '2025-08-31' },
        });
        expect(res.statusCode, res.body).toBe(200);
        expect((await waitForJob(app, (res.json() as { id: number }).id, chair.headers)).status).toBe('draft');
      };
      await Promise.all([book(), importStatement(), report()]);

      const search = await app.inject({ method: 'GET', url: `/api/public/campaigns/${campaignId}/donations?q=${encodeURIComponent('Phạm Thị Qua Cầu')}` });
      expect(search.statusCode, search.body).toBe(200);
      expect((search.json() as { items: Array<{ amount: number }> }).items).toEqual([expect.objectContaining({ amount: 250_000 })]);
      const staff = await app.inject({ method: 'GET', url: `/api/fund/donations?campaign=${campaignId}`, headers: acct });
      expect((staff.json() as { total: number }).total).toBe(4);
      // All of it went through PgBouncer (its own count of this database's transactions).
      expect(await transactions()).toBeGreaterThan(before + 20);
    });
  });
}
