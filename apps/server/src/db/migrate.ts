import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrationFiles(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/** Applies pending migrations in order, each in its own transaction. Never edit an applied file. */
export async function migrate(db: Db): Promise<string> {
  await db.exec(`create table if not exists schema_migrations (
    version text primary key, applied_at timestamptz not null default now())`);
  const done = new Set((await db.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version));
  for (const file of migrationFiles()) {
    const version = file.replace(/\.sql$/, '');
    if (done.has(version)) continue;
    const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    await db.tx(async (tx) => {
      if (tx.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(2024112901)');
      const again = await tx.query('select 1 from schema_migrations where version = $1', [version]);
      if (again.length) return;
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    });
  }
  return currentVersion(db);
}

export async function currentVersion(db: Db): Promise<string> {
  const rows = await db.query<{ version: string }>('select max(version) as version from schema_migrations');
  return rows[0]?.version ?? '';
}
