// Migration 0014 on a database holding reports made the old way (issued at once, or blocked): issued
// reports keep their number, files and publication; versions are numbered per period; a blocked job
// (which kept no figures) is computed again into a draft.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openPglite, openPostgres, type RootDb } from '../../db/db';
import { migrationFiles } from '../../db/migrate';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '../../db/migrations');
const apply = async (db: RootDb, files: string[]) => {
  for (const f of files) await db.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
};

let db: RootDb;
let dropDb = async () => {};

beforeAll(async () => {
  const url = inject('testDatabaseUrl');
  if (!url) db = await openPglite(undefined);
  else {
    const name = `${new URL(url).pathname.slice(1)}_mig14_${process.pid}_${Date.now()}`;
    const admin = await openPostgres(url);
    await admin.query(`create database ${name}`);
    await admin.close();
    const u = new URL(url);
    u.pathname = '/' + name;
    db = await openPostgres(u.toString());
    dropDb = async () => {
      const a = await openPostgres(url);
      await a.query(`drop database if exists ${name} with (force)`);
      await a.close();
    };
  }
  await apply(
    db,
    migrationFiles().filter((f) => f < '0014'),
  );
}, 120_000);
afterAll(async () => {
  await db?.close();
  await dropDb();
});

describe('migration 0014 (report lifecycle)', () => {
  it('keeps issued reports and their publication, numbers versions per period, and recomputes blocked jobs as drafts', async () => {
    const [{ id: unit }] = await db.query<{ id: number }>(`insert into units (code, level, kind, valid_from) values ('M14', 'district', 'district', '2019-01-01') returning id`);
    const job = async (status: string, from = '2024-01-01', to = '2024-03-31') =>
      (
        await db.query<{ id: number }>(
          `insert into report_jobs (template, unit_id, period_from, period_to, scope_date, status, progress, findings)
       values ('quarterly', $1, $2, $3, $3, $4, 100, $5) returning id`,
          [unit, from, to, status, status === 'blocked' ? '[{"kind":"sum"}]' : '[]'],
        )
      ).at(0)!.id;
    const first = await job('issued');
    const second = await job('issued'); // the old bug: the same quarter issued twice
    const blocked = await job('blocked');
    const other = await job('issued', '2024-04-01', '2024-06-30');
    for (const [j, n] of [
      [first, 1],
      [second, 2],
      [other, 3],
    ]) {
      await db.query(
        `insert into report_issues (job_id, unit_id, template, period_from, period_to, year, number, symbol, issued_on, docx, docx_sha256, xlsx, xlsx_sha256, figures)
         select id, unit_id, template, period_from, period_to, 2024, $2::int, $2::int || '/BC-MTTQ', '2024-07-01', '\\x00', 'a', '\\x00', 'b', '{}' from report_jobs where id = $1`,
        [j, n],
      );
    }
    await db.query(`insert into report_publications (issue_id) select id from report_issues where job_id = $1`, [first]);

    await apply(
      db,
      migrationFiles().filter((f) => f.startsWith('0014')),
    );

    const rows = await db.query<{ id: number; status: string; version: number; findings: unknown[] }>('select id, status, version, findings from report_jobs order by id');
    expect(rows).toEqual([
      { id: first, status: 'issued', version: 1, findings: [] },
      { id: second, status: 'issued', version: 2, findings: [] },
      { id: blocked, status: 'queued', version: 3, findings: [{ kind: 'sum' }] },
      { id: other, status: 'issued', version: 1, findings: [] },
    ]);
    const issues = await db.query<{ job_id: number; symbol: string }>('select job_id, symbol from report_issues order by job_id');
    expect(issues.map((r) => r.symbol)).toEqual(['1/BC-MTTQ', '2/BC-MTTQ', '3/BC-MTTQ']);
    const [p] = await db.query<{ unpublished_at: string | null }>('select unpublished_at from report_publications');
    expect(p.unpublished_at).toBeNull();
    await expect(db.query(`update report_jobs set status = 'blocked' where id = $1`, [first])).rejects.toThrow(/check/);
  });
});
