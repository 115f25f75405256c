import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/db';
import { migrate } from '../db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    pgliteTemplate: string;
  }
}

/**
 * One migrated database per run: on a PostgreSQL server a fresh database (dropped afterwards); on
 * PGlite a dumped template that each test file clones in about a second.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `doanket_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const testUrl = withDatabase(url, name);
    const db = await openPostgres(testUrl);
    await migrate(db);
    await db.close();
    project.provide('testDatabaseUrl', testUrl);
    project.provide('pgliteTemplate', '');
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const db = await openPglite(undefined);
  await migrate(db);
  const blob = await db.dump!();
  await db.close();
  const file = path.resolve('.tmp/pglite-template.tgz');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('testDatabaseUrl', '');
  project.provide('pgliteTemplate', file);
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}
