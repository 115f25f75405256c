// The e2e suite fails on any Content Security Policy violation. The server appends every report the
// browser sends (report-uri) to CSP_REPORT_FILE; global setup empties it, global teardown fails the run
// when it holds anything. watchCsp() also catches a violation inside the test that caused it.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const CSP_REPORT_FILE = path.resolve(import.meta.dirname, '../.tmp/e2e-csp-reports.jsonl');

export function resetCspReports(): void {
  fs.mkdirSync(path.dirname(CSP_REPORT_FILE), { recursive: true });
  fs.writeFileSync(CSP_REPORT_FILE, '');
}

export function cspReports(): string[] {
  return fs.existsSync(CSP_REPORT_FILE) ? fs.readFileSync(CSP_REPORT_FILE, 'utf8').split('\n').filter(Boolean) : [];
}

/** Collects the page's CSP violations (the DOM event and Chromium's console message); call the result to assert none. */
export async function watchCsp(page: Page): Promise<() => void> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|CSP violation/i.test(m.text())) seen.push(m.text());
  });
  return () => expect(seen, 'CSP violations').toEqual([]);
}
