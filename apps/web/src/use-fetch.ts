// The loader of the pages not yet on the typed client (their routes are not in the endpoint table yet):
// the same contract as useEndpoint (query.ts), over the same react-query cache, with a hand-named key.
// Converting a page: `useFetch(\`x:${unit}\`, () => xApi.list(unit))` → `useEndpoint('GET /api/x', { query: { unit } })`.
import { useLoad, type Fetched } from './query';

export { asApiError } from './query';
export type { Fetched } from './query';

/** Loads data for a page under `key` (null loads nothing); see useLoad for what stays shown. */
export function useFetch<T>(key: string | null, load: () => Promise<T>): Fetched<T> {
  return useLoad(key === null ? null : ['fetch', key], load);
}
