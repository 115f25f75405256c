// `npm start`: build the web app if it is missing or older than its sources, then run the server.
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'apps/web/src'), path.join(root, 'packages/contract/src')].filter(fs.existsSync);
const stale = !fs.existsSync(dist) || sources.some((d) => newestMtime(d) > fs.statSync(dist).mtimeMs);
if (stale && fs.existsSync(path.join(root, 'apps/web/vite.config.ts'))) {
  console.log('Đang dựng giao diện web… / Building the web app…');
  execSync('npx vite build --config apps/web/vite.config.ts', { cwd: root, stdio: 'inherit' });
}
await import('../apps/server/src/main');
