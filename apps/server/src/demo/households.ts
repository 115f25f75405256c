import type { Db } from '../db/db';

/** Demo data of the households module (see its issue); runs inside loadDemo's transaction. */
export async function seedDemoHouseholds(_tx: Db): Promise<void> {}
