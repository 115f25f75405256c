// `npm run bench -- smoke [--only pglite|postgres] [--rounds N]`: the product as a newcomer starts it
// (`tools/start.ts` on a fresh data directory, or a fresh database on the PostgreSQL server when
// DATABASE_URL is set, the demo loaded by the product itself), every public and staff hot path over real
// HTTP, p50/p95 against the goals: first with the public cache off (PUBLIC_CACHE=0, what an uncached
// visitor waits for), then started again with it on. Information, never a failure: the exit code is 0
// whatever the timings (a wrong flag or a product that does not start is an error).
import fs from 'node:fs';
import path from 'node:path';
import { formatRows, hotPaths, type PathRow } from './hot-paths';
import { benchPort, startProduct } from './started';
import { loadAvg, machine } from './report';
import { log, parseBenchArgs, step, UsageError } from './cli';
import type { BenchDb } from './databases';

type Run = { kind: BenchDb['kind']; startSeconds: number; demoSeconds: number | null; uncached: PathRow[]; cached: PathRow[]; seconds: number; loadAvgAfter: number[] };

export async function main(argv: string[]): Promise<void> {
  const args = parseBenchArgs(argv, { rounds: 20 });
  if (args.rounds < 3) throw new UsageError('--rounds takes an integer ≥ 3');
  // Like `npm start`: the server database when DATABASE_URL is set, else the embedded one.
  const kinds: Array<BenchDb['kind']> = args.only ? [args.only] : [process.env.DATABASE_URL ? 'postgres' : 'pglite'];
  const m = machine();
  log(`Đoàn Kết — smoke benchmark of the product as started (demo data, HTTP), ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}; load average ${m.loadAvg.join(' / ')} (1/5/15 min)`);
  const runs: Run[] = [];
  for (const kind of kinds) {
    const t0 = performance.now();
    const first = await startProduct(kind, benchPort(), { PUBLIC_CACHE: '0' });
    if ('error' in first) {
      log(`=== PostgreSQL server — SKIPPED: unreachable (${first.error})`);
      continue;
    }
    let current = first;
    try {
      log('');
      log(
        `=== ${kind === 'pglite' ? 'PGlite (embedded), as `npm start` runs it' : 'PostgreSQL server, as `DATABASE_URL=… npm start` runs it'} — started with the demo in ${first.startSeconds.toFixed(1)} s` +
          (first.demoSeconds ? ` (demo load ${first.demoSeconds.toFixed(1)} s)` : ''),
      );
      step(`${kind}: hot paths, public cache off`);
      const uncached = await hotPaths(current.base, '(cache off)', { rounds: args.rounds });
      log('Public cache off (PUBLIC_CACHE=0):');
      log(formatRows(uncached));
      current = await current.restart({ PUBLIC_CACHE: '1' });
      step(`${kind}: public paths, cache on`);
      const cached = await hotPaths(current.base, '(cache on)', { rounds: args.rounds, modules: ['fund'] });
      log('Public cache on (the default), started again on the same data:');
      log(formatRows(cached));
      const run: Run = {
        kind,
        startSeconds: first.startSeconds,
        demoSeconds: first.demoSeconds,
        uncached,
        cached,
        seconds: (performance.now() - t0) / 1000,
        loadAvgAfter: loadAvg(),
      };
      runs.push(run);
      const missed = uncached.filter((r) => !r.pass).map((r) => r.path);
      log(
        `Goals as started (cache off): ${missed.length ? `MISSED ${missed.length}: ${missed.join('; ')}` : 'all met'}; ` +
          `run took ${run.seconds.toFixed(0)} s; load average after ${run.loadAvgAfter.join(' / ')}`,
      );
    } finally {
      await current.stop();
    }
  }
  const file = path.resolve('.tmp/bench-smoke.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, runs }, null, 2));
  log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}
