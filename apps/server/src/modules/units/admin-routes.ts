import type { Db } from '../../db/db';
import type { App } from '../../platform/http';

export async function unitAdminRoutes(_app: App, _db: Db): Promise<void> {}
