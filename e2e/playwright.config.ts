import { defineConfig, devices } from '@playwright/test';
import { CSP_REPORT_FILE } from './csp-check';

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** A real SMTP server the citizen test starts: the product sends its mail there. */
export const SMTP_PORT = PORT + 25;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  // Any CSP violation the browser reports fails the run (csp-check.ts).
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  outputDir: '../test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'vi-VN',
    launchOptions: {
      executablePath: '/usr/lib/chromium/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: `npx tsx e2e/serve.ts`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT), HOST: '127.0.0.1', DEMO_PASSWORD: 'doanket2026', CSP_REPORT_FILE, SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, NOTIFY_POLL_MS: '500' },
    timeout: 300_000,
    reuseExistingServer: process.env.E2E_REUSE === '1',
    stdout: 'pipe',
  },
});
