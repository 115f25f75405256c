// Several server processes over one PostgreSQL database behave as one: real processes (`main.ts`, as
// `npm start` runs it) on two ports, and WORKERS=2 on one port. The multi-process part needs a PostgreSQL
// server, so it is declared only when the run has one (DATABASE_URL; CI runs the suite with it); the
// refusal of WORKERS>1 on PGlite and the in-process invalidation run on both databases.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config';
import type { RootDb } from './db/db';
import { isolatedDb, testDb } from './test/db';
import { makeWorld, sessionAs, type TestSession } from './test/factories';
import { testApp } from './test/app';
import { makeStatementCampaign, multipart, STATEMENTS_DIR, statementUploads } from './modules/fund/statements/fixtures';
import { recordDonation } from './modules/fund/donation-service';

const MAIN = path.resolve(import.meta.dirname, 'main.ts');
const ROOT = path.resolve(import.meta.dirname, '../../..');

type Server = { child: ChildProcess; base: string; out: () => string; exited: Promise<number | null> };

/** Starts `main.ts` in a process of its own and resolves once it prints that it is running. */
function startServer(port: number, env: Record<string, string>, until = 'running at'): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG: '0', LOAD_DEMO: '0', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start: ${out}`));
    }, 170_000);
    const read = (d: Buffer) => {
      out += d.toString();
      if (out.includes(until)) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${port}`, out: () => out, exited });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
}

