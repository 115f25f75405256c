import { ROLE_PERMISSIONS, type Permission, type Role } from '@contract/access';
import type { Db } from '../db/db';
import { AppError } from './errors';

/** The signed-in user as every service sees it. */
export type CurrentUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  /** End of the user's unit ('infinity' while it exists): nothing may be recorded on or after it. */
  unitValidTo: string | null;
  /** Permissions granted to this user beyond their role (e.g. petition.identity to an administrator). */
  grants?: readonly Permission[];
};

export type Ctx = { db: Db; user: CurrentUser };

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** The role's permissions and the user's own grants. */
export function permissionsOfUser(user: Pick<CurrentUser, 'role' | 'grants'>): Permission[] {
  const own = user.grants ?? [];
  return [...permissionsOf(user.role), ...own.filter((p) => !permissionsOf(user.role).includes(p))];
}

export function can(user: CurrentUser, permission: Permission): boolean {
  return permissionsOf(user.role).includes(permission) || (user.grants ?? []).includes(permission);
}

export function assertPermission(user: CurrentUser, permission: Permission): void {
  if (!can(user, permission)) throw new AppError('FORBIDDEN');
}

/** The product's time zone: "today" is the date in Vietnam on the server, in SQL (`vn_today()`) and in the web. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const vnDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Asia/Ho_Chi_Minh as 'YYYY-MM-DD' (the UTC date is yesterday until 07:00 in Vietnam). */
export function today(now: Date = new Date()): string {
  return vnDate.format(now);
}

/** The day before an ISO date: the last day of a unit whose (exclusive) end is `date`. */
export function dayBefore(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Today, clamped into a unit's validity: its last day if it has ended, its first if not yet begun. */
export function dayWithin(validFrom: string, validTo: string | null): string {
  const t = today();
  if (validTo && validTo !== 'infinity' && validTo <= t) return dayBefore(validTo);
  return t < validFrom ? validFrom : t;
}

const isWrite = (p: Permission) => !p.endsWith('.read');

/**
 * The one scope rule: a user at unit U reaches a fact at unit X on date D when X lay, on D, in the
 * subtree of U or of any unit whose history rolls up into U (a merged ward's past belongs to its
 * successor). Without a date the unit itself is checked over its whole life.
 */
function scopeExists(userUnitParam: string, unitExpr: string, dateExpr: string | null): string {
  const dated = dateExpr ? ` and c.valid_from <= ${dateExpr} and ${dateExpr} < c.valid_to` : '';
  return `exists (select 1 from unit_lineage_closure l join unit_closure c on c.ancestor_id = l.predecessor_id
    where l.successor_id = ${userUnitParam} and c.descendant_id = ${unitExpr}${dated})`;
}

/**
 * A SQL condition restricting a list query to the user's scope. `nextParam` is the index the user's
 * unit id will take in the caller's parameter list.
 */
export function scopeCondition(user: CurrentUser, unitExpr: string, dateExpr: string | null, nextParam: number): { sql: string; params: unknown[] } {
  return reachCondition(reachOf(user), unitExpr, dateExpr, nextParam);
}

/** A user's scope as a plain value for queries: the unit whose history subtree they reach, or 'all' (an administrator). */
export type Reach = number | null | 'all';
export const reachOf = (user: CurrentUser): Reach => (user.role === 'admin' ? 'all' : user.unitId);

/** scopeCondition for a plain reach (queries take values, not the user). */
export function reachCondition(reach: Reach, unitExpr: string, dateExpr: string | null, nextParam: number): { sql: string; params: unknown[] } {
  if (reach === 'all') return { sql: 'true', params: [] };
  return { sql: scopeExists(`$${nextParam}::bigint`, unitExpr, dateExpr), params: [reach] };
}

/**
 * Asserts the user holds `permission` at `unitId` (and, for a dated fact, on `date`). Writes are
 * refused on or after the end of the user's own unit. Throws UNIT_NOT_FOUND, FORBIDDEN, OUT_OF_SCOPE
 * or UNIT_ENDED; never returns false.
 */
export async function assertUnitAccess(db: Db, user: CurrentUser, permission: Permission, unitId: number, date?: string): Promise<void> {
  assertPermission(user, permission);
  const write = isWrite(permission);
  const factDate = date ?? (write ? today() : undefined);
  if (write && factDate && user.unitValidTo && factDate >= user.unitValidTo) throw new AppError('UNIT_ENDED');
  const rows = await db.query<{ exists: boolean; in_scope: boolean }>(
    `select exists (select 1 from units where id = $1) as exists,
            ${user.role === 'admin' ? 'true' : scopeExists('$2::bigint', '$1::bigint', factDate ? '$3::date' : null)} as in_scope`,
    user.role === 'admin' ? [unitId] : factDate ? [unitId, user.unitId, factDate] : [unitId, user.unitId],
  );
  if (!rows[0]?.exists) throw new AppError('UNIT_NOT_FOUND');
  if (!rows[0].in_scope) throw new AppError('OUT_OF_SCOPE');
}

/** Batch form: the subset of unitIds the user can reach (with the permission), in one query. */
export async function unitsInScope(db: Db, user: CurrentUser, permission: Permission, unitIds: number[]): Promise<Set<number>> {
  if (!can(user, permission) || unitIds.length === 0) return new Set();
  if (user.role === 'admin') return new Set(unitIds);
  const rows = await db.query<{ id: number }>(`select u.id from unnest($1::bigint[]) as u(id) where ${scopeExists('$2::bigint', 'u.id', null)}`, [unitIds, user.unitId]);
  return new Set(rows.map((r) => r.id));
}
