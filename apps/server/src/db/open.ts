import type { Config } from '../config';
import { openPglite, openPostgres, type RootDb } from './db';
import { migrate } from './migrate';

/** Opens the configured database (a PostgreSQL server if DATABASE_URL is set, else embedded) and migrates it. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<RootDb> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
