import { ensureWebBuild } from '../tools/web-build';
import { resetCspReports } from './csp-check';

export default function globalSetup(): void {
  resetCspReports();
  // Built once here: the workers' servers start side by side and would each build it.
  ensureWebBuild();
}
