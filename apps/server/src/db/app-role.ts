import type { Db } from './db';

/** Tables whose rows are never changed or removed: the app role may only read and add to them. */
export const APPEND_ONLY_TABLES = ['audit_log', 'fund_entries', 'fund_entry_lines'];

/**
 * Lets `role` run the application without owning anything: read and write rows, use sequences and
 * functions, nothing else. A non-owner cannot ALTER TABLE … DISABLE TRIGGER, TRUNCATE or drop tables,
 * so the append-only triggers cannot be switched off from the application's connection; UPDATE and
 * DELETE on the append-only tables are not even granted. Run by the owner (who runs the migrations)
 * after each migration: `npm run db:app-role`. Idempotent.
 */
export async function grantAppRole(db: Db, role: string, password?: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error('role name: lower-case letters, digits and _');
  const ident = `"${role}"`;
  const [{ exists }] = await db.query<{ exists: boolean }>('select exists (select 1 from pg_roles where rolname = $1) as exists', [role]);
  const pw = password ? ` password '${password.replace(/'/g, "''")}'` : '';
  await db.exec(exists ? (pw ? `alter role ${ident} with login${pw}` : 'select 1') : `create role ${ident} with login nosuperuser nocreatedb nocreaterole${pw}`);
  const [{ current_database: dbName }] = await db.query<{ current_database: string }>('select current_database()');
  await db.exec(`
    grant connect on database "${dbName}" to ${ident};
    grant usage on schema public to ${ident};
    revoke create on schema public from ${ident};
    grant select, insert, update, delete on all tables in schema public to ${ident};
    grant usage, select on all sequences in schema public to ${ident};
    grant execute on all functions in schema public to ${ident};
    revoke update, delete, truncate on ${APPEND_ONLY_TABLES.join(', ')} from ${ident};
    revoke insert, update, delete on schema_migrations from ${ident};
    alter default privileges in schema public grant select, insert, update, delete on tables to ${ident};
    alter default privileges in schema public grant usage, select on sequences to ${ident};
  `);
}
