// `npm run bench -- targets [--only pglite|postgres] [--runs N] [--sample N]`: all 16 targets for every unit
// of a province-size synthetic world (targets-data.ts) for one year, computed in one batch
// (evaluateTargets: one query per metric and year), against the naive loop that evaluates one unit at a
// time (extrapolated from a random sample, whose answers must equal the batch's); and the term report's
// generation time on the same data (benchReports from reports.ts). Results also go to .tmp/bench-targets.json.
import fs from 'node:fs';
import path from 'node:path';
import '../../apps/server/src/modules/metrics-index';
import type { Db } from '../../apps/server/src/db/db';
import { evaluateTargets, type UnitTargets } from '../../apps/server/src/modules/targets/compute';
import { getMetric, listMetrics } from '../../apps/server/src/platform/metrics';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { loadAvg, machine } from './report';
import { prng, summarize, type Stats } from './stats';
import { buildTargetWorld, SIZE, type TargetWorld } from './targets-data';
import { parseBenchArgs, UsageError } from './cli';

const YEAR = 2025;
type Result = {
  kind: BenchDb['kind'];
  version: string;
  buildSeconds: number;
  counts: Record<string, number>;
  batch: Stats;
  queries: number;
  slowest: Array<{ key: string; ms: number }>;
  naivePerUnit: Stats;
  naiveTotalMs: number;
  sample: number;
  verdicts: Record<string, number>;
  dashboard: Stats;
  report: unknown;
  reportNote: string | null;
};

function parseArgs(argv: string[]) {
  const args = parseBenchArgs(argv, { runs: 5, sample: 60 });
  if (!(args.runs >= 1 && args.sample >= 1)) throw new UsageError('--runs and --sample take positive integers');
  return args;
}

/** Counts and times the metric queries a call makes (the SQL that places facts into units), by metric key. */
function counting(db: Db) {
  const facts = listMetrics().map((m) => {
    const sql = getMetric(m.key).facts.replaceAll(':from', '$2::date').replaceAll(':to', '$3::date');
    return { key: m.key, sql };
  });
  const times: Array<{ key: string; ms: number }> = [];
  const wrapped: Db = {
    ...db,
    query: async <T>(sql: string, params?: unknown[]) => {
      if (!sql.includes('with targets as')) return db.query<T>(sql, params);
      const t = performance.now();
      const rows = await db.query<T>(sql, params);
      times.push({ key: facts.find((f) => sql.includes(f.sql))?.key ?? '?', ms: performance.now() - t });
      return rows;
    },
  };
  return { db: wrapped, count: () => times.length, slowest: () => [...times].sort((a, b) => b.ms - a.ms).slice(0, 4) };
}

const fingerprint = (u: UnitTargets) => JSON.stringify(u.targets.map((t) => [t.number, t.status, t.value === null ? null : Math.round(t.value * 1000)]));

async function benchOne(bench: BenchDb, runs: number, sampleSize: number): Promise<Result> {
  const t0 = performance.now();
  process.stderr.write(`  … ${bench.kind}: building the synthetic province\n`);
  const w: TargetWorld = await buildTargetWorld(bench.db);
  const buildSeconds = (performance.now() - t0) / 1000;

  process.stderr.write(`  … ${bench.kind}: all targets for all ${w.all.length} units, ${runs} runs\n`);
  const c = counting(bench.db);
  let batchResult = await evaluateTargets(c.db, { unitIds: w.all, year: YEAR }); // warm-up; also the reference answers
  const queries = c.count();
  const slowest = c.slowest();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    batchResult = await evaluateTargets(bench.db, { unitIds: w.all, year: YEAR });
    samples.push(performance.now() - s);
  }
  const verdicts: Record<string, number> = {};
  for (const u of batchResult.values()) for (const t of u.targets) verdicts[t.status] = (verdicts[t.status] ?? 0) + 1;

  process.stderr.write(`  … ${bench.kind}: naive per-unit loop on a sample of ${sampleSize}\n`);
  const rand = prng(20260701);
  const pool = [...w.all];
  const sample = Array.from({ length: Math.min(sampleSize, pool.length) }, () => pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  const perUnit: number[] = [];
  for (const id of sample) {
    const s = performance.now();
    const one = (await evaluateTargets(bench.db, { unitIds: [id], year: YEAR })).get(id)!;
    perUnit.push(performance.now() - s);
    if (fingerprint(one) !== fingerprint(batchResult.get(id)!)) throw new Error(`unit ${id}: the per-unit answer differs from the batch answer`);
  }
  const naivePerUnit = summarize(perUnit);

  process.stderr.write(`  … ${bench.kind}: one district's dashboard (the district and its ${SIZE.communesPerDistrict} communes)\n`);
  const district = w.districts[0];
  const kids = (await bench.db.query<{ id: number }>('select descendant_id as id from unit_closure where ancestor_id = $1 and depth = 1', [district])).map((r) => r.id);
  const dash: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await evaluateTargets(bench.db, { unitIds: [district, ...kids], year: YEAR });
    dash.push(performance.now() - s);
  }

  let report: unknown = null;
  let reportNote: string | null;
  try {
    const { benchReports, formatReportBench } = await import('./reports');
    process.stderr.write(`  … ${bench.kind}: term report 2024–2025 of one district (reports module)\n`);
    const r = await benchReports(bench.db, { unitId: district, from: '2024-01-01', to: '2025-12-31', template: 'term', runs: Math.max(2, Math.min(runs, 3)) });
    report = r;
    reportNote = formatReportBench('Term report of a synthetic district', r);
  } catch (err) {
    reportNote = `term report not measured: ${(err as Error).message}`;
  }
  return {
    kind: bench.kind,
    version: bench.version,
    buildSeconds,
    counts: w.counts,
    batch: summarize(samples),
    queries,
    slowest,
    naivePerUnit,
    naiveTotalMs: naivePerUnit.mean * w.all.length,
    sample: sample.length,
    verdicts,
    dashboard: summarize(dash),
    report,
    reportNote,
  };
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);

