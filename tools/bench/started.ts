// The product as a user starts it, for the "as started" benchmarks: `npm start`'s command (package.json)
// runs) in its own process on a fresh data directory (PGlite) or a fresh database on the PostgreSQL
// server, with the demo loaded by the product itself, measured over real HTTP on a local port.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { BenchDb } from './databases';
import { redact, serverUrl } from './databases';
import { step } from './cli';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEMO_PASSWORD = 'bench-demo-2026';

export type Started = {
  kind: BenchDb['kind'];
  base: string;
  /** Seconds from spawn to the first answer of /api/health (includes the demo load on a fresh start). */
  startSeconds: number;
  /** The start's own line "Demo data loaded in N s", when it loaded the demo. */
  demoSeconds: number | null;
  /** Where its data is (DATA_DIR or DATABASE_URL). */
  place: Record<string, string>;
  /** The same data, the server started again with other settings (e.g. the public cache on). */
  restart(env: Record<string, string>): Promise<Started>;
  /** Another server process on the same data and another port (its stop() leaves the data). */
  also(port: number, env: Record<string, string>): Promise<Started>;
  /** Stops the server (SIGTERM to the process group it runs in) and drops its data. */
  stop(): Promise<void>;
};

type Place = { env: Record<string, string>; drop: () => Promise<void>; label: string };

async function freshPlace(kind: BenchDb['kind']): Promise<Place | { error: string }> {
  const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  if (kind === 'pglite') {
    const dir = path.join(ROOT, '.tmp', `started-${stamp}`);
    fs.mkdirSync(dir, { recursive: true });
    return { env: { DATA_DIR: dir }, label: `PGlite, ${path.relative(ROOT, dir)}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const url = serverUrl();
  const name = `doanket_started_${stamp}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (err) {
    return { error: `${redact(url)}: ${(err as Error).message}` };
  } finally {
    await admin.end().catch(() => {});
  }
  const u = new URL(url);
  u.pathname = '/' + name;
  return {
    env: { DATABASE_URL: u.toString() },
    label: `PostgreSQL, database ${name}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

// Servers this run started: stopped too when the run itself is stopped (Ctrl-C, a CI timeout).
const live = new Set<number>();
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    for (const pid of live) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

/** The arguments of `npm start`'s own command (package.json), run here with this Node: the very command a user runs. */
function startArgs(): string[] {
  const [node, ...args] = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`npm start is expected to run node, not ${node}`);
  return args;
}

async function launch(kind: BenchDb['kind'], place: Place, port: number, env: Record<string, string>): Promise<Started> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...place.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG: '0', DEMO_PASSWORD };
  if (kind === 'pglite') delete childEnv.DATABASE_URL;
  // Issue 16's limiter on public routes would refuse a benchmark's burst: off unless the caller says otherwise.
  childEnv.RATE_LIMIT ??= '0';
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, startArgs(), { cwd: ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  let exited = false;
  live.add(child.pid!);
  child.on('exit', () => {
    exited = true;
    live.delete(child.pid!);
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited) throw new Error(`the product did not start (${place.label}):\n${out.slice(-2000)}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 15 * 60_000) throw new Error(`no answer from ${base} after 15 minutes`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const startSeconds = (performance.now() - t0) / 1000;
  const demo = /trong ([\d.]+) s/.exec(out);
  const stopOnly = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
    if (!exited) process.kill(-child.pid!, 'SIGKILL');
  };
  return {
    kind,
    base,
    startSeconds,
    demoSeconds: demo ? Number(demo[1]) : null,
    place: place.env,
    also: (otherPort, next) => launch(kind, { ...place, drop: async () => {} }, otherPort, next),
    restart: async (next) => {
      await stopOnly();
      step(
        `${kind}: starting the product again (${Object.entries(next)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')})`,
      );
      return launch(kind, place, port, next);
    },
    stop: async () => {
      await stopOnly();
      await place.drop().catch(() => {});
    },
  };
}

/**
 * Starts the product on a fresh place: it migrates and loads the demo itself (unless LOAD_DEMO=0 is
 * given). Returns { error } when the PostgreSQL server cannot be reached.
 */
export async function startProduct(kind: BenchDb['kind'], port: number, env: Record<string, string> = {}): Promise<Started | { error: string }> {
  const place = await freshPlace(kind);
  if ('error' in place) return place;
  step(
    `${kind}: starting the product (${place.label}, port ${port}${
      Object.keys(env).length
        ? ', ' +
          Object.entries(env)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')
        : ''
    })`,
  );
  try {
    return await launch(kind, place, port, env);
  } catch (err) {
    await place.drop().catch(() => {});
    throw err;
  }
}

/** The port for started servers: BENCH_PORT, else PORT + 1 (so a running `npm start` is left alone), else 3001. */
export const benchPort = () => Number(process.env.BENCH_PORT || (process.env.PORT ? Number(process.env.PORT) + 1 : 3001));

/** A signed-in demo user over real HTTP: the session cookie and the CSRF header on every call. */
export class Client {
  private cookie = '';
  private csrf = '';
  me: { id: number; unitId: number | null } = { id: 0, unitId: null };
  constructor(readonly base: string) {}

  static async signIn(base: string, username: string): Promise<Client> {
    const c = new Client(base);
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in of ${username} answered ${res.status}: ${await res.text()}`);
    const cookies = res.headers.getSetCookie().map((s) => s.split(';')[0]);
    c.cookie = cookies.join('; ');
    c.csrf = cookies.find((s) => s.startsWith('dk_csrf='))?.slice('dk_csrf='.length) ?? '';
    c.me = (await res.json()) as Client['me'];
    return c;
  }

  async get<T = unknown>(url: string): Promise<T> {
    let res = await fetch(this.base + url, { headers: this.cookie ? { cookie: this.cookie } : {} });
    // A public request shed while the just-started server is busy (429 SERVER_BUSY) is asked again after
    // its Retry-After, as a browser's visitor would; the wait counts in the timing.
    for (let tries = 0; res.status === 429 && tries < 3; tries++) {
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
      res = await fetch(this.base + url, { headers: this.cookie ? { cookie: this.cookie } : {} });
    }
    if (!res.ok) throw new Error(`GET ${url.split('?')[0]} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('json') ? await res.json() : await res.arrayBuffer()) as T;
  }

  /** GET that answers the status (the body read and dropped); throws on a timeout or a socket error. */
  async status(url: string, timeoutMs: number): Promise<number> {
    const res = await fetch(this.base + url, { headers: this.cookie ? { cookie: this.cookie } : {}, signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  }

  async send<T = unknown>(method: 'POST', url: string, body: unknown): Promise<T> {
    const isForm = body instanceof FormData;
    const res = await fetch(this.base + url, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(isForm ? {} : { 'content-type': 'application/json' }) },
      body: isForm ? body : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as T;
  }
}

/** Anonymous visitor (public routes). */
export const visitor = (base: string) => new Client(base);
