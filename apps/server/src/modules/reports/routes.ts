import type { Db } from '../../db/db';
import type { App } from '../../platform/http';

/** The reports module's routes (signed-in and public). */
export async function reportRoutes(_app: App, _db: Db): Promise<void> {}
