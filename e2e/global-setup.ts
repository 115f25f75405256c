import { resetCspReports } from './csp-check';

export default function globalSetup(): void {
  resetCspReports();
}
