import type { Db } from '../../db/db';
import type { CurrentUser } from '../../platform/access';

export async function importBacGiangHistory(_tx: Db, _actor: CurrentUser | null): Promise<void> {}
export async function importReform2025(_tx: Db, _actor: CurrentUser | null, _opts: { provinceCodes?: string[] }): Promise<void> {}
