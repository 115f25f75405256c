// `npm run bench -- spike [--seconds N] [--clients 100,1000] [--configs 1,2,2r] [--replica-url URL]`:
// a disaster spike against the product as started on the PostgreSQL server with the demo (started.ts):
// the public campaign page, the public donation search and the CSV download, each under 100 and 1,000
// concurrent clients (autocannon, in its own process, every request from another address), beside a
// simpler baseline under the same load (/api/health: one trivial query, no cache). Meanwhile a staff session loads the
// province's fund list and petitions list one request at a time; its p95 is the figure that says whether
// the public starves the staff. Rate limits and the public admission gate are the product's defaults.
// Configurations: 1 process; 2 processes (WORKERS=2 when the product has it, else two processes the
// bench starts on two ports over the same database); 2 processes with the public reads on a replica
// (DATABASE_REPLICA_URL, from --replica-url or BENCH_REPLICA_URL: the replica server's address, the
// bench puts the started database's name in it). Results also go to .tmp/bench-spike.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { searchMix } from './hot-paths';
import { benchPort, Client, startProduct, type Started } from './started';
import pg from 'pg';
import { redact, serverUrl } from './databases';
import { loadAvg, machine } from './report';
import { log, step, UsageError } from './cli';
import { summarize, type Stats } from './stats';
import type { LoadResult, LoadSpec } from './spike-load';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

type Args = { seconds: number; clients: number[]; configs: string[]; replicaUrl: string | undefined; timeoutSeconds: number; only: string | undefined };

function parseArgs(argv: string[]): Args {
  const a: Args = { seconds: 15, clients: [100, 1000], configs: ['1', '2', '2r'], replicaUrl: process.env.BENCH_REPLICA_URL || undefined, timeoutSeconds: 10, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--seconds') a.seconds = Number(value());
    else if (flag === '--timeout') a.timeoutSeconds = Number(value());
    else if (flag === '--clients') a.clients = value().split(',').map(Number);
    else if (flag === '--configs') a.configs = value().split(',');
    else if (flag === '--replica-url') a.replicaUrl = value();
    else if (flag === '--targets') a.only = value();
    else throw new UsageError(`unknown flag ${argv[i]} (use --seconds N, --timeout N, --clients 100,1000, --configs 1,2,2r, --replica-url URL, --targets health|page|search|csv)`);
  }
  if (!(a.seconds >= 3) || a.clients.some((c) => !Number.isInteger(c) || c < 1)) throw new UsageError('--seconds ≥ 3; --clients: integers');
  if (a.configs.some((c) => !['1', '2', '2r'].includes(c))) throw new UsageError('--configs takes 1, 2 and/or 2r');
  return a;
}

/** Whether the product on this branch reads a setting (WORKERS, DATABASE_REPLICA_URL). */
function productReads(setting: string): boolean {
  const files = [path.join(ROOT, 'tools/start.ts')];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(path.join(ROOT, 'apps/server/src'));
  return files.some((f) => fs.readFileSync(f, 'utf8').includes(setting));
}

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(import.meta.dirname, 'spike-load.ts'), JSON.stringify(spec)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult) : reject(new Error(`load generator failed: ${err.slice(-1000)}`))));
  });
}

/**
 * Why the replica given cannot serve this run, or null: it must be a hot standby that already holds the
 * database the bench made on the server (BENCH_DATABASE_URL must be its primary: `tools/pg-replica.sh up`
 * prints both).
 */
async function replicaProblem(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await c.connect();
    const [{ standby }] = (await c.query<{ standby: boolean }>('select pg_is_in_recovery() as standby')).rows;
    return standby ? null : 'is not a standby (pg_is_in_recovery() is false)';
  } catch (err) {
    return `cannot be read (${(err as Error).message}): is it a streaming replica of ${redact(serverUrl())}? Start the bench with BENCH_DATABASE_URL set to its primary`;
  } finally {
    await c.end().catch(() => {});
  }
}

type Probe = { stats: Stats; statuses: Record<string, number>; failures: number };

/** A staff session loading its lists one request at a time until stopped. */
function staffProbe(staff: Client, urls: string[]): { stop: () => Promise<Probe> } {
  let running = true;
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const t0 = performance.now();
      try {
        const status = await staff.status(urls[i % urls.length], 10_000);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 200) failures++;
      } catch {
        statuses.timeout = (statuses.timeout ?? 0) + 1;
        failures++;
      }
      samples.push(performance.now() - t0);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { stats: summarize(samples.length ? samples : [0]), statuses, failures };
    },
  };
}

type Row = {
  config: string;
  target: string;
  clients: number;
  load: LoadResult;
  staff: Probe;
  loadAvg: number[];
  /** 2xx, 429, 5xx, other 4xx, timeouts, socket errors — shares of all attempts. */
  mix: { ok: number; shed: number; server: number; other: number; timeouts: number; errors: number; attempts: number };
};

