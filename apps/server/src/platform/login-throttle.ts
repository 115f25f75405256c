import crypto from 'node:crypto';
import type { Db } from '../db/db';

/**
 * Failed sign-ins, kept in PostgreSQL (table login_attempts) so that every server process sees the
 * same counts. Modelled on what identity providers do (Keycloak's brute-force detection, OWASP's
 * authentication cheat sheet): throttle the pair user + address with an exponential back-off instead
 * of locking the account, so a stranger cannot lock out the payment approver; lock the account itself
 * only when failures come from many addresses (a distributed guess), and cap each address overall.
 */
export const THROTTLE = {
  windowMinutes: 15,
  /** Failures of one user name from one address before the back-off starts. */
  freeFailures: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  /** Failures from one address (all user names) in the window. */
  perAddress: 30,
  /** Distinct failing addresses for one user name within an hour before the account is locked. */
  userAddresses: 10,
  userLockMinutes: 60,
};

export type ThrottleDecision = { ok: true; attemptId: number } | { ok: false; reason: 'user_address' | 'address' | 'user'; retryAfterSeconds: number };

// The user name as typed may be a password typed in the wrong field: only its hash is kept.
const userKey = (username: string) => crypto.createHash('sha256').update(username.trim().toLowerCase()).digest('hex');

type Counts = { ua_n: number; ua_since: number | null; a_n: number; a_oldest: number | null; u_addrs: number; u_since: number | null };

/**
 * Reserves a sign-in attempt for (username, address), or says why not and for how long. The reserved
 * attempt counts as a failure until `succeeded` clears it, and attempts on one user name (and one
 * address) are serialised by advisory locks, so parallel guesses cannot slip past the count.
 */
export async function beginAttempt(db: Db, username: string, address: string): Promise<ThrottleDecision> {
  const key = userKey(username);
  return db.tx(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['login:u:' + key]);
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['login:a:' + address]);
    const [c] = await tx.query<Counts>(
      `select
         (select count(*) from login_attempts where user_key = $1 and address = $2 and at > now() - make_interval(mins => $3))::int as ua_n,
         (select extract(epoch from now() - max(at))::float8 from login_attempts where user_key = $1 and address = $2 and at > now() - make_interval(mins => $3)) as ua_since,
         (select count(*) from login_attempts where address = $2 and at > now() - make_interval(mins => $3))::int as a_n,
         (select extract(epoch from now() - min(at))::float8 from login_attempts where address = $2 and at > now() - make_interval(mins => $3)) as a_oldest,
         (select count(distinct address) from login_attempts where user_key = $1 and at > now() - interval '1 hour')::int as u_addrs,
         (select extract(epoch from now() - max(at))::float8 from login_attempts where user_key = $1 and at > now() - interval '1 hour') as u_since`,
      [key, address, THROTTLE.windowMinutes],
    );
    const refusal = decide(c);
    if (refusal) return refusal;
    const [{ id }] = await tx.query<{ id: number }>('insert into login_attempts (user_key, address) values ($1, $2) returning id', [key, address]);
    return { ok: true as const, attemptId: id };
  });
}

function decide(c: Counts): ThrottleDecision | null {
  const T = THROTTLE;
  if (c.u_addrs >= T.userAddresses && c.u_since !== null && c.u_since < T.userLockMinutes * 60) {
    return { ok: false, reason: 'user', retryAfterSeconds: Math.ceil(T.userLockMinutes * 60 - c.u_since) };
  }
  if (c.a_n >= T.perAddress && c.a_oldest !== null) {
    return { ok: false, reason: 'address', retryAfterSeconds: Math.max(1, Math.ceil(T.windowMinutes * 60 - c.a_oldest)) };
  }
  if (c.ua_n >= T.freeFailures && c.ua_since !== null) {
    const delay = Math.min(T.maxDelaySeconds, T.baseDelaySeconds * 2 ** (c.ua_n - T.freeFailures));
    if (c.ua_since < delay) return { ok: false, reason: 'user_address', retryAfterSeconds: Math.ceil(delay - c.ua_since) };
  }
  return null;
}

/** A successful sign-in clears the back-off of its user name and address (and old rows of everyone). */
export async function attemptSucceeded(db: Db, username: string, address: string): Promise<void> {
  await db.query('delete from login_attempts where user_key = $1 and address = $2', [userKey(username), address]);
  await db.query(`delete from login_attempts where at < now() - interval '1 day'`);
}
