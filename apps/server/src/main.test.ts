import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openPglite } from './db/db';
import { migrate } from './db/migrate';

/** Starts the server on a data directory, returns what it printed once it listens, and stops it. */
function startAndStop(dataDir: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '31698', HOST: '127.0.0.1', LOG: '0', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start: ${out}`));
    }, 200_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('running at')) setTimeout(() => child.kill('SIGTERM'), 200);
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

describe('server start', () => {
  it('does not print the demo password when it starts on existing data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-main-'));
    try {
      const db = await openPglite(dir);
      await migrate(db);
      await db.query(`insert into users (username, display_name, password_hash, role) values ('admin', 'A', 'x', 'admin')`);
      await db.close();
      const out = await startAndStop(dir, { DEMO_PASSWORD: 'bi-mat-demo-16' });
      expect(out).toContain('running at');
      expect(out).not.toContain('bi-mat-demo-16');
      expect(out).not.toMatch(/demo accounts/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
