// Each Playwright worker runs its own product (e2e/serve.ts: a fresh database with the demo) on its own
// ports, so the spec files that run side by side never see each other's writes; within a worker they run
// one after another, as they did with one server. Playwright's `webServer` starts one server for all
// workers, hence this worker fixture.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { CSP_REPORT_FILE } from './csp-check';

export { expect, type Locator, type Page } from '@playwright/test';

const BASE_PORT = Number(process.env.E2E_PORT ?? 3210);
const root = path.resolve(import.meta.dirname, '..');

export type Server = { url: string; smtpPort: number; log: string };
/** The project's database: '' for the embedded one, else a PostgreSQL server's URL (serve.ts makes a fresh database on it). */
export type DatabaseOption = { database: string };

async function ready(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the test server exited (${child.exitCode}); see ${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the test server did not answer within 5 minutes; see ${log}`);
}

export const test = base.extend<object, DatabaseOption & { server: Server }>({
  database: ['', { scope: 'worker', option: true }],
  server: [
    async ({ database }, use, worker) => {
      // parallelIndex is reused by a worker that replaces a failed one, so ports stay within the range.
      const port = BASE_PORT + 100 * worker.parallelIndex;
      const smtpPort = port + 25;
      const log = path.join(root, `.tmp/e2e-server-${worker.parallelIndex}.log`);
      fs.mkdirSync(path.dirname(log), { recursive: true });
      const out = fs.openSync(log, 'w');
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.DATABASE_URL;
      if (database) env.DATABASE_URL = database;
      const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/serve.ts'], {
        cwd: root,
        stdio: ['ignore', out, out],
        env: {
          ...env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DEMO_PASSWORD: 'doanket2026',
          CSP_REPORT_FILE,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          NOTIFY_POLL_MS: '500',
        },
      });
      const url = `http://127.0.0.1:${port}`;
      try {
        await ready(url, child, log);
        await use({ url, smtpPort, log });
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
        fs.closeSync(out);
      }
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
});
