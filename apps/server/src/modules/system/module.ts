import { systemEndpoints } from '@contract/endpoints/system';
import { currentVersion } from '../../db/migrate';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';

/** The health check, public: the database answers and which migration it is at. */
export const systemModule = defineModule({
  name: 'system',
  endpoints: bind(systemEndpoints, {
    'GET /api/health': async ({ db }) => ({ status: 'ok' as const, database: db.kind, migration: await currentVersion(db) }),
  }),
});
