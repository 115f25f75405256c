import { cspReports } from './csp-check';

/** Fails the run when the browser reported any CSP violation during it. */
export default function globalTeardown(): void {
  const reports = cspReports();
  if (reports.length) throw new Error(`CSP violations reported by the browser (${reports.length}):\n${reports.join('\n')}`);
}
