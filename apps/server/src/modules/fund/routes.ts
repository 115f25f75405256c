import type { Db } from '../../db/db';
import type { App } from '../../platform/http';

/** The fund module's routes (signed-in and public). */
export async function fundRoutes(_app: App, _db: Db): Promise<void> {}