function mixOf(r: LoadResult): Row['mix'] {
  let ok = 0,
    shed = 0,
    server = 0,
    other = 0;
  for (const [code, n] of Object.entries(r.byStatus)) {
    const c = Number(code);
    if (c >= 200 && c < 300) ok += n;
    else if (c === 429) shed += n;
    else if (c >= 500) server += n;
    else other += n;
  }
  return { ok, shed, server, other, timeouts: r.timeouts, errors: r.errors, attempts: r.requests + r.timeouts + r.errors };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(n && n / of < 0.001 ? 3 : 1)}%` : '—');
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

const thousands = (v: string) => v.replace(/^(\d+)(\d{3})(?=$|\.)/, '$1,$2');

/** A markdown table, to paste into README "Disaster spike" as it is. */
function formatRows(title: string, rows: Row[]): string {
  const head = [title, 'clients', 'req/s', 'p50 / p95 / p99 ms', '2xx', '429', '5xx', 'other 4xx', 'timeouts + socket errors', 'staff p50 / p95 ms (n)', 'load (1 min)'];
  const body = rows.map((r) => {
    const m = r.mix;
    return [
      r.target,
      thousands(String(r.clients)),
      thousands(r.load.perSecond.toFixed(0)),
      [r.load.p50, r.load.p95, r.load.p99].map((v) => thousands(ms(v))).join(' / '),
      pct(m.ok, m.attempts),
      pct(m.shed, m.attempts),
      String(m.server),
      String(m.other),
      String(m.timeouts + m.errors),
      `${thousands(ms(r.staff.stats.p50))} / ${thousands(ms(r.staff.stats.p95))} (${r.staff.stats.n}${r.staff.failures ? `, ${r.staff.failures} failed` : ''})`,
      r.loadAvg[0].toFixed(2),
    ];
  });
  return [head, head.map(() => '---'), ...body].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const m = machine();
  log(`Đoàn Kết — disaster spike as started (PostgreSQL server, demo data, HTTP), ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}; load average ${m.loadAvg.join(' / ')} (1/5/15 min)`);
  log(
    `Each run: ${args.seconds} s, autocannon in its own process, client timeout ${args.timeoutSeconds} s, every request from another X-Forwarded-For address` +
      ` (TRUST_PROXY=127.0.0.1); product defaults otherwise (public cache on, RATE_LIMIT=${process.env.RATE_LIMIT ?? 300}).`,
  );
  const port = benchPort();
  const env = { PUBLIC_CACHE: '1', RATE_LIMIT: process.env.RATE_LIMIT ?? '300', TRUST_PROXY: '127.0.0.1' };
  const first = await startProduct('postgres', port, env);
  if ('error' in first) {
    log(`=== PostgreSQL server — SKIPPED: unreachable (${first.error})`);
    return;
  }
  const rows: Row[] = [];
  const ran: string[] = [];
  const tables: string[] = [];
  const summary: string[] = [];
  const servers: Started[] = [first];
  try {
    log(`Started with the demo in ${first.startSeconds.toFixed(1)} s.`);
    const { campaign, shapes } = await searchMix(first.base);
    const staff = await Client.signIn(first.base, 'btt.tinh');
    const staffUrls = [`/api/fund/funds?unit=${staff.me.unitId}&scope=subtree`, `/api/petitions?unit=${staff.me.unitId}&limit=50`];
    const c = `/api/public/campaigns/${campaign.id}`;
    const targets: Array<{ key: string; name: string; paths: string[] }> = [
      { key: 'health', name: 'baseline: /api/health (one trivial query)', paths: ['/api/health'] },
      { key: 'page', name: 'public campaign page', paths: [c] },
      { key: 'search', name: 'public donation search (8 shapes)', paths: shapes.flatMap((s) => s.urls.map((u) => u)) },
      { key: 'csv', name: 'CSV download (≤ 10,000 rows)', paths: [`${c}/donations.csv`, `${c}/donations.csv?q=nguyen+van`, `${c}/donations.csv?from=2024-09-12&to=2024-09-12`] },
    ];
    log(`Campaign "${campaign.name}" (${campaign.donationCount.toLocaleString('en')} donations); staff: btt.tinh loading ${staffUrls.map((u) => u.split('?')[0]).join(' and ')}`);
    const hasWorkers = productReads('WORKERS');
    const hasReplica = productReads('DATABASE_REPLICA_URL');
    for (const config of args.configs) {
      let urls: string[];
      let label: string;
      // Back to one process on the same data, then the configuration's processes.
      while (servers.length > 1) await servers.pop()!.stop();
      if (config === '1') {
        if (ran.length) servers[0] = await servers[0].restart(env);
        urls = [servers[0].base];
        label = '1 process';
      } else {
        let extra: Record<string, string> = {};
        if (config === '2r') {
          if (!args.replicaUrl) {
            log(
              `\n=== 2 processes + replica — NOT RUN: no replica given (--replica-url or BENCH_REPLICA_URL)${hasReplica ? '' : '; this branch has no DATABASE_REPLICA_URL either'}`,
            );
            continue;
          }
          const u = new URL(args.replicaUrl);
          u.pathname = new URL(servers[0].place.DATABASE_URL).pathname;
          extra = { DATABASE_REPLICA_URL: u.toString() };
          const notReplica = await replicaProblem(u.toString());
          if (notReplica) {
            log(`\n=== 2 processes + replica — NOT RUN: ${redact(u.toString())} ${notReplica}`);
            continue;
          }
        }
        if (hasWorkers) {
          servers[0] = await servers[0].restart({ ...env, ...extra, WORKERS: '2' });
          urls = [servers[0].base];
          label = `WORKERS=2 (the product's processes on one port)`;
        } else {
          servers[0] = await servers[0].restart({ ...env, ...extra });
          servers.push(await servers[0].also(port + 1, { ...env, ...extra }));
          urls = servers.map((s) => s.base);
          label = `2 processes started by the bench on ports ${port} and ${port + 1} (this branch has no WORKERS), connections split between them`;
        }
        if (config === '2r') label += `, DATABASE_REPLICA_URL=${extra.DATABASE_REPLICA_URL}${hasReplica ? '' : ' (NOT read by this branch: same as without)'}`;
      }
      ran.push(label);
      log(`\n=== ${label}`);
      const signedIn = await Client.signIn(urls[0], 'btt.tinh');
      const configRows: Row[] = [];
      // The staff's own figure without a spike, on the same machine at the same time.
      const idle = staffProbe(signedIn, staffUrls);
      await new Promise((r) => setTimeout(r, 5000));
      const alone = await idle.stop();
      const aloneLine = `Staff alone (no spike, 5 s): p50 ${ms(alone.stats.p50)} ms, p95 ${ms(alone.stats.p95)} ms, n ${alone.stats.n}; load average ${loadAvg().join(' / ')}`;
      log(aloneLine);
      for (const t of targets.filter((x) => !args.only || args.only.split(',').some((k) => x.key === k))) {
        for (const clients of args.clients) {
          step(`${config}: ${t.name}, ${clients} clients`);
          const probe = staffProbe(signedIn, staffUrls);
          const result = await load({ urls, connections: clients, seconds: args.seconds, paths: t.paths, forwarded: true, timeoutSeconds: args.timeoutSeconds });
          const staffResult = await probe.stop();
          const row: Row = { config: label, target: t.name, clients, load: result, staff: staffResult, loadAvg: loadAvg(), mix: mixOf(result) };
          configRows.push(row);
          rows.push(row);
          step(
            `  ${result.perSecond.toFixed(0)} req/s, p95 ${ms(result.p95)} ms, statuses ${JSON.stringify(result.byStatus)} ${JSON.stringify(result.codes)}, timeouts ${result.timeouts}, errors ${result.errors}; staff p95 ${ms(staffResult.stats.p95)} ms ${JSON.stringify(staffResult.statuses)}`,
          );
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
      const table = formatRows({ '1': '1 process', '2': 'WORKERS=2', '2r': 'WORKERS=2 + replica' }[config] ?? label, configRows);
      tables.push(table);
      log(table);
      const top = configRows.filter((r) => r.clients === Math.max(...args.clients) && !r.target.startsWith('baseline'));
      const bad = top.filter((r) => r.mix.server + r.mix.other + r.mix.timeouts + r.mix.errors > 0);
      const starved = top.filter((r) => r.staff.stats.p95 >= 500 || r.staff.failures > 0);
      const goals =
        `Goals at ${Math.max(...args.clients)} clients: no errors but 429 — ${bad.length ? `FAIL (${bad.map((r) => r.target).join('; ')})` : 'PASS'}; ` +
        `staff p95 < 500 ms — ${starved.length ? `FAIL (${starved.map((r) => `${r.target}: ${ms(r.staff.stats.p95)} ms`).join('; ')})` : 'PASS'}; load average ${loadAvg().join(' / ')}`;
      log(goals);
      summary.push(
        `**${label}** — ${aloneLine}. ${goals}. Settings: PUBLIC_MAX_LOOP_DELAY_MS=${process.env.PUBLIC_MAX_LOOP_DELAY_MS ?? 'default'}, PUBLIC_REFUSAL_HOLD_MS=${process.env.PUBLIC_REFUSAL_HOLD_MS ?? 'default'}.`,
      );
    }
  } finally {
    while (servers.length > 1) await servers.pop()!.stop();
    await servers[0].stop();
  }
  // Everything again at the end, ready to paste into README "Disaster spike".
  log(`\n--- markdown (${m.date}; ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node}; ${args.seconds} s per run) ---\n`);
  for (let i = 0; i < tables.length; i++) log(`${tables[i]}\n\n${summary[i]}\n`);
  const file = path.resolve('.tmp/bench-spike.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, args, ran, rows }, null, 2));
  log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}
