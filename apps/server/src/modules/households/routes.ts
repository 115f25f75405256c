import type { Db } from '../../db/db';
import type { App } from '../../platform/http';

/** The households module's routes (signed-in and public). */
export async function householdRoutes(_app: App, _db: Db): Promise<void> {}
