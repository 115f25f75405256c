// The pure half of the router: matching paths against patterns and building URLs.

export type Params = Record<string, string>;
export type Query = Record<string, string | number | null | undefined | false>;

/** Matches '/units/:id' against '/units/42' → { id: '42' }; null when it does not match. */
export function matchPath(pattern: string, path: string): Params | null {
  const p = split(pattern);
  const s = split(path);
  if (p.length !== s.length) return null;
  const params: Params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      if (!s[i]) return null;
      try {
        params[p[i].slice(1)] = decodeURIComponent(s[i]);
      } catch {
        return null;
      }
    } else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** The first route whose pattern matches path, with its params. */
export function resolve<N extends string>(routes: readonly { name: N; path: string }[], path: string): { name: N; params: Params } | null {
  for (const r of routes) {
    const params = matchPath(r.path, path);
    if (params) return { name: r.name, params };
  }
  return null;
}

/** '/metrics/x' + { unit: 3, from: '', view: 'now' } → '/metrics/x?unit=3&view=now' (empty values dropped). */
export function buildUrl(path: string, query: Query = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === null || v === undefined || v === false || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** A search string as a plain object (the last value wins for repeated keys). */
export function parseQuery(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

function split(path: string): string[] {
  return path.split('?')[0].split('/').filter(Boolean);
}
