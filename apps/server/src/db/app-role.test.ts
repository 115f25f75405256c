import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../test/app';
import { grantAppRole } from './app-role';

// The application's own connection, as a role that owns nothing, tries to get rid of the audit trail.
const t = useWorldApp();
const role = `doanket_app_t${process.pid}_${Date.now() % 100000}`;
beforeAll(async () => {
  await grantAppRole(t.db, role);
});
afterAll(async () => {
  // Leave no role behind on a shared server (privileges first, then the role).
  await t.db.exec(`drop owned by "${role}"; drop role "${role}"`);
});

/** Runs sql as the app role inside a transaction that is rolled back either way. */
async function asApp(sql: string, params: unknown[] = []): Promise<unknown> {
  let result: unknown;
  const done = new Error('rollback');
  try {
    await t.db.tx(async (tx) => {
      await tx.query(`set local role "${role}"`);
      result = await tx.query(sql, params);
      throw done;
    });
  } catch (e) {
    if (e !== done) throw e;
  }
  return result;
}

describe('the app connects as a role that owns no table', () => {
  it('can do its work: read, insert, update rows', async () => {
    await expect(asApp('select count(*) from users')).resolves.toBeTruthy();
    await expect(asApp(`insert into audit_log (action, entity, entity_id) values ('test', 'app-role', '1')`)).resolves.toBeTruthy();
    await expect(asApp(`update users set locale = locale where id = -1`)).resolves.toBeTruthy();
    await expect(asApp('select vn_today()')).resolves.toBeTruthy();
  });

  it('cannot disable the append-only triggers, truncate, update or delete the audit trail and the ledger', async () => {
    await expect(asApp('alter table audit_log disable trigger all')).rejects.toThrow(/must be owner|permission denied/);
    await expect(asApp('alter table fund_entries disable trigger fund_entries_append_only')).rejects.toThrow(/must be owner|permission denied/);
    await expect(asApp('truncate audit_log')).rejects.toThrow(/permission denied/);
    await expect(asApp(`update audit_log set actor_name = 'x' where id = -1`)).rejects.toThrow(/permission denied/);
    await expect(asApp('delete from fund_entry_lines where entry_id = -1')).rejects.toThrow(/permission denied/);
    await expect(asApp(`set session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(asApp('drop table audit_log')).rejects.toThrow(/must be owner|permission denied/);
    await expect(asApp('create table sneaky (id int)')).rejects.toThrow(/permission denied/);
  });
});
