import { expect, inject, it } from 'vitest';
import pg from 'pg';
import { openPostgres, type Db, type RootDb } from '../db/db';
import { migrate } from '../db/migrate';
import { withDatabase } from './global-setup';

/*
 * The primary (5440), its streaming replica (5441) and PgBouncer (6440) that tools/pg-replica.sh sets up
 * on this machine (.ci/run starts them before the PostgreSQL pass). Tests over them run on the
 * PostgreSQL pass; in CI a missing setup fails, locally it is skipped with the command to run.
 */
export type ClusterEnv = { primary: string; replica: string; bouncer: string };

export const onServerPass = () => !!inject('testDatabaseUrl');

export function clusterEnv(): ClusterEnv | null {
  const e = process.env;
  if (!e.REPLICA_TEST_PRIMARY_URL || !e.REPLICA_TEST_REPLICA_URL || !e.PGBOUNCER_TEST_URL) return null;
  return { primary: e.REPLICA_TEST_PRIMARY_URL, replica: e.REPLICA_TEST_REPLICA_URL, bouncer: e.PGBOUNCER_TEST_URL };
}

const HOW = 'run `bash tools/pg-replica.sh up` and export what it prints (REPLICA_TEST_PRIMARY_URL, REPLICA_TEST_REPLICA_URL, PGBOUNCER_TEST_URL)';

/** When the clusters are not set up: a failing test in CI, a loud skip elsewhere. Returns true if so. */
export function missingClusters(what: string): boolean {
  if (clusterEnv()) return false;
  if (process.env.CI) {
    it(`${what}: the replica clusters are set up`, () => {
      expect.fail(`${what} needs the test clusters: ${HOW}`);
    });
  } else {
    console.warn(`\n*** ${what} SKIPPED: no test clusters; ${HOW} ***\n`);
    it.skip(`${what} (no test clusters: ${HOW})`, () => {});
  }
  return true;
}

/**
 * A fresh database on the primary, migrated through `migrateVia` (the primary itself, or PgBouncer in
 * front of it); dropped by the returned function.
 */
export async function freshDatabase(primaryUrl: string, prefix: string, migrateVia = primaryUrl): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const db = await openPostgres(withDatabase(migrateVia, name));
  await migrate(db);
  await db.close();
  return {
    name,
    async drop() {
      const c = new pg.Client({ connectionString: primaryUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Opens the replica's copy of a database once the replica has replayed its creation. */
export async function openOnReplica(replicaUrl: string, name: string, timeoutMs = 20_000): Promise<RootDb> {
  const start = Date.now();
  for (;;) {
    const db = await openPostgres(withDatabase(replicaUrl, name));
    try {
      await db.query('select 1');
      return db;
    } catch (err) {
      await db.close();
      if (Date.now() - start > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Waits until the replica has replayed everything the primary has written so far; returns the wait in ms. */
export async function replayed(primary: Db, replica: Db, timeoutMs = 10_000): Promise<number> {
  const [{ lsn }] = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
  const start = Date.now();
  for (;;) {
    const [{ done }] = await replica.query<{ done: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]);
    if (done) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`the replica did not replay ${lsn} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
