import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Guard } from './client';
import { ROUTES } from './app';
import { NAV } from './ui/layout';

/*
 * A page's route and its menu entry name the endpoint the page loads and repeat that endpoint's
 * permission (the browser loads no table). tsc checks the pair through `Guard`; this test checks it
 * again against the tables themselves, loaded here as the server loads them.
 */

type Declared = { access: { permission?: string } };
const tables = path.resolve(import.meta.dirname, '../../../packages/contract/src/endpoints');
const table = new Map<string, Declared>();
beforeAll(async () => {
  for (const file of fs.readdirSync(tables).filter((f) => f.endsWith('.ts'))) {
    const mod = (await import(path.join(tables, file))) as Record<string, unknown>;
    for (const exported of Object.values(mod)) {
      if (!exported || typeof exported !== 'object') continue;
      for (const [key, def] of Object.entries(exported as Record<string, Declared>)) if (/^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(key)) table.set(key, def);
    }
  }
});

describe('page guards', () => {
  it('load the whole endpoint table', () => {
    expect(table.get('GET /api/units')?.access.permission).toBe('unit.read');
    expect(table.size).toBeGreaterThan(200);
  });

  it('every route and menu entry asks for the permission of the endpoint it names', () => {
    const guarded = [...ROUTES.map((r) => ({ at: r.path, g: r })), ...NAV.map((n) => ({ at: `nav ${n.to}`, g: n }))].filter((x) => x.g.endpoint !== undefined);
    expect(guarded.length).toBeGreaterThan(60);
    for (const { at, g } of guarded) {
      const def = table.get(g.endpoint!);
      expect(def, `${at}: ${g.endpoint} is not in the table`).toBeDefined();
      expect(g.permission, `${at}: ${g.endpoint}`).toBe(def!.access.permission);
    }
  });

  it('every menu entry but home is guarded, and opens a page with the same guard', () => {
    for (const n of NAV) {
      if (n.to === '/') continue;
      expect(n.endpoint, n.to).toBeDefined();
      const route = ROUTES.find((r) => r.path === n.to);
      expect(route?.permission, n.to).toBe(n.permission);
    }
  });

  it('a permission other than the endpoint’s does not type-check', () => {
    const ok: Guard = { endpoint: 'GET /api/units', permission: 'unit.read' };
    // @ts-expect-error -- the units list is declared with unit.read, not org.read
    const wrong: Guard = { endpoint: 'GET /api/units', permission: 'org.read' };
    // @ts-expect-error -- a guard names its endpoint's permission; it cannot leave it out
    const missing: Guard = { endpoint: 'GET /api/users' };
    expect([ok, wrong, missing]).toHaveLength(3);
  });
});
