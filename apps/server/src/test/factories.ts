import crypto from 'node:crypto';
import type { Role } from '@contract/access';
import type { Db } from '../db/db';
import { CSRF_COOKIE, SESSION_COOKIE, createSession } from '../platform/auth';
import type { CurrentUser } from '../platform/access';
import { normalizeVn } from '../platform/vn-text';

const uid = () => crypto.randomBytes(4).toString('hex');

type UnitSpec = {
  name: string;
  level: 'province' | 'district' | 'commune' | 'village';
  kind?: string;
  /** Parent per period: [[parentId, from, to?], ...]. */
  parents?: Array<[number | null, string, string?]>;
  validFrom?: string;
  validTo?: string;
  code?: string;
};

/** Inserts a unit with its versions directly (tests only; the unit service validates real changes). */
export async function insertUnit(db: Db, s: UnitSpec): Promise<number> {
  const validFrom = s.validFrom ?? '2019-01-01';
  const validTo = s.validTo ?? 'infinity';
  // One transaction: other test files share the database, and a unit without its name must never be seen.
  return db.tx(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(`insert into units (code, level, kind, valid_from, valid_to) values ($1, $2, $3, $4, $5) returning id`, [
      s.code ?? `T${uid()}`,
      s.level,
      s.kind ?? s.level,
      validFrom,
      validTo,
    ]);
    const parents = s.parents ?? [[null, validFrom, validTo]];
    for (const [parentId, from, to] of parents) {
      await tx.query(`insert into unit_versions (unit_id, name, name_search, parent_id, valid_from, valid_to) values ($1, $2, $3, $4, $5, $6)`, [
        id,
        s.name,
        normalizeVn(s.name),
        parentId,
        from,
        to ?? validTo,
      ]);
    }
    return id;
  });
}

export async function linkUnits(db: Db, predecessorId: number, successorId: number, date: string, part: 'full' | 'partial' = 'full') {
  await db.query(`insert into unit_lineage (predecessor_id, successor_id, effective_date, part) values ($1, $2, $3, $4)`, [predecessorId, successorId, date, part]);
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/**
 * A small world of its own: province P; city C (ends 2025-07-01) with wards A, B, D and villages;
 * on 2025-07-01 A and B merge into the new ward S (their villages move to S), D becomes T.
 */
export async function makeWorld(db: Db) {
  const REFORM = '2025-07-01';
  const P = await insertUnit(db, { name: 'Tỉnh Thử Nghiệm', level: 'province' });
  const C = await insertUnit(db, { name: 'Thành phố Cũ', level: 'district', parents: [[P, '2019-01-01']], validTo: REFORM });
  const A = await insertUnit(db, { name: 'Phường Trần Phú Thử', level: 'commune', parents: [[C, '2019-01-01']], validTo: REFORM });
  const B = await insertUnit(db, { name: 'Phường Ngô Quyền Thử', level: 'commune', parents: [[C, '2019-01-01']], validTo: REFORM });
  const D = await insertUnit(db, { name: 'Phường Đa Mai Thử', level: 'commune', parents: [[C, '2019-01-01']], validTo: REFORM });
  const S = await insertUnit(db, { name: 'Phường Bắc Giang Thử', level: 'commune', parents: [[P, REFORM]], validFrom: REFORM });
  const T = await insertUnit(db, { name: 'Phường Đa Mai Mới', level: 'commune', parents: [[P, REFORM]], validFrom: REFORM });
  const A1 = await insertUnit(db, {
    name: 'Tổ dân phố số 1',
    level: 'village',
    parents: [
      [A, '2019-01-01', REFORM],
      [S, REFORM],
    ],
  });
  const B1 = await insertUnit(db, {
    name: 'Tổ dân phố Ngô Quyền 1',
    level: 'village',
    parents: [
      [B, '2019-01-01', REFORM],
      [S, REFORM],
    ],
  });
  const D1 = await insertUnit(db, {
    name: 'Thôn Đa Mai 1',
    level: 'village',
    parents: [
      [D, '2019-01-01', REFORM],
      [T, REFORM],
    ],
  });
  await linkUnits(db, A, S, REFORM);
  await linkUnits(db, B, S, REFORM);
  await linkUnits(db, D, T, REFORM);
  await db.query('select refresh_unit_closure()');
  return { P, C, A, B, D, S, T, A1, B1, D1, REFORM };
}

export type TestSession = { user: CurrentUser; headers: Record<string, string> };

/** A user with a role at a unit and a live session: headers carry the cookie and CSRF token. */
export async function sessionAs(db: Db, role: Role, unitId: number | null): Promise<TestSession> {
  const username = `t.${role}.${uid()}`;
  const [{ id }] = await db.query<{ id: number }>(`insert into users (username, display_name, password_hash, role, unit_id) values ($1, $1, 'x', $2, $3) returning id`, [
    username,
    role,
    unitId,
  ]);
  const [u] = await db.query<{ valid_to: string | null }>('select valid_to::text from units where id = $1', [unitId]);
  const { token, csrf } = await createSession(db, id);
  const user: CurrentUser = {
    id,
    username,
    displayName: username,
    role,
    unitId,
    unitValidTo: u && u.valid_to !== 'infinity' ? u.valid_to : null,
  };
  return { user, headers: { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`, 'x-csrf-token': csrf } };
}
