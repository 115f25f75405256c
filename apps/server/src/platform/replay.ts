import type { Db } from '../db/db';

/**
 * The record a device's key already made (an offline queue sending again after a lost answer), or null.
 * On the server the key is locked for the transaction so two concurrent replays cannot both insert; the
 * unique index (created_by, client_key) is the last guard.
 */
export async function replayed(tx: Db, table: 'household_supports' | 'mediation_cases' | 'solidarity_festivals', userId: number, clientKey: string): Promise<number | null> {
  if (tx.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`${table}:${userId}:${clientKey}`]);
  const [seen] = await tx.query<{ id: number }>(`select id from ${table} where created_by = $1 and client_key = $2`, [userId, clientKey]);
  return seen?.id ?? null;
}
