import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Role } from '@contract/access';
import type { Db } from '../db/db';
import type { CurrentUser } from './access';

export const SESSION_COOKIE = 'dk_session';
export const CSRF_COOKIE = 'dk_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_DAYS = 7;

// Argon2id (the library's default algorithm) with OWASP's minimum memory/time cost.
export const hashPassword = (password: string) => hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

export async function createSession(db: Db, userId: number): Promise<{ token: string; csrf: string }> {
  const token = randomToken();
  const csrf = randomToken();
  await db.query(
    `insert into sessions (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + make_interval(days => $4))`,
    [sha256(token), userId, csrf, SESSION_DAYS],
  );
  return { token, csrf };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query('delete from sessions where id = $1', [sha256(token)]);
}

export type SessionUser = CurrentUser & { csrfToken: string };

type UserRow = {
  id: number; username: string; display_name: string; role: Role; unit_id: number | null;
  unit_valid_to: string | null; csrf_token: string;
};

export async function userBySession(db: Db, token: string): Promise<SessionUser | null> {
  const rows = await db.query<UserRow>(
    `select u.id, u.username, u.display_name, u.role, u.unit_id, un.valid_to::text as unit_valid_to, s.csrf_token
       from sessions s join users u on u.id = s.user_id left join units un on un.id = u.unit_id
      where s.id = $1 and s.expires_at > now() and u.active`,
    [sha256(token)],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id, username: r.username, displayName: r.display_name, role: r.role, unitId: r.unit_id,
    unitValidTo: r.unit_valid_to === 'infinity' ? null : r.unit_valid_to, csrfToken: r.csrf_token,
  };
}

export const safeEqual = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Counts failed sign-ins per user name and per address in a sliding window. In memory: one server
 * process holds the embedded database anyway; a multi-process deployment would move it to the DB.
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>();
  constructor(private readonly max = 5, private readonly windowMs = 15 * 60_000) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  isLimited(keys: string[], now = Date.now()): boolean {
    return keys.some((k) => this.recent(k, now).length >= this.max);
  }

  fail(keys: string[], now = Date.now()): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k, now), now]);
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.failures.delete(k);
  }
}
