import type { Config } from '../config';
import { openPglite, openPostgres, withReplica, type RootDb } from './db';
import { migrate } from './migrate';

/**
 * Opens the configured database (a PostgreSQL server if DATABASE_URL is set, else embedded) and migrates
 * it. With MIGRATION_DATABASE_URL the migrations run as that (owning) role and the app connects with
 * DATABASE_URL as a role that owns nothing (npm run db:app-role). With DATABASE_REPLICA_URL the public's
 * reads go to that streaming replica (it is never migrated: it replays the primary).
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databaseReplicaUrl'>>, migrationUrl = process.env.MIGRATION_DATABASE_URL): Promise<RootDb> {
  const replicaUrl = config.databaseReplicaUrl;
  if (replicaUrl && !config.databaseUrl) {
    throw new Error('DATABASE_REPLICA_URL cần DATABASE_URL (bản sao là của một máy chủ PostgreSQL) / DATABASE_REPLICA_URL needs DATABASE_URL: the embedded database has no replica.');
  }
  const primary = await openPrimary(config, migrationUrl);
  return replicaUrl ? withReplica(primary, await openPostgres(replicaUrl)) : primary;
}

async function openPrimary(config: Pick<Config, 'databaseUrl' | 'dataDir'>, migrationUrl: string | undefined): Promise<RootDb> {
  if (config.databaseUrl && migrationUrl) {
    const owner = await openPostgres(migrationUrl);
    try {
      await migrate(owner);
    } finally {
      await owner.close();
    }
    return openPostgres(config.databaseUrl);
  }
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
