import type { Config } from '../config';
import { openPglite, openPostgres, type RootDb } from './db';
import { migrate } from './migrate';

/**
 * Opens the configured database (a PostgreSQL server if DATABASE_URL is set, else embedded) and migrates
 * it. With MIGRATION_DATABASE_URL the migrations run as that (owning) role and the app connects with
 * DATABASE_URL as a role that owns nothing (npm run db:app-role). `migrate: false`: a worker process whose
 * primary has already migrated (WORKERS=N).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databaseDirectUrl'>>,
  migrationUrl = process.env.MIGRATION_DATABASE_URL,
  opts: { migrate?: boolean } = {},
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
