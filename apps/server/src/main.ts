import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config';
import { openDatabase } from './db/open';
import type { RootDb } from './db/db';
import { buildApp } from './app';
import { loadDemo, DEMO_ACCOUNTS } from './demo/demo';
import { assertProductionSecrets } from './platform/keys';
import { ensureStatistics } from './platform/statistics';

const fail = (message: string): never => {
  console.error(`Không khởi động được / Cannot start: ${message}`);
  process.exit(1);
};

try {
  assertProductionSecrets(process.env);
} catch (err) {
  fail((err as Error).message);
}
const config = loadConfig();
if (config.workers > 1 && !config.databaseUrl) {
  fail(
    `WORKERS=${config.workers} cần máy chủ PostgreSQL (DATABASE_URL): PGlite là cơ sở dữ liệu nhúng của một tiến trình. / ` +
      `WORKERS=${config.workers} needs a PostgreSQL server (DATABASE_URL): PGlite is one process's embedded database.`,
  );
}

/** Migrations, the demo and planner statistics: once, before any process serves. */
async function prepare(): Promise<{ db: RootDb; demoLoaded: boolean }> {
  // A clear line for the person at the terminal (a second server on the same data, an unreachable DB).
  const db = await openDatabase(config).catch((err: Error) => fail(err.message));
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
  return { db, demoLoaded };
}

/** One serving process: the app over its own connections, stopped cleanly by SIGINT/SIGTERM. */
async function serve(db: RootDb): Promise<void> {
  const app = await buildApp(db, config, { logger: process.env.LOG !== '0', reminders: true, listen: db });
  // A spike opens connections faster than they are accepted: Node's default queue (511) drops the rest,
  // which then wait for TCP retries until they time out. The kernel caps it (net.core.somaxconn).
  await app.listen({ port: config.port, host: config.host, backlog: Number(process.env.LISTEN_BACKLOG ?? 4096) });
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
}

function banner(demoLoaded: boolean, processes: string) {
  const database = !config.databaseUrl ? `PGlite, ${config.dataDir}` : config.databaseReplicaUrl ? 'PostgreSQL, public reads from the replica' : 'PostgreSQL';
  console.log(`\nĐoàn Kết đang chạy tại / running at http://localhost:${config.port}  (${database}${processes})`);
  // The demo accounts and their password are shown once, when they are created (README lists them too).
  if (demoLoaded) {
    console.log(`Tài khoản mẫu / demo accounts (mật khẩu / password: ${config.demoPassword}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(24)} ${a.description}`);
  }
}

if (cluster.isWorker) {
  // A worker of WORKERS=N: the primary has migrated; node:cluster shares the port among the workers.
  const db = await openDatabase(config, undefined, { migrate: false }).catch((err: Error) => fail(err.message));
  await serve(db);
  process.send?.('listening');
} else if (config.workers === 1) {
  const { db, demoLoaded } = await prepare();
  await serve(db);
  banner(demoLoaded, '');
} else {
  const { db, demoLoaded } = await prepare();
  await db.close();
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url) });
  let stopping = false;
  let listening = 0;
  const fork = () => {
    const w = cluster.fork();
    let up = false;
    w.on('message', (m) => {
      if (m !== 'listening' || up) return;
      up = true;
      if (++listening === config.workers) banner(demoLoaded, `, ${config.workers} tiến trình / processes`);
    });
    w.on('exit', (code, signal) => {
      if (stopping) return;
      // A worker that never served has a start problem (it printed why): do not loop on it.
      if (!up) {
        stopping = true;
        for (const o of Object.values(cluster.workers ?? {})) o?.process.kill('SIGTERM');
        fail(`một tiến trình con dừng khi khởi động / a worker stopped while starting (${code ?? signal})`);
      }
      listening--;
      console.error(`Tiến trình ${w.process.pid} đã dừng (${code ?? signal}); khởi động lại / Worker ${w.process.pid} stopped; starting another.`);
      setTimeout(fork, 1000);
    });
  };
  for (let i = 0; i < config.workers; i++) fork();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      let left = workers.length;
      if (!left) process.exit(0);
      for (const w of workers) {
        w?.on('exit', () => {
          if (--left === 0) process.exit(0);
        });
        w?.process.kill('SIGTERM');
      }
    });
  }
}
