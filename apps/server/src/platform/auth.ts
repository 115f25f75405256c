import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Permission, Role } from '@contract/access';
import type { Db } from '../db/db';
import type { CurrentUser } from './access';

export const SESSION_COOKIE = 'dk_session';
export const CSRF_COOKIE = 'dk_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** How long a session lives: idle limit and absolute limit (NIST SP 800-63B AAL2: 30 minutes, 12 hours). */
export type SessionPolicy = { idleMinutes: number; maxHours: number };
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, maxHours: 12 };

// Argon2id (the library's default algorithm) with OWASP's minimum memory/time cost.
export const hashPassword = (password: string) => hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);

// An unknown user name costs the same argon2 verification as a known one, so timing reveals nothing.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
  return false;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
/** The stored id of a session: the hash of its token (a database leak reveals no usable token). */
export const sessionIdOf = (token: string) => sha256(token);
const randomToken = () => crypto.randomBytes(32).toString('base64url');

export async function createSession(db: Db, userId: number, policy: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<{ token: string; csrf: string }> {
  const token = randomToken();
  const csrf = randomToken();
  await db.query(`insert into sessions (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + make_interval(hours => $4))`, [
    sha256(token),
    userId,
    csrf,
    policy.maxHours,
  ]);
  return { token, csrf };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query('delete from sessions where id = $1', [sha256(token)]);
}

export type SessionUser = CurrentUser & { csrfToken: string };

type UserRow = {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number | null;
  unit_valid_to: string | null;
  csrf_token: string;
  grants: Permission[];
  idle_s: number;
};

/** The session's user, or null when the session is unknown, past its absolute end or idle too long. */
export async function userBySession(db: Db, token: string, policy: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<SessionUser | null> {
  const id = sha256(token);
  const rows = await db.query<UserRow>(
    `select u.id, u.username, u.display_name, u.role, u.unit_id, un.valid_to::text as unit_valid_to, s.csrf_token,
            extract(epoch from now() - s.last_seen_at)::float8 as idle_s,
            coalesce((select array_agg(g.permission order by g.permission) from user_grants g where g.user_id = u.id), '{}') as grants
       from sessions s join users u on u.id = s.user_id left join units un on un.id = u.unit_id
      where s.id = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(mins => $2) and u.active`,
    [id, policy.idleMinutes],
  );
  const r = rows[0];
  if (!r) return null;
  // Idle time is counted from the last request; one write a minute at most per session.
  if (r.idle_s > 60) await db.query('update sessions set last_seen_at = now() where id = $1', [id]);
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unitId: r.unit_id,
    unitValidTo: r.unit_valid_to === 'infinity' ? null : r.unit_valid_to,
    csrfToken: r.csrf_token,
    grants: r.grants,
  };
}

export const safeEqual = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
