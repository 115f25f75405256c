import { defineConfig, devices } from '@playwright/test';
import type { DatabaseOption } from './fixtures';

// The browser tests run on the embedded database and, when DATABASE_URL names a PostgreSQL server, then on
// that server: one project each, the second depending on the first. Each worker starts its own product
// (fixtures.ts).
const server = process.env.DATABASE_URL;
const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } };
const projects = [
  { name: 'pglite', use: { ...desktop, database: '' } },
  ...(server ? [{ name: 'postgres', use: { ...desktop, database: server }, dependencies: ['pglite'] }] : []),
];

export default defineConfig<DatabaseOption>({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // A spec file's tests run in order in one worker; two workers, each with its own product.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  // Any CSP violation the browser reports fails the run (csp-check.ts).
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  outputDir: '../test-results',
  use: {
    locale: 'vi-VN',
    launchOptions: {
      executablePath: '/usr/lib/chromium/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects,
});
