import type { Db } from '../../db/db';
import type { App } from '../../platform/http';

export async function orgRoutes(_app: App, _db: Db): Promise<void> {}
