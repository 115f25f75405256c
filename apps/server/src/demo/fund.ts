import type { Db } from '../db/db';

/** Demo data of the fund module (see its issue); runs inside loadDemo's transaction. */
export async function seedDemoFunds(_tx: Db): Promise<void> {}
