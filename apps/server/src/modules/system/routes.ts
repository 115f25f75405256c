import { z } from 'zod';
import type { Db } from '../../db/db';
import type { App } from '../../platform/http';
import { currentVersion } from '../../db/migrate';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), migration: z.string() });

export async function systemRoutes(app: App, db: Db): Promise<void> {
  app.get('/api/health', { schema: { tags: ['system'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const, database: db.kind, migration: await currentVersion(db),
  }));
}
