// The web app's build, made when it is missing or older than its sources (`npm start`, the bundle guard).
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

export const root = path.resolve(import.meta.dirname, '..');
export const webDist = path.join(root, 'apps/web/dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app unless apps/web/dist is newer than every source file. */
export function ensureWebBuild(): void {
  const index = path.join(webDist, 'index.html');
  const sources = [path.join(root, 'apps/web/src'), path.join(root, 'packages/contract/src')].filter(fs.existsSync);
  const stale = !fs.existsSync(index) || sources.some((d) => newestMtime(d) > fs.statSync(index).mtimeMs);
  if (stale && fs.existsSync(path.join(root, 'apps/web/vite.config.ts'))) {
    console.log('Đang dựng giao diện web… / Building the web app…');
    execSync('npx vite build --config apps/web/vite.config.ts', { cwd: root, stdio: 'inherit' });
  }
}
