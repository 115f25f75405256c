// The SQL of account administration (service.ts).
import type { UserAccount } from '@contract/users';
import type { Db } from '../../db/db';

type Row = {
  id: number;
  username: string;
  display_name: string;
  role: UserAccount['role'];
  unit_id: number | null;
  unit_name: string | null;
  active: boolean;
  created_at: Date;
  grants: UserAccount['grants'];
};

const SELECT = `select u.id, u.username, u.display_name, u.role, u.unit_id, u.active, u.created_at,
  (select v.name from unit_versions v where v.unit_id = u.unit_id order by v.valid_from desc limit 1) as unit_name,
  coalesce((select array_agg(g.permission order by g.permission) from user_grants g where g.user_id = u.id), '{}') as grants
  from users u`;

const toAccount = (r: Row): UserAccount => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  unitId: r.unit_id,
  unitName: r.unit_name,
  active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
  grants: r.grants,
});

export async function findUser(db: Db, id: number): Promise<UserAccount | undefined> {
  const [r] = await db.query<Row>(`${SELECT} where u.id = $1`, [id]);
  return r && toAccount(r);
}

/** Every account, by username. */
export async function listAllUsers(db: Db): Promise<UserAccount[]> {
  const rows = await db.query<Row>(`${SELECT} order by u.username`);
  return rows.map(toAccount);
}

export async function unitExists(db: Db, unitId: number): Promise<boolean> {
  const r = await db.query('select 1 from units where id = $1', [unitId]);
  return r.length > 0;
}

/** Usernames compare without case. */
export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const taken = await db.query('select 1 from users where lower(username) = lower($1)', [username]);
  return taken.length > 0;
}

export async function insertUser(db: Db, v: { username: string; displayName: string; passwordHash: string; role: UserAccount['role']; unitId: number | null }): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(`insert into users (username, display_name, password_hash, role, unit_id) values ($1, $2, $3, $4, $5) returning id`, [
    v.username,
    v.displayName,
    v.passwordHash,
    v.role,
    v.unitId,
  ]);
  return id;
}

/** null for displayName, active or passwordHash keeps the stored value. */
export async function updateUserRow(
  db: Db,
  id: number,
  v: { displayName: string | null; role: UserAccount['role']; unitId: number | null; active: boolean | null; passwordHash: string | null },
): Promise<void> {
  await db.query(
    `update users set display_name = coalesce($2, display_name), role = $3, unit_id = $4,
              active = coalesce($5, active), password_hash = coalesce($6, password_hash) where id = $1`,
    [id, v.displayName, v.role, v.unitId, v.active, v.passwordHash],
  );
}

export async function deleteSessionsOf(db: Db, userId: number): Promise<void> {
  await db.query('delete from sessions where user_id = $1', [userId]);
}

/** Revokes every grant of the user but those in `keep`. */
export async function deleteGrantsExcept(db: Db, userId: number, keep: string[]): Promise<void> {
  await db.query('delete from user_grants where user_id = $1 and not (permission = any($2::text[]))', [userId, keep]);
}

/** Grants the permissions the user lacks; those held keep their grantor. */
export async function insertGrants(db: Db, userId: number, grantedBy: number, permissions: string[]): Promise<void> {
  await db.query(`insert into user_grants (user_id, permission, granted_by) select $1, p, $2 from unnest($3::text[]) p on conflict do nothing`, [userId, grantedBy, permissions]);
}
