// Writes made without a connection wait on the device and are sent when it returns. Each carries a
// key made here, so sending it again (a lost answer, two tabs) records it once on the server. An
// answer that refuses it (a conflict) keeps it, with the reason, for the person to resolve: nothing
// is dropped silently. Kept in localStorage: a board head's queue is a handful of small records.
import { useSyncExternalStore } from 'react';
import { ApiError, send as sendRequest } from '../api';
import { endpointUrl, splitKey, type EndpointKeyOf, type Input, type Output } from '../client';
import { invalidateAfter } from '../query';

export type Pending = {
  key: string;
  /** POST carries the key in its body (the server records it once); PUT sets a state and is safe to repeat. */
  method?: 'POST' | 'PUT';
  path: string;
  body: Record<string, unknown>;
  /** What the person recorded, in their words, for the list of what waits. */
  label: string;
  createdAt: string;
  error?: { code: string; message: string; messageEn: string };
  /** The table's key of the write (callOrKeep): the reads it affects are refreshed once it is recorded. */
  endpoint?: EndpointKeyOf;
};

const STORE = 'dk-outbox';
const listeners = new Set<() => void>();
let cache: Pending[] | null = null;

function read(): Pending[] {
  if (cache) return cache;
  try {
    cache = JSON.parse(localStorage.getItem(STORE) ?? '[]') as Pending[];
  } catch {
    cache = [];
  }
  return cache;
}
function write(items: Pending[]): void {
  cache = items;
  localStorage.setItem(STORE, JSON.stringify(items));
  listeners.forEach((fn) => fn());
}

export const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`);

/** Sends a write now, or keeps it for later when the network is down. `queued` tells which happened. */
export async function sendOrKeep<T>(
  path: string,
  body: Record<string, unknown>,
  label: string,
  method: 'POST' | 'PUT' = 'POST',
  endpoint?: EndpointKeyOf,
): Promise<{ queued: false; result: T } | { queued: true }> {
  const key = (body.clientKey as string | undefined) ?? newKey();
  const sent = method === 'POST' ? { ...body, clientKey: key } : body;
  if (navigator.onLine) {
    try {
      const result = await send<T>(method, path, sent);
      if (endpoint) void invalidateAfter(endpoint);
      return { queued: false, result };
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'NETWORK') throw e;
    }
  }
  write([...read(), { key, method, path, body: sent, label, createdAt: new Date().toISOString(), ...(endpoint ? { endpoint } : {}) }]);
  return { queued: true };
}

/** A write of the table the outbox may keep: JSON to a POST or PUT. */
type KeepableKey = { [K in EndpointKeyOf]: K extends `${'POST' | 'PUT'} ${string}` ? K : never }[EndpointKeyOf];

/** sendOrKeep by the table's key, as `call` (client.ts): the path and method from the key, the body and the answer typed from the table. */
export function callOrKeep<K extends KeepableKey>(key: K, input: Input<K>, label: string): Promise<{ queued: false; result: Output<K> } | { queued: true }> {
  const [method] = splitKey(key);
  const { body } = input as { body: Record<string, unknown> };
  return sendOrKeep<Output<K>>(endpointUrl(key, input as never), body, label, method as 'POST' | 'PUT', key);
}

// A queued write is kept by its path (what localStorage holds), so it goes out through the untyped sender.
const send = <T>(method: 'POST' | 'PUT', path: string, body: Record<string, unknown>) => sendRequest<T>(method, path, { json: body });

let flushing: Promise<number> | null = null;

/** Sends what waits, in order; stops at the first network failure. Returns how many were recorded. */
export function flush(): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    for (const item of read().filter((p) => !p.error)) {
      try {
        await send(item.method ?? 'POST', item.path, item.body);
        write(read().filter((p) => p.key !== item.key));
        if (item.endpoint) void invalidateAfter(item.endpoint);
        sent++;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'NETWORK') break;
        const err = e instanceof ApiError ? { code: e.code, message: e.messageVi, messageEn: e.messageEn } : { code: 'INTERNAL', message: String(e), messageEn: String(e) };
        write(read().map((p) => (p.key === item.key ? { ...p, error: err } : p)));
      }
    }
    return sent;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** A refused item: send it again as it is (after fixing the cause elsewhere), or give it up. */
export const retry = (key: string) => {
  write(read().map((p) => (p.key === key ? { ...p, error: undefined } : p)));
  return flush();
};
export const discard = (key: string) => write(read().filter((p) => p.key !== key));

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  const online = () => {
    void flush();
    fn();
  };
  const storage = (e: StorageEvent) => {
    if (e.key === STORE) {
      cache = null;
      fn();
    }
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', fn);
  window.addEventListener('storage', storage);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', fn);
    window.removeEventListener('storage', storage);
  };
}

/** What waits on this device, re-rendered as it changes. */
export function useOutbox(): { items: Pending[]; online: boolean } {
  const items = useSyncExternalStore(subscribe, read);
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  return { items, online };
}
