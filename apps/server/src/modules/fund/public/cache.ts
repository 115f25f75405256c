// A small in-process cache for the public statement: totals and first pages are read by very many
// people and change only when money is booked. Entries live a few seconds; an import clears them at
// once (other writers' changes show after the TTL).

type Entry = { at: number; value: Promise<unknown> };

const store = new Map<string, Entry>();
const MAX_ENTRIES = 2000;

let enabled = true;

/** PUBLIC_CACHE=0 turns the cache off (benchmarks measure the uncached path over HTTP with it). */
export function setPublicCache(on: boolean): void {
  enabled = on;
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
}
