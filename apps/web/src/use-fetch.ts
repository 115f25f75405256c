// The loader of the pages not yet on the typed client: its own state, not the react-query cache (their hand-named keys are not unique across pages).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';

export type Fetched<T> = { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => void };

/**
 * Loads data for a page. `key` names what is loaded (when it changes, the load runs again); a null
 * key loads nothing. The previous data stays shown while the next loads, so the page does not jump.
 */
export function useFetch<T>(key: string | null, load: () => Promise<T>): Fetched<T> {
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: key !== null,
  });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => {
        if (!live) return;
        lastKey.current = key;
        setState({ data, error: null, loading: false });
      },
      // On failure keep nothing from another key: showing unit A's data under unit B's error misleads.
      (e: unknown) => live && setState((s) => ({ data: lastKey.current === key ? s.data : undefined, error: asApiError(e), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'CLIENT', 'Đã xảy ra lỗi trong trình duyệt', 'Something went wrong in the browser');
}
