// `npm run bench`: the foundation benchmark on embedded PGlite and on the PostgreSQL server.
// Flags: --only pglite|postgres, --villages N (default 100000). Results also go to .tmp/bench-foundation.json.
// `npm run bench -- <suite> [flags]` runs a module's benchmark instead (see SUITES).
import fs from 'node:fs';
import path from 'node:path';
import { buildWorld, type World } from './hierarchy';
import { loadWorld } from './load';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { accessSuite, metricSuite, subtreeSuite, type Budget } from './suites';
import { changeSuite } from './change';
import { formatDb, goals, loadAvg, machine, type DbResult } from './report';
import { log, parseBenchArgs, step, UsageError } from './cli';

const BUDGETS: Record<BenchDb['kind'], Budget> = {
  postgres: { fast: 1000, naiveFast: 1000, http: 500, warmup: 50, metricRuns: 20, metricSample: 200, changeRuns: 6 },
  // PGlite runs single-threaded in WebAssembly: fewer iterations keep the whole run near 10 minutes.
  pglite: { fast: 500, naiveFast: 300, http: 300, warmup: 30, metricRuns: 5, metricSample: 200, changeRuns: 3 },
};

function parseArgs(argv: string[]) {
  const args = parseBenchArgs(argv, { villages: 100_000 });
  if (args.villages < 1000) throw new UsageError('--villages takes an integer ≥ 1000');
  return args;
}

async function benchOne(bench: BenchDb, world: World): Promise<DbResult> {
  const t0 = performance.now();
  const budget = BUDGETS[bench.kind];
  step(`${bench.kind}: loading ${world.counts.units} units`);
  const load = await loadWorld(bench.db, world);
  step(`${bench.kind}: subtree`);
  const subtree = await subtreeSuite(bench.db, world, budget);
  step(`${bench.kind}: access check and HTTP`);
  const access = await accessSuite(bench.db, world, budget);
  step(`${bench.kind}: metrics`);
  const metrics = await metricSuite(bench.db, world, budget);
  step(`${bench.kind}: unit changes`);
  const changes = await changeSuite(bench.db, world, budget.changeRuns);
  const rows = [...subtree, ...access, ...changes];
  return {
    kind: bench.kind,
    version: bench.version,
    migration: bench.migration,
    world: world.counts,
    load,
    rows,
    metrics,
    goals: bench.kind === 'postgres' ? goals(rows, metrics) : [],
    totalSeconds: (performance.now() - t0) / 1000,
    loadAvgAfter: loadAvg(),
  };
}

// Each module's benchmark lives in its own file and exports `main(argv)`.
const SUITES: Record<string, () => Promise<{ main: (argv: string[]) => Promise<void> }>> = {
  fund: () => import('./fund'),
  petitions: () => import('./petitions'),
  households: () => import('./households'),
  targets: () => import('./targets'),
  reports: () => import('./reports'),
  smoke: () => import('./smoke'),
  oversight: () => import('./oversight'),
  directives: () => import('./directives'),
  movements: () => import('./movements'),
  spike: () => import('./spike'),
  partition: () => import('./partition'),
  kysely: () => import('./kysely'),
};

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] && !argv[0].startsWith('-')) {
    const load = SUITES[argv[0]];
    if (!load) throw new UsageError(`unknown suite ${argv[0]} (use one of: ${Object.keys(SUITES).join(', ')}, or no suite for the foundation)`);
    return (await load()).main(argv.slice(1));
  }
  const { only, villages } = parseArgs(argv);
  const m = machine();
  log(`Đoàn Kết — foundation benchmark, ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}; load average ${m.loadAvg.join(' / ')} (1/5/15 min)`);
  const world = buildWorld(villages);
  const results: DbResult[] = [];
  const skipped: Array<{ kind: string; reason: string }> = [];
  const kinds: Array<BenchDb['kind']> = only ? [only] : ['postgres', 'pglite'];
  for (const kind of kinds) {
    log('');
    let bench: BenchDb;
    if (kind === 'postgres') {
      step(`postgres: creating a fresh database on ${redact(serverUrl())}`);
      const opened = await openBenchPostgres();
      if ('error' in opened) {
        const reason = `PostgreSQL server unreachable (${opened.error}); set BENCH_DATABASE_URL or DATABASE_URL. Continuing without it.`;
        log(`=== PostgreSQL server — SKIPPED: ${reason}`);
        skipped.push({ kind, reason });
        continue;
      }
      bench = opened;
    } else {
      step('pglite: creating an in-memory database');
      bench = await openBenchPglite();
    }
    try {
      const r = await benchOne(bench, world);
      results.push(r);
      log(formatDb(r));
    } finally {
      await bench.cleanup();
    }
  }
  const file = path.resolve('.tmp/bench-foundation.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, villages, budgets: BUDGETS, results, skipped }, null, 2));
  log('');
  log(`Results written to ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exitCode = 1;
});
