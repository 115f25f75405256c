import type { Db } from '../db/db';

/** Demo data of the petitions module (see its issue); runs inside loadDemo's transaction. */
export async function seedDemoPetitions(_tx: Db): Promise<void> {}
