import type { Config } from '../config';
import { openPglite, openPostgres, withReplica, type RootDb } from './db';
import { migrate } from './migrate';

/**
 * Opens the configured database (a PostgreSQL server if DATABASE_URL is set, else embedded) and migrates
 * it. With MIGRATION_DATABASE_URL the migrations run as that (owning) role and the app connects with
 * DATABASE_URL as a role that owns nothing (npm run db:app-role). With DATABASE_REPLICA_URL the public's
 * reads go to that streaming replica (it is never migrated: it replays the primary). `migrate: false`: a
 * worker process whose primary has already migrated (WORKERS=N).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databaseReplicaUrl' | 'databaseDirectUrl'>>,
  migrationUrl = process.env.MIGRATION_DATABASE_URL,
  opts: { migrate?: boolean } = {},
): Promise<RootDb> {
  const replicaUrl = config.databaseReplicaUrl;
  if (replicaUrl && !config.databaseUrl) {
    throw new Error(
      'DATABASE_REPLICA_URL cần DATABASE_URL (bản sao là của một máy chủ PostgreSQL) / DATABASE_REPLICA_URL needs DATABASE_URL: the embedded database has no replica.',
    );
  }
  const primary = await openPrimary(config, migrationUrl, opts);
  if (!replicaUrl) return primary;
  // An unreachable replica must not hold the public pages for long: they fall back to the primary.
  return withReplica(primary, await openPostgres(replicaUrl, { connectTimeoutMs: 2_000 }), warnOncePerMinute);
}

let warnedAt = 0;
function warnOncePerMinute(err: Error): void {
  if (Date.now() - warnedAt < 60_000) return;
  warnedAt = Date.now();
  console.warn(`Bản sao không trả lời, đọc từ máy chủ chính / The replica did not answer, reading the primary: ${err.message}`);
}

async function openPrimary(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databaseDirectUrl'>>,
  migrationUrl: string | undefined,
  opts: { migrate?: boolean },
): Promise<RootDb> {
  const server = (url: string) => openPostgres(url, { listenUrl: config.databaseDirectUrl });
  if (opts.migrate === false) return config.databaseUrl ? server(config.databaseUrl) : openPglite(config.dataDir);
  if (config.databaseUrl && migrationUrl) {
    const owner = await openPostgres(migrationUrl);
    try {
      await migrate(owner);
    } finally {
      await owner.close();
    }
    return server(config.databaseUrl);
  }
  const db = config.databaseUrl ? await server(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
