import type { Db } from '../db/db';

/** Demo data of the targets module (see its issue); runs inside loadDemo's transaction. */
export async function seedDemoTargets(_tx: Db): Promise<void> {}
