import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { Db } from '../db/db';

/** The real HTTP app over a test database, driven with app.inject. */
export function testApp(db: Db, opts: { webDist?: string } = {}) {
  return buildApp(db, { ...loadConfig({}), demoPassword: 'test-password-1' }, opts);
}
