import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app';
import type { RootDb } from '../db/db';
import type { App } from '../platform/http';
import { testDb } from './db';
import { makeWorld, type World } from './factories';
import { loadConfig } from '../config';
import type { Db } from '../db/db';
import type { Senders } from '../modules/notify/adapters';

/** The real HTTP app over a test database, driven with app.inject. */
export function testApp(db: Db, opts: { webDist?: string; senders?: Senders | null; listen?: Pick<RootDb, 'listen'> } = {}) {
  return buildApp(db, { ...loadConfig({}), demoPassword: 'test-password-1' }, { senders: null, ...opts });
}

/**
 * A test file's database, world and app, made in beforeAll and closed in afterAll. Read the fields
 * inside tests (they are set once the hooks have run).
 */
export function useWorldApp(): { db: RootDb; app: App; w: World } {
  const t = {} as { db: RootDb; app: App; w: World };
  beforeAll(async () => {
    t.db = await testDb();
    t.w = await makeWorld(t.db);
    t.app = await testApp(t.db);
  });
  afterAll(async () => {
    await t.app?.close();
    await t.db?.close();
  });
  return t;
}
