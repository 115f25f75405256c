// `npm run backup -- [--out FILE]` and `npm run restore -- FILE`: the database the server uses
// (DATABASE_URL — MIGRATION_DATABASE_URL when set, the owner — else PGlite in DATA_DIR). See README "Backups".
import path from 'node:path';
import { loadConfig } from '../apps/server/src/config';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from '../apps/server/src/db/backup';

const [mode, ...args] = process.argv.slice(2);
const config = loadConfig();
const url = process.env.MIGRATION_DATABASE_URL || config.databaseUrl;
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

try {
  if (mode === 'backup') {
    const i = args.indexOf('--out');
    const file = path.resolve(i >= 0 ? args[i + 1] : path.join('backups', `doanket-${stamp}.${url ? 'dump' : 'tar.gz'}`));
    if (url) await backupPostgres(url, file);
    else await backupPglite(config.dataDir, file);
    console.log(`Đã sao lưu / backed up to ${file}`);
  } else if (mode === 'restore') {
    const file = args[0];
    if (!file) throw new Error('Cần tệp sao lưu / usage: npm run restore -- FILE');
    if (url) await restorePostgres(url, path.resolve(file));
    else {
      const aside = await restorePglite(config.dataDir, path.resolve(file));
      if (aside) console.log(`Dữ liệu cũ được giữ tại / the previous data was kept at ${aside}`);
    }
    console.log(`Đã khôi phục / restored from ${file}`);
  } else throw new Error('usage: tsx tools/backup.ts backup|restore');
} catch (err) {
  console.error(`Lỗi / failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
