import type { Db } from '../../db/db';
import type { App } from '../../platform/http';

/** The petitions module's routes (signed-in and public). */
export async function petitionRoutes(_app: App, _db: Db): Promise<void> {}
