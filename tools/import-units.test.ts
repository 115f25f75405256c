import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI on an embedded database of its own (never the run's shared server database).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-units-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/import-units.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '..'),
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir },
  });
  return { code: r.status, out: r.stdout + r.stderr };
};

describe('npm run import:units', () => {
  it('imports a dataset into DATA_DIR, then skips it the second time', () => {
    const first = run('--dataset', 'bac-giang-2020-2025');
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/created: 234 units/);
    const again = run('--dataset=bac-giang-2020-2025');
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/created: 0 units/);
    expect(again.out).toMatch(/skipped: 24/);
  }, 180_000);

  it('refuses bad arguments, and a data directory another process holds', () => {
    expect(run('--dataset', 'khac').code).toBe(2);
    fs.writeFileSync(path.join(dir, 'server.lock'), String(process.pid));
    try {
      const locked = run('--dataset', 'reform-2025-07-01', '--province', '24');
      expect(locked.code).toBe(1);
      expect(locked.out).toContain('in use by process');
    } finally {
      fs.rmSync(path.join(dir, 'server.lock'));
    }
  }, 120_000);
});
