import type { ChangePassword } from '@contract/users';
import type { LoginBody, Me } from '@contract/auth';
import type { Db } from '../../db/db';
import { permissionsOfUser, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import {
  createSession, deleteSession, hashPassword, sessionIdOf, verifyAgainstDummy, verifyPassword, type SessionPolicy,
} from '../../platform/auth';
import { attemptSucceeded, beginAttempt } from '../../platform/login-throttle';
import { assertPasswordAcceptable } from '../../platform/password-policy';

type Account = { id: number; username: string; password_hash: string; unit_id: number | null };

/** One audit row per sign-in event: which account, from which address, with what outcome. */
async function auditSignIn(db: Db, action: string, account: Account | undefined, address: string, outcome: string) {
  await audit(db, null, { action, entity: 'user', entityId: account?.id ?? '-', unitId: account?.unit_id ?? null, after: { address, outcome } });
}

/**
 * Checks a user name and password from `address` under the throttle, audits the outcome and opens a
 * session. An unknown name costs the same argon2 work as a wrong password.
 */
export async function signIn(db: Db, policy: SessionPolicy, input: LoginBody, address: string): Promise<{ userId: number; token: string; csrf: string }> {
  const [account] = await db.query<Account>(
    'select id, username, password_hash, unit_id from users where lower(username) = lower($1) and active', [input.username]);
  const attempt = await beginAttempt(db, input.username, address);
  if (!attempt.ok) {
    await auditSignIn(db, 'sign_in_refused', account, address, `throttled:${attempt.reason}`);
    throw new AppError('LOGIN_RATE_LIMITED', { retryAfterSeconds: attempt.retryAfterSeconds });
  }
  const ok = account ? await verifyPassword(account.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!account || !ok) {
    await auditSignIn(db, 'sign_in_failed', account, address, account ? 'wrong_password' : 'unknown_user');
    throw new AppError('INVALID_CREDENTIALS');
  }
  await attemptSucceeded(db, input.username, address);
  const session = await createSession(db, account.id, policy);
  await auditSignIn(db, 'sign_in', account, address, 'success');
  return { userId: account.id, ...session };
}

export async function signOut(db: Db, user: CurrentUser | null, token: string | undefined, address: string): Promise<void> {
  if (token) await deleteSession(db, token);
  if (user) await audit(db, user, { action: 'sign_out', entity: 'user', entityId: user.id, unitId: user.unitId, after: { address } });
}

/**
 * Self-service password change: the current password (throttled like a sign-in, so a stolen session
 * cannot guess it), the policy for the new one; the user's other sessions end.
 */
export async function changePassword(db: Db, user: CurrentUser, input: ChangePassword, address: string, keepSessionToken: string): Promise<void> {
  const [account] = await db.query<Account>('select id, username, password_hash, unit_id from users where id = $1', [user.id]);
  const attempt = await beginAttempt(db, account.username, address);
  if (!attempt.ok) throw new AppError('LOGIN_RATE_LIMITED', { retryAfterSeconds: attempt.retryAfterSeconds });
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    await auditSignIn(db, 'password_change_failed', account, address, 'wrong_password');
    throw new AppError('PASSWORD_CURRENT_WRONG');
  }
  await attemptSucceeded(db, account.username, address);
  assertPasswordAcceptable(input.newPassword, account.username);
  const hash = await hashPassword(input.newPassword);
  await db.tx(async (tx) => {
    await tx.query('update users set password_hash = $2 where id = $1', [user.id, hash]);
    await tx.query('delete from sessions where user_id = $1 and id <> $2', [user.id, sessionIdOf(keepSessionToken)]);
    await audit(tx, user, { action: 'password_change', entity: 'user', entityId: user.id, unitId: user.unitId, after: { address } });
  });
}

export async function loadMe(db: Db, user: Pick<CurrentUser, 'id' | 'grants'>, csrfToken: string): Promise<Me> {
  const [r] = await db.query<{ id: number; username: string; display_name: string; role: Me['role']; unit_id: number | null; unit_name: string | null; valid_to: string | null; grants: Me['permissions'] }>(
    `select u.id, u.username, u.display_name, u.role, u.unit_id, un.valid_to::text,
            (select v.name from unit_versions v where v.unit_id = u.unit_id order by v.valid_from desc limit 1) as unit_name,
            coalesce((select array_agg(g.permission order by g.permission) from user_grants g where g.user_id = u.id), '{}') as grants
       from users u left join units un on un.id = u.unit_id where u.id = $1`,
    [user.id],
  );
  return {
    id: r.id, username: r.username, displayName: r.display_name, role: r.role, unitId: r.unit_id,
    unitName: r.unit_name, unitValidTo: r.valid_to && r.valid_to !== 'infinity' ? r.valid_to : null,
    permissions: permissionsOfUser({ role: r.role, grants: r.grants }), csrfToken,
  };
}
