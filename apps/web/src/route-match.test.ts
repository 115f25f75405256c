import { describe, expect, it } from 'vitest';
import { buildUrl, matchPath, parseQuery, resolve } from './route-match';

describe('route matching', () => {
  it('matches static and parameter segments', () => {
    expect(matchPath('/units/:id', '/units/42')).toEqual({ id: '42' });
    expect(matchPath('/units/:id', '/units/42/')).toEqual({ id: '42' });
    expect(matchPath('/units/:id', '/units')).toBeNull();
    expect(matchPath('/units/:id', '/units/42/org')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/metrics/:key', '/metrics/org.units_by_level')).toEqual({ key: 'org.units_by_level' });
  });

  it('decodes parameters and refuses broken encodings', () => {
    expect(matchPath('/x/:q', '/x/Tr%E1%BA%A7n')).toEqual({ q: 'Trần' });
    expect(matchPath('/x/:q', '/x/%E0%A4%A')).toBeNull();
  });

  it('resolves the first matching route in order', () => {
    const routes = [
      { name: 'new', path: '/users/new' },
      { name: 'user', path: '/users/:id' },
    ] as const;
    expect(resolve(routes, '/users/new')).toEqual({ name: 'new', params: {} });
    expect(resolve(routes, '/users/7')).toEqual({ name: 'user', params: { id: '7' } });
    expect(resolve(routes, '/nope')).toBeNull();
  });

  it('builds URLs dropping empty values and round-trips the query', () => {
    const url = buildUrl('/audit', { entity: 'user', id: 5, actor: '', before: undefined, all: false, q: 'Trần Phú' });
    expect(url).toBe('/audit?entity=user&id=5&q=Tr%E1%BA%A7n+Ph%C3%BA');
    expect(parseQuery(url.split('?')[1])).toEqual({ entity: 'user', id: '5', q: 'Trần Phú' });
    expect(buildUrl('/units', {})).toBe('/units');
  });
});
