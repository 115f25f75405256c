import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openPglite, openPostgres, type Db } from './db';

/*
 * Backups of either database. A PostgreSQL server: pg_dump's custom format (compressed, every table,
 * restored by pg_restore, which recreates triggers after loading the rows). Embedded PGlite: its data
 * directory as a gzipped tarball (PGlite's dumpDataDir), taken under the data directory's lock, so the
 * server must be stopped first (one process per data directory).
 */

const major = (versionText: string) => Number(/(\d+)(?:\.\d+)?/.exec(versionText)?.[1] ?? 0);

/** pg_dump cannot dump a newer server: say so before trying. */
async function assertClientFits(url: string, tool: 'pg_dump' | 'pg_restore'): Promise<void> {
  const client = major(execFileSync(tool, ['--version'], { encoding: 'utf8' }).replace(/^[^\d]*/, ''));
  const db = await openPostgres(url);
  try {
    const [{ server_version: v }] = await db.query<{ server_version: string }>('show server_version');
    if (client < major(v)) throw new Error(`${tool} ${client} is older than the server (${v}); install postgresql-client-${major(v)}`);
  } finally {
    await db.close();
  }
}

export async function backupPostgres(url: string, file: string): Promise<void> {
  await assertClientFits(url, 'pg_dump');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, url], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Restores a pg_dump file into the database at `url`, replacing what is there, in one transaction. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await assertClientFits(url, 'pg_restore');
  execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', url, file], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, 'pg'))) throw new Error(`no embedded database in ${dataDir}`);
  const db = await openPglite(dataDir);
  try {
    const blob = await db.dump!();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Restores a PGlite dump into dataDir; an existing database there is kept aside as pg.before-restore-<time>. */
export async function restorePglite(dataDir: string, file: string): Promise<string | null> {
  const pgDir = path.join(dataDir, 'pg');
  let keptAside: string | null = null;
  // Take the lock first (refuses while the server runs), then move the old directory aside.
  const probe = fs.existsSync(pgDir) ? await openPglite(dataDir) : null;
  if (probe) {
    await probe.close();
    keptAside = `${pgDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(pgDir, keptAside);
  }
  const db = await openPglite(dataDir, new Blob([fs.readFileSync(file)]));
  await db.close();
  return keptAside;
}

/** One fingerprint per table (row count and an md5 of every row in order): equal fingerprints, equal data. */
export async function tableFingerprints(db: Db): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [r] = await db.query<{ n: number; h: string | null }>(`select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as h from "${name}" t`);
    out[name] = `${r.n}:${r.h}`;
  }
  return out;
}
