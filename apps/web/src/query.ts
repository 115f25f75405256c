// Data loading through react-query: one cache for the app, keys derived from the endpoint key and its
// input (never written by hand), and every successful change through the client refreshing the reads
// it affects.
import { useCallback } from 'react';
import { QueryClient, keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './api';
import { call, onWrite, splitKey, type EndpointKeyOf, type Input, type Output, type ReadKey } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Like the loader this replaces: an error shows at once with its Retry button, nothing is retried
      // behind the person's back, and a page opened again loads fresh data (showing the cached copy meanwhile).
      retry: false,
      staleTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Fetch even when the browser says it is offline: the service worker answers a board head's
      // reads from its cache (react-query would otherwise pause them).
      networkMode: 'always',
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

/** The cache key of a read: the endpoint key, then its input (react-query hashes objects by sorted keys). */
export function endpointQueryKey<K extends EndpointKeyOf>(key: K, input?: Input<K>): QueryKey {
  return input === undefined ? [key] : [key, input];
}

/** The resource a path belongs to: its first segment after /api (after /api/public for the public side). */
export function resourceOf(path: string): string {
  const parts = path.split('/').filter(Boolean); // ['api', 'public'?, resource, …]
  return parts[1] === 'public' ? (parts[2] ?? '') : (parts[1] ?? '');
}

/** Reads every change affects: the audit trail records each one (a record's history shown beside its form). */
const EVERY_WRITE_AFFECTS: readonly string[] = ['GET /api/audit'] satisfies ReadKey[];

/**
 * Whether a change through `write` makes the read cached under `queryKey` stale: a read of the same
 * resource ('POST /api/oversight/boards/:id/years' → every 'GET /api/oversight/…'), or one the change
 * names in `also` (a change whose effect shows elsewhere, e.g. an answer to a directive in the inbox).
 */
export function affects(write: EndpointKeyOf, queryKey: QueryKey, also: readonly string[] = []): boolean {
  const read = queryKey[0];
  if (typeof read !== 'string' || !read.startsWith('GET ')) return false;
  return also.includes(read) || EVERY_WRITE_AFFECTS.includes(read) || resourceOf(splitKey(read)[1]) === resourceOf(splitKey(write)[1]);
}

/** The public statement of campaigns: what money coming in or going out changes (/api/public/campaigns…). */
const PUBLIC_CAMPAIGN_READS: readonly ReadKey[] = [
  'GET /api/public/campaigns',
  'GET /api/public/campaigns/:id',
  'GET /api/public/campaigns/:id/donations',
  'GET /api/public/campaigns/:id/distributions',
];

/** Reads a change affects beyond its own resource, by the write's key (kept beside the table's keys). */
export const ALSO_AFFECTS: Partial<Record<EndpointKeyOf, readonly ReadKey[]>> = {
  'POST /api/directive-obligations/:id/answer': ['GET /api/direction/inbox', 'GET /api/direction/duties'],
  'POST /api/directives/:id/acknowledge': ['GET /api/direction/inbox', 'GET /api/direction/duties'],
  'POST /api/directives': ['GET /api/direction/inbox', 'GET /api/direction/duties'],
  'POST /api/directives/:id/remind': ['GET /api/direction/inbox', 'GET /api/direction/duties'],
  'POST /api/petition-conferences': ['GET /api/petitions'],
  'POST /api/situation-periods': ['GET /api/situation-reports'],
  'POST /api/public/surveys/:code/answers': ['GET /api/movements/surveys'],
  'POST /api/public/petitions': ['GET /api/petitions', 'GET /api/home/todo'],
  'POST /api/petitions': ['GET /api/home/todo'],
  'POST /api/petitions/:id/actions': ['GET /api/home/todo'],
  // Fund: the public statement shows what comes in and goes out; the to-do home counts the payments awaiting me.
  'POST /api/fund/campaigns': PUBLIC_CAMPAIGN_READS,
  'POST /api/fund/donations': PUBLIC_CAMPAIGN_READS,
  'POST /api/fund/statements/import': [...PUBLIC_CAMPAIGN_READS, 'GET /api/home/todo'],
  'POST /api/fund/disbursements': ['GET /api/home/todo'],
  'POST /api/fund/disbursements/:id/approve': [...PUBLIC_CAMPAIGN_READS, 'GET /api/home/todo'],
  'POST /api/fund/disbursements/:id/reject': ['GET /api/home/todo'],
  'POST /api/fund/disbursements/:id/reverse': PUBLIC_CAMPAIGN_READS,
  'POST /api/fund/proposals/:id/approve': PUBLIC_CAMPAIGN_READS,
  // Households: a support paid from a fund proposes its payment; the to-do home counts the households not yet reached.
  'POST /api/households/supports': ['GET /api/fund/disbursements', 'GET /api/home/todo'],
  'PUT /api/households/:id/classifications': ['GET /api/home/todo'],
  'POST /api/households': ['GET /api/home/todo'],
  'POST /api/households/import': ['GET /api/home/todo'],
  // A congress's targets and their rules are what the targets dashboard measures against.
  'POST /api/target-congresses': ['GET /api/targets', 'GET /api/targets/years', 'GET /api/targets/map', 'GET /api/targets/:number/units'],
  'POST /api/target-congresses/:id/targets': [
    'GET /api/target-congresses/:id',
    'GET /api/targets',
    'GET /api/targets/years',
    'GET /api/targets/map',
    'GET /api/targets/:number/units',
  ],
  'PATCH /api/target-defs/:id': ['GET /api/target-congresses/:id', 'GET /api/targets', 'GET /api/targets/years', 'GET /api/targets/map', 'GET /api/targets/:number/units'],
};

/** Marks stale (and reloads when shown) every read a change affects. */
export function invalidateAfter(write: EndpointKeyOf): Promise<void> {
  const also = ALSO_AFFECTS[write] ?? [];
  return queryClient.invalidateQueries({ predicate: (q) => affects(write, q.queryKey, also) });
}

onWrite((key) => void invalidateAfter(key));

export type Fetched<T> = { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => void };

/**
 * What a page loads, the loader's contract: `key` null loads nothing; the previous data stays shown
 * while the next loads (so the page does not jump), but an error never shows another key's data.
 */
export function useLoad<T>(queryKey: QueryKey | null, load: () => Promise<T>): Fetched<T> {
  const q = useQuery({
    queryKey: queryKey ?? ['none'],
    queryFn: load,
    enabled: queryKey !== null,
    placeholderData: keepPreviousData,
  });
  // A reload right after a change joins the refresh that the change already started. The same function
  // from render to render, as the loader's was (a page may poll with it in an effect's dependencies).
  const { refetch } = q;
  const reload = useCallback(() => void refetch({ cancelRefetch: false }), [refetch]);
  if (queryKey === null) return { data: undefined, error: null, loading: false, reload: noop };
  // After an error, the data is this key's own (kept from its last success) or nothing: react-query
  // shows placeholder (previous key's) data only while the new key is pending.
  return {
    data: q.data,
    error: q.error ? asApiError(q.error) : null,
    loading: q.isFetching,
    reload,
  };
}

const noop = () => undefined;

/** Loads an endpoint's answer for a page; `input` null loads nothing (e.g. until a unit is chosen). */
export function useEndpoint<K extends ReadKey>(key: K, input: Input<K> | null): Fetched<Output<K>>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T`: T has no required key
export function useEndpoint<K extends ReadKey>(key: K, ...input: {} extends Input<K> ? [] : never): Fetched<Output<K>>;
export function useEndpoint<K extends ReadKey>(key: K, input?: Input<K> | null): Fetched<Output<K>> {
  return useLoad(input === null ? null : endpointQueryKey(key, input), () => (call as (k: K, i?: Input<K>) => Promise<Output<K>>)(key, input ?? undefined));
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'CLIENT', 'Đã xảy ra lỗi trong trình duyệt', 'Something went wrong in the browser');
}
