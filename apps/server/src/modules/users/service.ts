import type { CreateUser, SetGrants, UpdateUser, UserAccount } from '@contract/users';
import type { Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { hashPassword } from '../../platform/auth';
import { assertPasswordAcceptable } from '../../platform/password-policy';
import { normalizeVn } from '../../platform/vn-text';
import type { Db } from '../../db/db';
import { deleteGrantsExcept, deleteSessionsOf, findUser, insertGrants, insertUser, listAllUsers, unitExists, updateUserRow, usernameTaken } from './queries';

// Administration of accounts: 'user.manage', checked by the registrar (endpoints/users.ts, endpoints/security.ts).

export async function getUserAccount({ db }: Ctx, id: number): Promise<UserAccount> {
  return getUser(db, id);
}

async function getUser(db: Db, id: number): Promise<UserAccount> {
  const u = await findUser(db, id);
  if (!u) throw new AppError('NOT_FOUND');
  return u;
}

async function assertUnitExists(db: Db, unitId: number | null | undefined) {
  if (unitId == null) return;
  if (!(await unitExists(db, unitId))) throw new AppError('UNIT_NOT_FOUND');
}

export async function listUsers({ db }: Ctx, q?: string): Promise<UserAccount[]> {
  const users = await listAllUsers(db);
  const needle = q ? normalizeVn(q) : '';
  return users.filter((u) => !needle || normalizeVn(`${u.username} ${u.displayName}`).includes(needle));
}

export async function createUser({ db, user }: Ctx, input: CreateUser): Promise<UserAccount> {
  assertPasswordAcceptable(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (tx) => {
    await assertUnitExists(tx, input.unitId);
    if (await usernameTaken(tx, input.username)) throw new AppError('USERNAME_TAKEN');
    const id = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      unitId: input.role === 'admin' ? (input.unitId ?? null) : input.unitId,
    });
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
    await updateUserRow(tx, id, { displayName: input.displayName ?? null, role, unitId, active: input.active ?? null, passwordHash });
    // A deactivated account or a changed password ends the account's open sessions.
    if (input.active === false || passwordHash || input.role || input.unitId !== undefined) {
      await deleteSessionsOf(tx, id);
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
    await deleteGrantsExcept(tx, id, wanted);
    await insertGrants(tx, id, user.id, wanted);
    const after = await getUser(tx, id);
    await audit(tx, user, { action: 'grant', entity: 'user', entityId: id, unitId: after.unitId, before: { grants: before.grants }, after: { grants: after.grants } });
    return after;
  });
}