async function stop(s: Server | undefined) {
  if (!s || s.child.exitCode !== null || s.child.signalCode) return;
  s.child.kill('SIGTERM');
  await s.exited;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks until `ok` holds or `ms` have passed; returns the last answer. */
async function until<T>(ms: number, ask: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const end = Date.now() + ms;
  let v = await ask();
  while (!ok(v) && Date.now() < end) {
    await sleep(100);
    v = await ask();
  }
  return v;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers of several routes, read field by field
async function json(res: Response): Promise<{ status: number; body: any }> {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('WORKERS', () => {
  it('defaults the rate-limit store to the database when several processes share the budget', () => {
    expect(loadConfig({}).rateLimit.store).toBe('memory');
    expect(loadConfig({ WORKERS: '2' }).rateLimit.store).toBe('postgres');
    expect(loadConfig({ WORKERS: '2', RATE_LIMIT_STORE: 'memory' }).rateLimit.store).toBe('memory');
  });

  it('refuses WORKERS=2 on the embedded database, saying why', async () => {
    const err = await startServer(31760, { WORKERS: '2', DATABASE_URL: '', DATA_DIR: path.join(ROOT, '.tmp/never-created') }).catch((e: Error) => e.message);
    expect(err).toMatch(/^exited 1: /);
    expect(err).toContain('WORKERS=2 needs a PostgreSQL server (DATABASE_URL)');
    expect(fs.existsSync(path.join(ROOT, '.tmp/never-created'))).toBe(false);
  }, 60_000);
});

describe('the public cache of a process', () => {
  it('is cleared by the commit of a donation the process did not book through its routes', async () => {
    const db = await testDb();
    const w = await makeWorld(db);
    const app = await testApp(db, { listen: db });
    try {
      const { campaignId, vietin } = await makeStatementCampaign(db, w.A, { name: 'Bộ nhớ đệm thử' });
      const acct = await sessionAs(db, 'fund_accountant', w.S);
      const read = async () => (await app.inject({ url: `/api/public/campaigns/${campaignId}` })).json().receivedMoney as number;
      expect(await read()).toBe(0);
      // Straight through the service (no route's hook runs): only the commit's notification clears the cache.
      await recordDonation({ db, user: acct.user }, { campaignId, accountId: vietin, receivedOn: '2024-09-15', amount: 250_000, donorKind: 'anonymous' });
      expect(await until(3000, read, (v) => v === 250_000)).toBe(250_000);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

// Two processes over one PostgreSQL database (a database of this file's own: the processes run their outbox
// and report workers, which must not take other files' rows).
if (inject('testDatabaseUrl')) {
  describe('two server processes over one PostgreSQL database', () => {
    let db: RootDb;
    let a: Server;
    let b: Server;
    let w: Awaited<ReturnType<typeof makeWorld>>;
    let acct: TestSession;
    let url: string;
    const env = (url: string) => ({ DATABASE_URL: url, RATE_LIMIT: '60', RATE_LIMIT_STORE: 'postgres', IMPORT_LEASE_SECONDS: '2' });

    beforeAll(async () => {
      db = await isolatedDb();
      w = await makeWorld(db);
      acct = await sessionAs(db, 'fund_accountant', w.S);
      const [{ name }] = await db.query<{ name: string }>('select current_database() as name');
      const u = new URL(inject('testDatabaseUrl'));
      u.pathname = '/' + name;
      url = u.toString();
      [a, b] = await Promise.all([startServer(31761, env(url)), startServer(31762, env(url))]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all([stop(a), stop(b)]);
      await db?.close();
    });

    it('count failed sign-ins together: the limiter is in the database', async () => {
      const login = (s: Server) =>
        fetch(`${s.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'khong.co.ai', password: 'sai-mat-khau-123' }),
        }).then(json);
      for (const s of [a, a, a, b, b]) expect((await login(s)).body.error.code).toBe('INVALID_CREDENTIALS');
      // One process alone has seen only two or three failures; together they are five: the back-off starts.
      const sixth = await login(b);
      expect(sixth.status).toBe(429);
      expect(sixth.body.error.code).toBe('LOGIN_RATE_LIMITED');
      expect((await login(a)).body.error.code).toBe('LOGIN_RATE_LIMITED');
    });

    it("share rate limits: one address's budget is counted across both", async () => {
      const { campaignId } = await makeStatementCampaign(db, w.A, { name: 'Giới hạn chung' });
      const csv = (s: Server) => fetch(`${s.base}/api/public/campaigns/${campaignId}/donations.csv`).then((r) => r.status);
      // RATE_LIMIT=60 gives a CSV 2 a minute per address: one on each process, then the third is refused.
      expect(await csv(a)).toBe(200);
      expect(await csv(b)).toBe(200);
      expect(await csv(a)).toBe(429);
    });

    it("a donation booked through one process clears both processes' public caches at once", async () => {
      const { campaignId, vietin } = await makeStatementCampaign(db, w.A, { name: 'Sao kê hai tiến trình' });
      const read = (s: Server) =>
        fetch(`${s.base}/api/public/campaigns/${campaignId}`)
          .then(json)
          .then((r) => r.body as { name: string; receivedMoney: number });
      expect((await read(a)).receivedMoney).toBe(0);
      expect((await read(b)).receivedMoney).toBe(0);
      // The cache is on: a change made without the triggers (so without a notification) does not show.
      await db.tx(async (tx) => {
        await tx.query(`set local session_replication_role = replica`);
        await tx.query(`update fund_campaigns set name = 'Tên mới chưa báo' where id = $1`, [campaignId]);
      });
      await sleep(300);
      expect((await read(b)).name).toBe('Sao kê hai tiến trình');

      const booked = await fetch(`${a.base}/api/fund/donations`, {
        method: 'POST',
        headers: { ...acct.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ campaignId, accountId: vietin, receivedOn: '2024-09-15', amount: 500_000, donorKind: 'individual', donorName: 'Nguyễn Văn Thử' }),
      }).then(json);
      expect(booked.status).toBe(200);
      // Within a notification's delivery (the cache's own lifetime is 30 s).
      const seenB = await until(
        3000,
        () => read(b),
        (v) => v.receivedMoney === 500_000,
      );
      expect(seenB).toEqual(expect.objectContaining({ receivedMoney: 500_000, name: 'Tên mới chưa báo' }));
      expect(
        (
          await until(
            3000,
            () => read(a),
            (v) => v.receivedMoney === 500_000,
          )
        ).receivedMoney,
      ).toBe(500_000);
    });

    it('an import started on one process is followed on the other, to its result', async () => {
      const { campaignId } = await makeStatementCampaign(db, w.A, { name: 'Nhập qua tiến trình A' });
      const file = 'Agribank-1500201113838-20240901-20240912_parsed_005.csv';
      const form = multipart({ campaignId: String(campaignId) }, [{ name: file, data: fs.readFileSync(path.join(STATEMENTS_DIR, file)) }]);
      const started = await fetch(`${a.base}/api/fund/statements/import`, { method: 'POST', headers: { ...acct.headers, ...form.headers }, body: new Uint8Array(form.body) }).then(
        json,
      );
      expect(started.status).toBe(202);
      const job = (s: Server) => fetch(`${s.base}/api/fund/statements/imports/${started.body.id}`, { headers: acct.headers }).then(json);
      const first = await job(b);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: started.body.id, progress: { total: started.body.progress.total } });
      const done = await until(
        30_000,
        () => job(b),
        (r) => r.body.status !== 'running',
      );
      expect(done.body).toMatchObject({ status: 'done', error: null, progress: { phase: 'done' } });
      expect(done.body.result.inserted).toBeGreaterThan(2000);
      expect(done.body.progress.files).toEqual([expect.objectContaining({ file, done: done.body.result.credits })]);
      const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from fund_donations where campaign_id = $1', [campaignId]);
      expect(n).toBe(done.body.result.inserted);
      // Someone else's job is not found, on either process.
      const other = await sessionAs(db, 'fund_accountant', w.S);
      expect((await fetch(`${b.base}/api/fund/statements/imports/${started.body.id}`, { headers: other.headers })).status).toBe(404);
    }, 60_000);

    it('a process killed in the middle of an import leaves its job failed, not running for ever, and nothing written', async () => {
      const { campaignId } = await makeStatementCampaign(db, w.A, { name: 'Tiến trình bị dừng' });
      const form = multipart({ campaignId: String(campaignId) }, statementUploads('Vietinbank'));
      const started = await fetch(`${a.base}/api/fund/statements/import`, { method: 'POST', headers: { ...acct.headers, ...form.headers }, body: new Uint8Array(form.body) }).then(
        json,
      );
      expect(started.status).toBe(202);
      a.child.kill('SIGKILL');
      await a.exited;
      const job = () => fetch(`${b.base}/api/fund/statements/imports/${started.body.id}`, { headers: acct.headers }).then(json);
      // Its lease (IMPORT_LEASE_SECONDS=2 here, 30 s by default) passes without the stopped process renewing it.
      const after = await until(15_000, job, (r) => r.body.status !== 'running');
      expect(after.body).toMatchObject({ status: 'failed', error: { code: 'FUND_IMPORT_INTERRUPTED' } });
      const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from fund_donations where campaign_id = $1', [campaignId]);
      expect(n).toBe(0);
    }, 60_000);

    it('WORKERS=2: two worker processes serve one port after the primary prepared the database; SIGTERM stops them all', async () => {
      await stop(b);
      const s = await startServer(31763, { DATABASE_URL: url, WORKERS: '2' }, 'processes)');
      try {
        expect(s.out()).toContain('running at http://localhost:31763  (PostgreSQL, 2 tiến trình / processes)');
        const workers = fs
          .readdirSync('/proc')
          .filter((p) => /^\d+$/.test(p))
          .filter((p) => {
            try {
              return fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(s.child.pid);
            } catch {
              return false;
            }
          });
        expect(workers).toHaveLength(2);
        for (let i = 0; i < 4; i++) expect((await fetch(`${s.base}/api/health`).then(json)).body).toMatchObject({ status: 'ok', database: 'postgres' });
        s.child.kill('SIGTERM');
        expect(await s.exited).toBe(0);
        for (const p of workers) expect(fs.existsSync(`/proc/${p}`)).toBe(false);
      } finally {
        await stop(s);
      }
    }, 180_000);
  });
}
