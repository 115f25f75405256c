import { loadConfig } from './config';
import { openDatabase } from './db/open';
import { buildApp } from './app';
import { loadDemo, DEMO_ACCOUNTS } from './demo/demo';
import { assertProductionSecrets } from './platform/keys';
import { ensureStatistics } from './platform/statistics';

try {
  assertProductionSecrets(process.env);
} catch (err) {
  console.error(`Không khởi động được / Cannot start: ${(err as Error).message}`);
  process.exit(1);
}
const config = loadConfig();
const db = await openDatabase(config).catch((err: Error) => {
  // A clear line for the person at the terminal (a second server on the same data, an unreachable DB).
  console.error(`Không khởi động được / Cannot start: ${err.message}`);
  process.exit(1);
});
const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from users');
const demoLoaded = n === 0 && config.loadDemo;
if (demoLoaded) {
  console.log('Đang nạp dữ liệu mẫu… / Loading demo data…');
  const t = Date.now();
  await loadDemo(db, config.demoPassword);
  console.log(`Đã nạp dữ liệu mẫu trong ${((Date.now() - t) / 1000).toFixed(1)} s / Demo data loaded.`);
}
// A data directory loaded before statistics were refreshed after bulk loads, or by an older tool.
const analyzed = await ensureStatistics(db);
if (analyzed.length) console.log(`Đã cập nhật thống kê cho ${analyzed.length} bảng / Planner statistics refreshed for ${analyzed.length} tables.`);
const app = await buildApp(db, config, { logger: process.env.LOG !== '0', reminders: true });
// A spike opens connections faster than they are accepted: Node's default queue (511) drops the rest,
// which then wait for TCP retries until they time out. The kernel caps it (net.core.somaxconn).
await app.listen({ port: config.port, host: config.host, backlog: Number(process.env.LISTEN_BACKLOG ?? 4096) });

console.log(`\nĐoàn Kết đang chạy tại / running at http://localhost:${config.port}  (${db.kind === 'pglite' ? `PGlite, ${config.dataDir}` : 'PostgreSQL'})`);
// The demo accounts and their password are shown once, when they are created (README lists them too).
if (demoLoaded) {
  console.log(`Tài khoản mẫu / demo accounts (mật khẩu / password: ${config.demoPassword}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(24)} ${a.description}`);
}

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await db.close();
    process.exit(0);
  });
}
