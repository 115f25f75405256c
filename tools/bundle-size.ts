// `npm run check:bundle`: the JavaScript a first visit downloads before anything shows (the entry
// script index.html names and the chunks it preloads), gzipped, must stay under the limit: a village
// board head opens the app on a cheap phone over a slow link. The stylesheet is counted apart.
// Run after the browser tests in `npm test` (they build the app; a fresh build is reused).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ensureWebBuild, webDist } from './web-build';

/** The limit on the first load's JavaScript, gzipped (README, "Adding a module", step 7). */
export const FIRST_LOAD_LIMIT_KB = 115;

/** The files index.html loads at once: scripts (the entry and its preloaded chunks) and stylesheets. */
export function firstLoadFiles(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return { scripts, styles };
}

const gzipKb = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(webDist, file))).length / 1000;

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureWebBuild();
  const { scripts, styles } = firstLoadFiles(fs.readFileSync(path.join(webDist, 'index.html'), 'utf8'));
  const js = scripts.reduce((n, f) => n + gzipKb(f), 0);
  const css = styles.reduce((n, f) => n + gzipKb(f), 0);
  for (const f of [...scripts, ...styles]) console.log(`${f.padEnd(40)} ${gzipKb(f).toFixed(1).padStart(6)} kB gzip`);
  console.log(`Tải lần đầu / first load: JavaScript ${js.toFixed(1)} kB gzip (giới hạn / limit ${FIRST_LOAD_LIMIT_KB} kB), CSS ${css.toFixed(1)} kB`);
  if (js > FIRST_LOAD_LIMIT_KB) {
    console.error(`Quá giới hạn / over the limit by ${(js - FIRST_LOAD_LIMIT_KB).toFixed(1)} kB: move what the first screen does not need into a lazy chunk.`);
    process.exit(1);
  }
}
