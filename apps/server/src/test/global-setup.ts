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
    /** Where demoDb() keeps the run's demo: `marker` + .lock/.ready/.failed, the PGlite dump, the server's template database. */
    demoTemplate: { marker: string; file: string; database: string };
  }
}

/**
 * One migrated database per run: on a PostgreSQL server a fresh database (dropped afterwards); on
 * PGlite a dumped template that each test file clones in about a second.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const stamp = `${Date.now()}_${process.pid}`;
  const marker = path.resolve(`.tmp/demo-template-${stamp}`);
  fs.mkdirSync(path.dirname(marker), { recursive: true });
  const demoTemplate = { marker, file: `${marker}.tgz`, database: `doanket_test_${stamp}_demo` };
  project.provide('demoTemplate', demoTemplate);
  const removeDemoFiles = () => {
    for (const f of [demoTemplate.file, `${marker}.ready`, `${marker}.failed`, `${marker}.lock`]) fs.rmSync(f, { recursive: true, force: true });
  };
  if (url) {
    const name = `doanket_test_${stamp}`;
    await createTestDatabase(url, name);
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
      await c.query(`drop database if exists ${demoTemplate.database} with (force)`);
      await c.end();
      removeDemoFiles();
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
  return removeDemoFiles;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

/**
 * A new database on the run's server (a copy of `template` if given). Its commits need not wait for the
 * disk: nothing is read back after a crash, and the tests commit tens of thousands of small transactions
 * (each waited for its WAL flush). Visibility and locking are the same; only durability differs; the
 * setting is per database (a copy does not inherit it).
 */
export async function createTestDatabase(url: string, name: string, template?: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    await admin.query(`alter database ${name} set synchronous_commit = off`);
  } finally {
    await admin.end();
  }
}
