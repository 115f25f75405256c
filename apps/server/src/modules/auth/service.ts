import type { ChangePassword } from '@contract/users';
import type { LoginBody, Me, SetLocale } from '@contract/auth';
import type { Db } from '../../db/db';
import { permissionsOfUser, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { createSession, deleteSession, hashPassword, verifyAgainstDummy, verifyPassword, type SessionPolicy } from '../../platform/auth';
import type { PublicCtx } from '../../platform/endpoints';
import { attemptSucceeded, beginAttempt } from '../../platform/login-throttle';
import { assertPasswordAcceptable } from '../../platform/password-policy';
import { accountById, activeAccountByName, meRow, replacePassword, setLocaleOf, type Account } from './queries';

/*
 * Services take (ctx, input) like every module's, except sign-in: it runs before a session exists, so it
 * takes the database and what the request brings (the session policy, the client's address).
 */

/** One audit row per sign-in event: which account, from which address, with what outcome. */
async function auditSignIn(db: Db, action: string, account: Account | undefined, address: string, outcome: string) {
  await audit(db, null, { action, entity: 'user', entityId: account?.id ?? '-', unitId: account?.unit_id ?? null, after: { address, outcome } });
}

/**
 * Checks a user name and password from `address` under the throttle, audits the outcome and opens a
 * session. An unknown name costs the same argon2 work as a wrong password.
 */
export async function signIn(db: Db, policy: SessionPolicy, input: LoginBody, address: string): Promise<{ userId: number; token: string; csrf: string }> {
  const account = await activeAccountByName(db, input.username);
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

/** Ends the session the request carries, if any; audited when a user was signed in. */
export async function signOut({ db, user }: PublicCtx, input: { token: string | undefined; address: string }): Promise<void> {
  if (input.token) await deleteSession(db, input.token);
  if (user) await audit(db, user, { action: 'sign_out', entity: 'user', entityId: user.id, unitId: user.unitId, after: { address: input.address } });
}

/**
 * Self-service password change: the current password (throttled like a sign-in, so a stolen session
 * cannot guess it), the policy for the new one; the user's other sessions end.
 */
export async function changePassword({ db, user }: Ctx, input: ChangePassword & { address: string; keepSessionToken: string }): Promise<void> {
  const account = (await accountById(db, user.id))!;
  const { address } = input;
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
    await replacePassword(tx, user.id, hash, input.keepSessionToken);
    await audit(tx, user, { action: 'password_change', entity: 'user', entityId: user.id, unitId: user.unitId, after: { address } });
  });
}

/** The signed-in user as the web app sees it, with the session's CSRF token. */
export async function loadMe({ db, user }: { db: Db; user: Pick<CurrentUser, 'id' | 'grants'> }, input: { csrfToken: string }): Promise<Me> {
  const r = await meRow(db, user.id);
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitValidTo: r.valid_to && r.valid_to !== 'infinity' ? r.valid_to : null,
    permissions: permissionsOfUser({ role: r.role, grants: r.grants }),
    csrfToken: input.csrfToken,
  };
}

/** The account's language, audited with the one before. */
export async function setLocale({ db, user }: Ctx, input: SetLocale): Promise<{ ok: true }> {
  await db.tx(async (tx) => {
    const before = await setLocaleOf(tx, user.id, input.locale);
    await audit(tx, user, { action: 'update', entity: 'user', entityId: user.id, unitId: user.unitId, before, after: { locale: input.locale } });
  });
  return { ok: true as const };
}
