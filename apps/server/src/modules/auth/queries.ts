import type { Me } from '@contract/auth';
import type { Db } from '../../db/db';
import { sessionIdOf } from '../../platform/auth';

/** What sign-in and the password change read of an account (never sent to a client). */
export type Account = { id: number; username: string; password_hash: string; unit_id: number | null };

/** An active account by user name, whatever its case. */
export async function activeAccountByName(db: Db, username: string): Promise<Account | undefined> {
  const [a] = await db.query<Account>('select id, username, password_hash, unit_id from users where lower(username) = lower($1) and active', [username]);
  return a;
}

export async function accountById(db: Db, id: number): Promise<Account | undefined> {
  const [a] = await db.query<Account>('select id, username, password_hash, unit_id from users where id = $1', [id]);
  return a;
}

/** Sets a new password hash and ends the account's other sessions (the one kept is the caller's). */
export async function replacePassword(tx: Db, userId: number, hash: string, keepSessionToken: string): Promise<void> {
  await tx.query('update users set password_hash = $2 where id = $1', [userId, hash]);
  await tx.query('delete from sessions where user_id = $1 and id <> $2', [userId, sessionIdOf(keepSessionToken)]);
}

export type MeRow = {
  id: number;
  username: string;
  display_name: string;
  role: Me['role'];
  unit_id: number | null;
  unit_name: string | null;
  valid_to: string | null;
  grants: Me['permissions'];
};

/** The account with its unit's current name and end, and the permissions granted beyond its role. */
export async function meRow(db: Db, userId: number): Promise<MeRow> {
  const [r] = await db.query<MeRow>(
    `select u.id, u.username, u.display_name, u.role, u.unit_id, un.valid_to::text,
            (select v.name from unit_versions v where v.unit_id = u.unit_id order by v.valid_from desc limit 1) as unit_name,
            coalesce((select array_agg(g.permission order by g.permission) from user_grants g where g.user_id = u.id), '{}') as grants
       from users u left join units un on un.id = u.unit_id where u.id = $1`,
    [userId],
  );
  return r;
}

/** Sets the account's language; answers the one before, for the audit row. */
export async function setLocaleOf(tx: Db, userId: number, locale: string): Promise<{ locale: string }> {
  const [before] = await tx.query<{ locale: string }>('select locale from users where id = $1', [userId]);
  await tx.query('update users set locale = $2 where id = $1', [userId, locale]);
  return before;
}
