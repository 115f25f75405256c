import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { demoTemplate } from '../test/db';
import { withDatabase } from '../test/global-setup';
import { backupPglite, backupPostgres, restorePglite, restorePostgres, tableFingerprints } from './backup';
import { openPglite, openPostgres } from './db';
import { migrate } from './migrate';

// npm run backup / restore, round trip on the database this run uses: the demo world is dumped,
// restored elsewhere, and every table compared row for row (the demo: a copy of the run's, test/db.ts); the append-only triggers come back too.
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-backup-'));

describe('backup and restore', () => {
  it('round-trips every table of the demo world and keeps the audit trail append-only', async () => {
    const url = inject('testDatabaseUrl');
    const dir = tmp();
    if (url) {
      const admin = await openPostgres(url);
      const [src, dst] = [`bk_src_${process.pid}_${Date.now()}`, `bk_dst_${process.pid}_${Date.now()}`];
      await admin.exec(`create database ${src} template ${(await demoTemplate()).database}`);
      await admin.exec(`create database ${dst}`);
      try {
        const a = await openPostgres(withDatabase(url, src));
        const before = await tableFingerprints(a);
        await a.close();
        await backupPostgres(withDatabase(url, src), path.join(dir, 'x.dump'));
        await restorePostgres(withDatabase(url, dst), path.join(dir, 'x.dump'));
        const b = await openPostgres(withDatabase(url, dst));
        try {
          expect(await tableFingerprints(b)).toEqual(before);
          await expect(b.query('delete from audit_log')).rejects.toThrow(/AUDIT_APPEND_ONLY/);
        } finally {
          await b.close();
        }
        expect(Object.keys(before).length).toBeGreaterThan(40);
      } finally {
        await admin.exec(`drop database if exists ${src} with (force)`);
        await admin.exec(`drop database if exists ${dst} with (force)`);
        await admin.close();
      }
    } else {
      const a = await openPglite(path.join(dir, 'a'), new Blob([fs.readFileSync((await demoTemplate()).file)]));
      const before = await tableFingerprints(a);
      await a.close();
      const file = path.join(dir, 'x.tar.gz');
      await backupPglite(path.join(dir, 'a'), file);
      // Into an existing data directory: the old database is kept aside, not lost.
      const existing = await openPglite(path.join(dir, 'b'));
      await migrate(existing);
      await existing.close();
      const aside = await restorePglite(path.join(dir, 'b'), file);
      expect(aside && fs.existsSync(aside)).toBe(true);
      const b = await openPglite(path.join(dir, 'b'));
      try {
        expect(await tableFingerprints(b)).toEqual(before);
        await expect(b.query('delete from audit_log')).rejects.toThrow(/AUDIT_APPEND_ONLY/);
      } finally {
        await b.close();
      }
      expect(Object.keys(before).length).toBeGreaterThan(40);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);

  it('a backup of the embedded database is refused while a server holds its data directory', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'pg'));
    fs.writeFileSync(path.join(dir, 'server.lock'), '1'); // a live process that is not this one
    try {
      await expect(backupPglite(dir, path.join(dir, 'x.tar.gz'))).rejects.toThrow(/in use by process 1/);
      expect(fs.existsSync(path.join(dir, 'x.tar.gz'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
