import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../test/app';
import { audit } from './audit';

const t = useWorldApp();

describe('the audit trail is append-only, like the ledger', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit_log in the database itself', async () => {
    await audit(t.db, null, { action: 'test', entity: 'audit-test', entityId: 1, unitId: t.w.S });
    const [{ id }] = await t.db.query<{ id: number }>(`select id from audit_log where entity = 'audit-test' and unit_id = $1`, [t.w.S]);
    await expect(t.db.query(`update audit_log set actor_name = 'someone else' where id = $1`, [id])).rejects.toThrow(/AUDIT_APPEND_ONLY/);
    await expect(t.db.query('delete from audit_log where id = $1', [id])).rejects.toThrow(/AUDIT_APPEND_ONLY/);
    await expect(t.db.tx((tx) => tx.query('truncate audit_log'))).rejects.toThrow(/AUDIT_APPEND_ONLY/);
    const [row] = await t.db.query<{ actor_name: string }>('select actor_name from audit_log where id = $1', [id]);
    expect(row.actor_name).toBe('system');
  });
});