function format(r: Result): string {
  const lines = [
    `=== ${r.kind === 'postgres' ? 'PostgreSQL server' : 'PGlite'} (${r.version})`,
    `world built in ${r.buildSeconds.toFixed(1)} s: ${Object.entries(r.counts)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}`,
    `all 16 targets × ${r.counts.units} units, year ${YEAR} (trend against ${YEAR - 1}): p50 ${ms(r.batch.p50)}, p95 ${ms(r.batch.p95)}, max ${ms(r.batch.max)} over ${r.batch.n} runs — ${r.queries} metric queries`,
    `  verdicts: ${Object.entries(r.verdicts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  slowest metric queries (first run; 3 at a time on the server): ${r.slowest.map((x) => `${x.key} ${ms(x.ms)}`).join(', ')}`,
    `naive loop, one unit at a time: ${ms(r.naivePerUnit.mean)} a unit (p95 ${ms(r.naivePerUnit.p95)}, sample of ${r.sample}, answers equal) → ≈ ${ms(r.naiveTotalMs)} for all units, ${(r.naiveTotalMs / r.batch.p50).toFixed(0)}× slower`,
    `one district's dashboard (district + ${SIZE.communesPerDistrict} communes): p50 ${ms(r.dashboard.p50)}, p95 ${ms(r.dashboard.p95)}`,
    r.reportNote ?? '',
  ];
  if (r.kind === 'postgres') {
    lines.push(`Goal: all targets for all units < 2 s — ${r.batch.p95 < 2000 ? 'PASS' : 'FAIL'} (p95 ${ms(r.batch.p95)})`);
    const rep = r.report as { fast?: Stats } | null;
    if (rep?.fast) lines.push(`Goal: term report < 5 s — ${rep.fast.max < 5000 ? 'PASS' : 'FAIL'} (max ${ms(rep.fast.max)})`);
  }
  return lines.filter(Boolean).join('\n');
}

export async function main(argv: string[]): Promise<void> {
  // The same module as a user starts it (as-started.ts): figures over HTTP beside the engine-level ones.
  if (argv.includes('--started'))
    return (await import('./as-started')).main(
      'targets',
      argv.filter((a) => a !== '--started'),
    );
  const { only, runs, sample } = parseArgs(argv);
  const m = machine();
  console.log(`Đoàn Kết — targets benchmark, ${m.date}`);
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}; load average ${m.loadAvg.join(' / ')}`);
  const results: Result[] = [];
  for (const kind of only ? [only] : (['postgres', 'pglite'] as const)) {
    const bench = kind === 'postgres' ? await openBenchPostgres() : await openBenchPglite();
    if ('error' in bench) {
      console.log(`\n=== PostgreSQL server (${redact(serverUrl())}) — SKIPPED: ${bench.error}`);
      continue;
    }
    try {
      const r = await benchOne(bench, kind === 'pglite' ? Math.min(runs, 3) : runs, kind === 'pglite' ? Math.min(sample, 30) : sample);
      results.push(r);
      console.log('\n' + format(r));
    } finally {
      await bench.cleanup();
    }
  }
  const file = path.resolve('.tmp/bench-targets.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, size: SIZE, year: YEAR, results, loadAvgAfter: loadAvg() }, null, 2));
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}
