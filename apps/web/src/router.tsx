// A tiny history router: the URL is the state; pages read path and query from it.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { buildUrl, parseQuery } from './route-match';

const listeners = new Set<() => void>();

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  window.addEventListener('popstate', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', fn);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** Goes to `to` (a path with optional query); `replace` keeps the history entry (filters, as-of dates). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else {
    window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
  }
  listeners.forEach((fn) => fn());
}

export type Location = { path: string; query: Record<string, string> };

/** The current path and query; re-renders on navigation. */
export function useLocation(): Location {
  const url = useSyncExternalStore(subscribe, snapshot);
  const i = url.indexOf('?');
  return i < 0 ? { path: url, query: {} } : { path: url.slice(0, i), query: parseQuery(url.slice(i + 1)) };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates without a reload (new tab / modified clicks behave as usual). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

/** Page state kept in the query string (filters, as-of date), so Back and shared links keep it. */
export function useQueryState(): [Record<string, string>, (patch: Record<string, string | number | null | undefined>, opts?: { push?: boolean }) => void] {
  const { path, query } = useLocation();
  const set = (patch: Record<string, string | number | null | undefined>, opts: { push?: boolean } = {}) => {
    const next: Record<string, string | number | null | undefined> = { ...query, ...patch };
    navigate(buildUrl(path, next), { replace: !opts.push });
  };
  return [query, set];
}
