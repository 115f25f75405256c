// A small in-process cache for the public statement: totals and first pages are read by very many
// people and change only when money is booked. Entries live a few seconds; any change the statement
// shows clears them at once in every process: the fund tables' triggers NOTIFY at commit
// (migration 0019f) and each server process LISTENs (listenForPublicChanges). The TTL bounds what a
// process whose listening connection was lost may show meanwhile.
import type { RootDb } from '../../../db/db';
import { statisticsChanged } from '../../../platform/statistics';

type Entry = { at: number; value: Promise<unknown> };

const store = new Map<string, Entry>();
const MAX_ENTRIES = 2000;

let enabled = true;
let settleMs = 0;

/** How long a write may take to reach the streaming replica the public reads (the replica test's bound). */
export const REPLICA_SETTLE_MS = 2_000;

/**
 * PUBLIC_CACHE=0 turns the cache off (benchmarks measure the uncached path over HTTP with it).
 * `replicaSettleMs`: the public statement reads a replica, so an invalidation is repeated that much later.
 */
export function setPublicCache(on: boolean, replicaSettleMs = 0): void {
  enabled = on;
  settleMs = replicaSettleMs;
  store.clear();
}

export async function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  if (!enabled) return load();
  const now = Date.now();
  const hit = store.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
  // Concurrent viewers share one load (the promise is cached, not only its result).
  const value = load();
  store.set(key, { at: now, value });
  value.catch(() => store.delete(key));
  if (store.size > MAX_ENTRIES) {
    for (const [k, e] of store) if (now - e.at >= ttlMs || store.size > MAX_ENTRIES) store.delete(k);
  }
  return value;
}

export function invalidatePublicCache(): void {
  store.clear();
  // A reader right after the write may still load the replica's older rows into the cache: clear again
  // once the replica has caught up, or they would be served for the whole TTL.
  if (settleMs > 0 && enabled) setTimeout(() => store.clear(), settleMs).unref();
}

/** The channel the fund tables' triggers notify (migration 0019f_stateless_processes.sql). */
export const PUBLIC_STATEMENT_CHANNEL = 'doanket_public_statement';

/**
 * Clears this process's public cache whenever another (or this) process commits a change the public
 * statement shows. PGlite: the embedded database's own notifications, in this process.
 */
export function listenForPublicChanges(db: Pick<RootDb, 'listen'>): Promise<() => Promise<void>> {
  return db.listen(PUBLIC_STATEMENT_CHANNEL, (payload) => {
    store.clear();
    // Fresh planner statistics (after an import anywhere): the search's token frequencies reload.
    if (payload === 'statistics' || payload === '') statisticsChanged();
  });
}
