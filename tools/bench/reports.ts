// `npm run bench -- reports [--only pglite|postgres] [--runs N]`: the time to generate a report
// (figures, checks, .docx and .xlsx), against a naive baseline that asks one metric query per figure
// per unit. `benchReports(db, opts)` is also called by the targets benchmark on its own dataset.
import '../../apps/server/src/modules/metrics-index';
import type { Db } from '../../apps/server/src/db/db';
import type { ReportTemplate } from '../../packages/contract/src/reports-values';
import { computeMetric, getMetric } from '../../apps/server/src/platform/metrics';
import { prepareReport, renderFiles } from '../../apps/server/src/modules/reports/generate';
import { registeredKeys, slicePeriod, deriveFigures, type FigureValues } from '../../apps/server/src/modules/reports/compute';
import { templateFigures } from '../../apps/server/src/modules/reports/templates';
import { unitFacts } from '../../apps/server/src/modules/reports/queries';
import { loadDemo } from '../../apps/server/src/demo/demo';
import { unitIdByCode } from '../../apps/server/src/modules/units/queries';
import { openBenchPglite, openBenchPostgres, redact, serverUrl } from './databases';
import { machine } from './report';
import { summarize, type Stats } from './stats';
import { parseBenchArgs } from './cli';

export type ReportBenchOpts = { unitId: number; from: string; to: string; template?: ReportTemplate; runs?: number; naive?: boolean };
export type ReportBench = {
  template: ReportTemplate;
  unitId: number;
  units: number;
  figures: number;
  metricQueries: number;
  naiveQueries: number;
  fast: Stats;
  naive: Stats | null;
  docxBytes: number;
  xlsxBytes: number;
};

const scopeDateOf = async (db: Db, unitId: number, to: string) => {
  const [u] = await db.query<{ valid_to: string }>('select valid_to::text from units where id = $1', [unitId]);
  if (u.valid_to !== 'infinity' && to >= u.valid_to) {
    const d = new Date(u.valid_to + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  return to;
};

/** Times the report as the worker makes it (without storing it), and the naive per-unit loop. */
export async function benchReports(db: Db, opts: ReportBenchOpts): Promise<ReportBench> {
  const template = opts.template ?? 'term';
  const runs = opts.runs ?? 5;
  const job = { id: 0, template, unit_id: opts.unitId, period_from: opts.from, period_to: opts.to, scope_date: await scopeDateOf(db, opts.unitId, opts.to) };
  const figures = templateFigures(template);
  const registered = registeredKeys();
  const measured = figures.filter((f) => f.metric && registered.has(f.metric.key));
  const { unit, children } = await unitFacts(db, opts.unitId, job.scope_date);
  const units = [{ id: unit.id, name: unit.name }, ...children];

  let sizes = { docx: 0, xlsx: 0 };
  const render = async (p: Awaited<ReturnType<typeof prepareReport>>, values: FigureValues) => {
    const { docx, xlsx } = await renderFiles({ ...p, values }, p.head);
    sizes = { docx: docx.length, xlsx: xlsx.length };
  };
  const groups = new Set(
    measured.map((f) => {
      const p = slicePeriod(opts, f.period);
      return `${f.metric!.key}|${p.from}|${p.to}`;
    }),
  );

  const fastSamples: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const p = await prepareReport(db, job);
    await render(p, p.values);
    if (i > 0) fastSamples.push(performance.now() - t0); // the first run warms caches
  }

  let naive: Stats | null = null;
  if (opts.naive !== false) {
    const prepared = await prepareReport(db, job);
    const samples: number[] = [];
    for (let i = 0; i < Math.max(1, Math.min(runs, 2)); i++) {
      const t0 = performance.now();
      const values: FigureValues = new Map();
      for (const fig of measured) {
        const p = slicePeriod(opts, fig.period);
        const byUnit: Record<number, number | null> = {};
        for (const u of units) {
          const row = (await computeMetric(db, getMetric(fig.metric!.key), { unitIds: [u.id], from: p.from, to: p.to, view: 'now' })).get(u.id)!;
          byUnit[u.id] = fig.metric!.dim ? (row.byDim[fig.metric!.dim] ?? 0) : row.value;
        }
        values.set(fig.id, { value: byUnit[unit.id], byUnit });
      }
      deriveFigures(
        figures,
        values,
        units.map((u) => u.id),
      );
      await render(prepared, values);
      samples.push(performance.now() - t0);
    }
    naive = summarize(samples);
  }
  return {
    template,
    unitId: opts.unitId,
    units: units.length,
    figures: figures.length,
    metricQueries: groups.size,
    naiveQueries: measured.length * units.length,
    fast: summarize(fastSamples),
    naive,
    docxBytes: sizes.docx,
    xlsxBytes: sizes.xlsx,
  };
}

export function formatReportBench(label: string, r: ReportBench): string {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const lines = [
    `${label}: ${r.template} report, ${r.units} units (the unit and ${r.units - 1} below), ${r.figures} figures`,
    `  set-based: p50 ${ms(r.fast.p50)}, max ${ms(r.fast.max)} over ${r.fast.n} runs — ${r.metricQueries} metric queries; .docx ${(r.docxBytes / 1024).toFixed(0)} KiB, .xlsx ${(r.xlsxBytes / 1024).toFixed(0)} KiB`,
  ];
  if (r.naive)
    lines.push(
      `  naive (one query per figure per unit): p50 ${ms(r.naive.p50)} over ${r.naive.n} runs — ${r.naiveQueries} metric queries; ${(r.naive.p50 / r.fast.p50).toFixed(1)}× slower`,
    );
  return lines.join('\n');
}

const unitAt = async (db: Db, code: string, level: string, on: string) => (await unitIdByCode(db, code, level, on))!;

/** Standalone: the demo world on each database; the city's term report 2019–2024 and the province's 2026 annual report. */
export async function main(argv: string[]): Promise<void> {
  // The same module as a user starts it (as-started.ts): figures over HTTP beside the engine-level ones.
  if (argv.includes('--started'))
    return (await import('./as-started')).main(
      'reports',
      argv.filter((a) => a !== '--started'),
    );
  const { only, runs } = parseBenchArgs(argv, { runs: 5 });
  const m = machine();
  console.log(`Đoàn Kết — reports benchmark, ${m.date}`);
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}; load average ${m.loadAvg.join(' / ')}`);
  for (const kind of only ? [only] : (['postgres', 'pglite'] as const)) {
    const bench = kind === 'postgres' ? await openBenchPostgres() : await openBenchPglite();
    if ('error' in bench) {
      console.log(`\n=== PostgreSQL (${redact(serverUrl())}) — SKIPPED: ${bench.error}`);
      continue;
    }
    try {
      console.log(`\n=== ${bench.kind === 'postgres' ? 'PostgreSQL server' : 'PGlite'} (${bench.version})`);
      const t0 = performance.now();
      await loadDemo(bench.db, 'bench-password-1');
      await bench.db.exec('vacuum analyze');
      console.log(`demo loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const city = await unitAt(bench.db, '213', 'district', '2024-06-01');
      console.log(formatReportBench('Demo city 2019–2024', await benchReports(bench.db, { unitId: city, from: '2019-01-01', to: '2024-12-31', runs })));
      const province = await unitAt(bench.db, '24', 'province', '2026-01-01');
      console.log(formatReportBench('Province Bắc Ninh 2026', await benchReports(bench.db, { unitId: province, from: '2026-01-01', to: '2026-12-31', template: 'annual', runs })));
    } finally {
      await bench.cleanup();
    }
  }
}
