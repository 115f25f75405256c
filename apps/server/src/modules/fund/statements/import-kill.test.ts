import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openPglite, openPostgres, type RootDb } from '../../../db/db';
import { makeWorld } from '../../../test/factories';
import { makeStatementCampaign } from './fixtures';

const CHILD = path.resolve(import.meta.dirname, 'import-child.ts');
const ALL_ROWS = 42493; // the Agribank statement (import-child.ts)

/** Runs the importer in another process; `killAt` kills it with SIGKILL once that many rows are written (uncommitted). */
function runChild(campaignId: number, env: Record<string, string>, killAt?: number): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, String(campaignId)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = [...out.matchAll(/progress writing (\d+)/g)].at(-1);
      if (killAt !== undefined && !killed && m && Number(m[1]) >= killAt) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve({ killed, out });
      else if (code === 0) resolve({ killed, out });
      else reject(new Error(`child failed (${code ?? signal}): ${err}`));
    });
  });
}

async function counts(db: RootDb, campaignId: number) {
  const [r] = await db.query<{ n: number; s: number; imports: number; entries: number }>(
    `select (select count(*) from fund_donations where campaign_id = $1)::int as n,
            (select coalesce(sum(amount), 0) from fund_donations where campaign_id = $1)::bigint as s,
            (select count(*) from fund_statement_imports where campaign_id = $1)::int as imports,
            (select count(*) from fund_entries e where exists (select 1 from fund_entry_lines l join fund_accounts a on a.id = l.account_id
               where l.entry_id = e.id and a.campaign_id = $1))::int as entries`,
    [campaignId],
  );
  return r;
}

describe('killing the server in the middle of an import', () => {
  it('leaves all of it or none of it', async () => {
    const url = inject('testDatabaseUrl');
    let dir = '';
    let open: () => Promise<RootDb>;
    let env: Record<string, string>;
    if (url) {
      open = () => openPostgres(url);
      env = { CHILD_DATABASE_URL: url };
    } else {
      // PGlite: a database on disk that the child opens after we close it (one process per data directory).
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dk-kill-'));
      const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
      const first = await openPglite(dir, template);
      await first.close();
      open = () => openPglite(dir);
      env = { CHILD_PGLITE_DIR: dir };
    }
    let db = await open();
    const w = await makeWorld(db);
    const { campaignId } = await makeStatementCampaign(db, w.A);
    if (!url) await db.close();

    const killed = await runChild(campaignId, env, 10_000);
    expect(killed.killed).toBe(true);
    expect(killed.out).toMatch(/progress writing 10000/);
    if (!url) db = await open();
    expect(await counts(db, campaignId)).toEqual({ n: 0, s: 0, imports: 0, entries: 0 });
    if (!url) await db.close();

    const full = await runChild(campaignId, env);
    expect(full.out).toContain(`done ${ALL_ROWS}`);
    if (!url) db = await open();
    expect(await counts(db, campaignId)).toMatchObject({ n: ALL_ROWS, s: 43_553_107_197, imports: 1 });
    await db.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
