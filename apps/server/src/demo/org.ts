import type { Db } from '../db/db';

export async function seedDemoOrg(_tx: Db): Promise<void> {}
