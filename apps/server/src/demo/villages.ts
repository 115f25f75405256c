import type { Db } from '../db/db';

export async function seedDemoVillages(_tx: Db): Promise<void> {}
