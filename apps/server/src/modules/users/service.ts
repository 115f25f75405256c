import type { CreateUser, SetGrants, UpdateUser, UserAccount } from '@contract/users';
import type { Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { hashPassword } from '../../platform/auth';
import { assertPasswordAcceptable } from '../../platform/password-policy';
import { normalizeVn } from '../../platform/vn-text';
import type { Db } from '../../db/db';

// Administration of accounts: 'user.manage', checked by the registrar (endpoints/users.ts, endpoints/security.ts).

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

export async function getUserAccount({ db }: Ctx, id: number): Promise<UserAccount> {
  return getUser(db, id);
}

async function getUser(db: Db, id: number): Promise<UserAccount> {
  const [r] = await db.query<Row>(`${SELECT} where u.id = $1`, [id]);
  if (!r) throw new AppError('NOT_FOUND');
  return toAccount(r);
}

async function assertUnitExists(db: Db, unitId: number | null | undefined) {
  if (unitId == null) return;
  const r = await db.query('select 1 from units where id = $1', [unitId]);
  if (!r.length) throw new AppError('UNIT_NOT_FOUND');
}

export async function listUsers({ db }: Ctx, q?: string): Promise<UserAccount[]> {
  const rows = await db.query<Row>(`${SELECT} order by u.username`);
  const needle = q ? normalizeVn(q) : '';
  return rows.map(toAccount).filter((u) => !needle || normalizeVn(`${u.username} ${u.displayName}`).includes(needle));
}

export async function createUser({ db, user }: Ctx, input: CreateUser): Promise<UserAccount> {
  assertPasswordAcceptable(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (tx) => {
    await assertUnitExists(tx, input.unitId);
    const taken = await tx.query('select 1 from users where lower(username) = lower($1)', [input.username]);
    if (taken.length) throw new AppError('USERNAME_TAKEN');
    const [{ id }] = await tx.query<{ id: number }>(`insert into users (username, display_name, password_hash, role, unit_id) values ($1, $2, $3, $4, $5) returning id`, [
      input.username,
      input.displayName,
      passwordHash,
      input.role,
      input.role === 'admin' ? (input.unitId ?? null) : input.unitId,
    ]);
    const created = await getUser(tx, id);
    await audit(tx, user, { action: 'create', entity: 'user', entityId: id, unitId: created.unitId, after: created });
    return created;
  });
}

export async function updateUser({ db, user }: Ctx, id: number, input: UpdateUser): Promise<UserAccount> {
  if (input.password) assertPasswordAcceptable(input.password);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.tx(async (tx) => {
    const before = await getUser(tx, id);
    await assertUnitExists(tx, input.unitId);
    const role = input.role ?? before.role;
    const unitId = input.unitId === undefined ? before.unitId : input.unitId;
    if (role !== 'admin' && unitId === null) throw new AppError('VALIDATION', [{ path: '/unitId', message: 'unitId required' }]);
    await tx.query(
      `update users set display_name = coalesce($2, display_name), role = $3, unit_id = $4,
              active = coalesce($5, active), password_hash = coalesce($6, password_hash) where id = $1`,
      [id, input.displayName ?? null, role, unitId, input.active ?? null, passwordHash],
    );
    // A deactivated account or a changed password ends the account's open sessions.
    if (input.active === false || passwordHash || input.role || input.unitId !== undefined) {
      await tx.query('delete from sessions where user_id = $1', [id]);
    }
    const after = await getUser(tx, id);
    await audit(tx, user, {
      action: 'update',
      entity: 'user',
      entityId: id,
      unitId: after.unitId,
      before,
      after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return after;
  });
}

/**
 * Sets the permissions a user holds beyond their role (only petition.identity today). Audited with
 * before and after; the user's sessions see the change on their next request.
 */
export async function setGrants({ db, user }: Ctx, id: number, input: SetGrants): Promise<UserAccount> {
  return db.tx(async (tx) => {
    const before = await getUser(tx, id);
    const wanted = [...new Set(input.permissions)].sort();
    await tx.query('delete from user_grants where user_id = $1 and not (permission = any($2::text[]))', [id, wanted]);
    await tx.query(`insert into user_grants (user_id, permission, granted_by) select $1, p, $2 from unnest($3::text[]) p on conflict do nothing`, [id, user.id, wanted]);
    const after = await getUser(tx, id);
    await audit(tx, user, { action: 'grant', entity: 'user', entityId: id, unitId: after.unitId, before: { grants: before.grants }, after: { grants: after.grants } });
    return after;
  });
}
