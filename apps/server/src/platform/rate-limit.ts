import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/db';
import type { App } from './http';
import { AppError } from './errors';

export type RateLimitSettings = {
  /** Requests per minute per address and route on public routes and sign-in; 0 turns the limit off. */
  perMinute: number;
  /** Where counts live: this process's memory (default) or the database, shared by several processes. */
  store: 'memory' | 'postgres';
};

// Heavier answers get a smaller share: a CSV holds up to thousands of rows.
const perMinuteFor = (url: string, base: number) => (/\.csv(\?|$)/.test(url) ? Math.max(1, Math.floor(base / 30)) : base);
const limited = (url: string) => url.startsWith('/api/public/') || url.startsWith('/api/auth/login') || url.startsWith('/api/csp-report');

/**
 * Counts in PostgreSQL: one upsert per request returns the count of the current window, so several
 * server processes (behind one load balancer) share each address's budget. Old windows are swept now
 * and then by the same statement's caller.
 */
export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class PgStore implements FastifyRateLimitStore {
    constructor(
      _opts: unknown,
      private readonly prefix = '',
    ) {}
    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number) {
      db.query<{ hits: number; ttl: number }>(
        `insert into rate_limit_hits as r (key, hits, reset_at) values ($1, 1, now() + make_interval(secs => $2 / 1000.0))
         on conflict (key) do update set
           hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
           reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
         returning hits, (extract(epoch from reset_at - now()) * 1000)::float8 as ttl`,
        [this.prefix + key, timeWindow],
      ).then(
        ([r]) => {
          if (Math.random() < 0.001) void db.query(`delete from rate_limit_hits where reset_at < now() - interval '1 hour'`).catch(() => {});
          cb(null, { current: r.hits, ttl: Math.max(0, Math.round(r.ttl)) });
        },
        (err: Error) => cb(err),
      );
    }
    child(routeOptions: { path: string; method: string | string[] }) {
      return new PgStore(undefined, `${[routeOptions.method].flat().join(',')} ${routeOptions.path}|`);
    }
  }
  return PgStore as unknown as FastifyRateLimitStoreCtor;
}

/** @fastify/rate-limit on the public routes and sign-in, keyed by the client address (req.ip, see TRUST_PROXY). */
export async function registerRateLimit(app: App, db: Db, settings: RateLimitSettings): Promise<void> {
  if (settings.perMinute <= 0) return;
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (req) => perMinuteFor(req.url, settings.perMinute),
    // One budget per address and route (the plugin's global mode otherwise shares one count across routes).
    keyGenerator: (req) => `${req.ip}|${req.routeOptions.url ?? ''}`,
    allowList: (req) => !limited(req.url),
    ...(settings.store === 'postgres' ? { store: postgresRateLimitStore(db) } : {}),
    errorResponseBuilder: (_req, ctx) => {
      const e = new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) });
      return Object.assign(e, { statusCode: 429 });
    },
  });
}
