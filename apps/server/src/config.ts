import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming replica of DATABASE_URL for the public's reads (README "Replica and PgBouncer"). */
  databaseReplicaUrl: string | undefined;
  /** Where the LISTEN session connects (DATABASE_DIRECT_URL: past a transaction-mode pooler); else databaseUrl. */
  databaseDirectUrl: string | undefined;
  /** Server processes `npm start` runs on one port (WORKERS, default 1); more than one needs a PostgreSQL server. */
  workers: number;
  demoPassword: string;
  /** NODE_ENV=production: keys and salt are required (see assertProductionReady). */
  production: boolean;
  /** Secure cookies everywhere but development and tests (SECURE_COOKIES=0/1 overrides). */
  secureCookies: boolean;
  /** Fastify's trustProxy: false, true, a hop count, or the proxies' addresses/CIDRs (comma-separated). */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  /** A session ends after this long without a request, and in any case after sessionMaxHours. */
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loadDemo: boolean;
  /** Public routes and sign-in: requests per minute per address (RATE_LIMIT, 0 = off) and where counts live. */
  rateLimit: { perMinute: number; store: 'memory' | 'postgres' };
  /** The public routes' admission gate (platform/admission.ts): places in flight, wait and queue per process. */
  admission: { inFlight: number; maxWaitMs: number; maxWaiting: number; refusalHoldMs: number };
  /** Public requests are refused while the event loop is this late (platform/admission.ts, registerPressureShedding). */
  pressure: { maxEventLoopDelayMs: number; sampleIntervalMs: number; refusalHoldMs: number };
  /** Where CSP violation reports are appended as JSON lines (the e2e suite fails on any). */
  cspReportFile: string | undefined;
  /** The public statement's short in-process cache (PUBLIC_CACHE=0: off, for measuring). */
  publicCache: boolean;
  /** The address citizens open links from messages at (tracking pages). */
  publicUrl: string;
};

function trustProxyOf(v: string | undefined): Config['trustProxy'] {
  if (!v || v === '0' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  return v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.NODE_ENV ?? '';
  // A refused public request's answer is held up to 1 s, so a connection retrying at once is paced (admission.ts).
  const refusalHoldMs = Number(env.PUBLIC_REFUSAL_HOLD_MS ?? 1000);
  const workers = Math.max(1, Math.floor(Number(env.WORKERS ?? 1)) || 1);
  const relaxed = mode === 'development' || mode === 'test';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    databaseDirectUrl: env.DATABASE_DIRECT_URL || undefined,
    workers,
    demoPassword: env.DEMO_PASSWORD ?? 'doanket2026',
    production: mode === 'production',
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === '1' : !relaxed,
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 12),
    // Production starts empty unless asked: the demo's accounts share one known password.
    loadDemo: env.LOAD_DEMO ? env.LOAD_DEMO !== '0' : mode !== 'production',
    cspReportFile: env.CSP_REPORT_FILE || undefined,
    // Several processes share each address's budget only through the database.
    rateLimit: { perMinute: Number(env.RATE_LIMIT ?? 300), store: (env.RATE_LIMIT_STORE || (workers > 1 ? 'postgres' : 'memory')) === 'postgres' ? 'postgres' : 'memory' },
    // 6 of the pool's 10 connections at most go to public requests: the rest stay free for the staff.
    admission: { inFlight: Number(env.PUBLIC_CONCURRENCY ?? 6), maxWaitMs: Number(env.PUBLIC_QUEUE_MS ?? 1000), maxWaiting: Number(env.PUBLIC_QUEUE ?? 200), refusalHoldMs },
    // 25 ms: a staff request spans several turns of the loop (its session, its queries, the answer), and
    // about ten turns of 25 ms stay under the staff's 500 ms. Sampled 4 times a second so shedding starts and stops within a quarter of a second of a spike. Off by
    // default on PGlite: the embedded database works on the event loop itself, so there a late loop means
    // one heavy query (an import, a report), not a crowd, and one user would be told the site is full.
    pressure: { maxEventLoopDelayMs: Number(env.PUBLIC_MAX_LOOP_DELAY_MS ?? (env.DATABASE_URL ? 25 : 0)), sampleIntervalMs: 250, refusalHoldMs },
    publicCache: env.PUBLIC_CACHE !== '0',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, ''),
  };
}
