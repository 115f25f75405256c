// Plain-text tables, the machine description and the goal checks of the benchmark.
import fs from 'node:fs';
import os from 'node:os';
import type { LoadTimes } from './load';
import type { MetricResult, Row } from './suites';
import type { Stats } from './stats';

export type Machine = { cpu: string; cores: number; ramGiB: number; node: string; os: string; date: string; loadAvg: number[] };

export function machine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: keep what Node reports
  }
  return {
    cpu,
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAvg: loadAvg(),
  };
}

/** 1/5/15-minute load averages: other work on the machine shows up in p95. */
export const loadAvg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** The machine's CPU time counters (/proc/stat's first line, in ticks); null when not Linux. */
export function cpuTicks(): number[] | null {
  try {
    return fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  } catch {
    return null;
  }
}

/**
 * How the machine's CPUs spent a span: busy, waiting for the disk, and stolen by the host (a virtual machine's
 * neighbours). The load average alone does not tell a slow run's cause: the same import ran at 14–28k rows/s.
 */
export function cpuSpan(before: number[] | null, after: number[] | null = cpuTicks()): string {
  if (!before || !after) return 'CPU time not available';
  const d = after.map((v, i) => v - before[i]);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = d;
  const all = d.reduce((a, b) => a + b, 0) || 1;
  const pct = (v: number) => `${((100 * v) / all).toFixed(0)}%`;
  return `CPU ${pct(user + nice + system + irq + softirq)} busy (${pct(nice)} niced), ${pct(idle)} idle, ${pct(iowait)} waiting for the disk, ${pct(steal)} stolen by the host`;
}

export type Goal = { goal: string; measured: string; pass: boolean };

export type DbResult = {
  kind: 'pglite' | 'postgres';
  version: string;
  migration: string;
  world: Record<string, number>;
  load: LoadTimes;
  rows: Row[];
  metrics: MetricResult[];
  goals: Goal[];
  totalSeconds: number;
  loadAvgAfter: number[];
};

const ms = (v: number | undefined) => (v === undefined ? '' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const ratio = (r: number | undefined) => (r === undefined ? '' : `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`);

function table(head: string[], body: string[][], rightFrom = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= rightFrom ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const statCells = (s: Stats | undefined) => (s ? [String(s.n), ms(s.p50), ms(s.p95), ms(s.mean)] : ['', '', '', '']);

/** Goals of issue 2, checked on the PostgreSQL server; reported, never fatal. */
export function goals(rows: Row[], metrics: MetricResult[]): Goal[] {
  const subtree = rows.filter((r) => r.group === 'subtree');
  const worstSubtree = Math.max(...subtree.map((r) => r.product.p95));
  const worstMetric = Math.max(...metrics.map((m) => m.product.p95));
  return [
    { goal: 'subtree p95 < 5 ms (every subtree case)', measured: `worst p95 ${ms(worstSubtree)} ms`, pass: worstSubtree < 5 },
    { goal: 'metric for all communes < 500 ms (p95, every view)', measured: `worst p95 ${ms(worstMetric)} ms`, pass: worstMetric < 500 },
  ];
}

export function formatDb(r: DbResult): string {
  const w = r.world;
  const out: string[] = [];
  out.push(`=== ${r.kind === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL server'} — ${r.version}, migrations up to ${r.migration}`);
  out.push(
    `World: ${w.units} units (${w.provinces} provinces + ${w.oldProvinces} ended, ${w.communes} communes + ${w.oldCommunes} ended, ` +
      `${w.villages} villages of which ${w.villagesCurrent} current and ${w.villagesMoved} moved on 2025-07-01), ` +
      `${w.versions} versions, ${w.lineage} lineage rows, ${w.events} events`,
  );
  out.push(
    `Load: insert ${(r.load.insertMs / 1000).toFixed(1)} s (multi-row VALUES); refresh_unit_closure() ${(r.load.closureMs / 1000).toFixed(1)} s ` +
      `→ ${r.load.closureRows} closure rows, ${r.load.lineageClosureRows} lineage-closure rows; vacuum analyze ${(r.load.analyzeMs / 1000).toFixed(1)} s`,
  );
  out.push('');
  out.push('Per request (ms; one call at a time; naive = the simpler baseline in the same run; ratio = naive p50 / product p50)');
  out.push(
    table(
      ['measurement', 'n', 'p50', 'p95', 'mean', 'naive n', 'naive p50', 'naive p95', 'naive mean', 'ratio'],
      r.rows.map((row) => [row.name, ...statCells(row.product), ...statCells(row.naive), ratio(row.ratio)]),
    ),
  );
  out.push('');
  out.push('Checks: ' + r.rows.map((row) => `\n  ${row.name}: ${row.check ?? ''}`).join(''));
  out.push('');
  out.push('Metric for every commune in one query (ms) vs one commune per query (per-call time measured on a random sample, total extrapolated to all communes)');
  out.push(
    table(
      ['metric', 'n', 'p50', 'p95', 'mean', 'per-unit sample', 'per-unit p50', 'per-unit mean', 'naive total (extrap.)', 'ratio'],
      r.metrics.map((m) => [m.name, ...statCells(m.product), String(m.naiveSample), ms(m.naivePerUnit.p50), ms(m.naivePerUnit.mean), ms(m.naiveTotalMs), ratio(m.ratio)]),
    ),
  );
  out.push('Checks: ' + r.metrics.map((m) => `\n  ${m.name}: ${m.check ?? ''}`).join(''));
  if (r.goals.length) {
    out.push('');
    out.push('Goals (issue 2, PostgreSQL server):');
    for (const g of r.goals) out.push(`  ${g.pass ? 'PASS' : 'FAIL'}  ${g.goal}: ${g.measured}`);
  }
  out.push(`(${r.kind} section took ${r.totalSeconds.toFixed(0)} s; load average after it ${r.loadAvgAfter.join(' / ')})`);
  return out.join('\n');
}
