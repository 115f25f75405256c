import { WardPage, WardPageParams } from '@contract/portal';
import type { Db } from '../../db/db';
import type { App } from '../../platform/http';
import { wardPage } from './service';

/** The public front door's data that is not a module's own (a ward's page). */
export async function portalRoutes(app: App, db: Db): Promise<void> {
  app.get('/api/public/units/:code', { schema: { tags: ['public'], params: WardPageParams, response: { 200: WardPage } } }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return wardPage(db, req.params.code);
  });
}
