// Starts the product for browser tests on a fresh database: a new PostgreSQL database when
// DATABASE_URL is set, else a new embedded data directory. Demo data loads on first start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Databases left by earlier runs go first; those of the last hour may belong to a run still going.
  const old = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'doanket_e2e_%'`);
  for (const { datname } of old.rows) {
    if (Date.now() - Number(datname.split('_')[2]) > 3600_000) await admin.query(`drop database if exists ${datname} with (force)`);
  }
  const name = `doanket_e2e_${Date.now()}_${process.env.PORT ?? 0}`; // two workers may start in the same millisecond
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = '/' + name;
  process.env.DATABASE_URL = u.toString();
} else {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-e2e-'));
}
process.env.LOG = '0';
// Shedding public requests when the event loop is late (on by default on a server database) would
// refuse a test's public page at random on a busy CI runner; the browser tests check pages, and
// admission.test.ts and the spike bench check the shedding.
process.env.PUBLIC_MAX_LOOP_DELAY_MS ??= '0';
await import('../tools/start');
