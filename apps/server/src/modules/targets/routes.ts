import type { Db } from '../../db/db';
import type { App } from '../../platform/http';

/** The targets module's routes (signed-in and public). */
export async function targetRoutes(_app: App, _db: Db): Promise<void> {}
