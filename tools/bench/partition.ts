// `npm run bench -- partition [--rows N] [--rounds N]`: does partitioning pay for the big tables at
// national size? On a separate database of the PostgreSQL server (created here, dropped at the end) it
// builds N donations (default 100 million) and N ledger lines shaped like `fund_donations` and
// `fund_entry_lines`, set-based with generate_series, first unpartitioned, then partitioned by year
// (one table at a time, dropped before the next, so the disk holds one copy), and times the same
// queries on both: the public search of a campaign (the walk in display order and the word index), a
// fund account's balance and lines by period, and the metrics' sums by unit and period.
// The server processes doing the work (one connection; a second for the index builds) are reniced (nice 19, ionice idle) and run without parallel workers:
// the machine is shared. Results also go to .tmp/bench-partition.json. `--skip donations`, `--skip ledger` or
// `--skip donations:unpartitioned` (repeatable) leaves out a table or one layout of it, so a long 100M run
// can be finished in parts; `--database doanket_partition_…` measures the donations an earlier run left built
// (stopped during its index build: the searches through an unbuilt word index are left out), then drops it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { redact, serverUrl } from './databases';
import { loadAvg, machine } from './report';
import { log, parseBenchArgs, step, UsageError } from './cli';
import { prng, summarize, type Stats } from './stats';
import { SURNAMES, MIDDLE, GIVEN, YEARS, CAMPAIGNS, BIG, UNITS, ACCOUNTS, CHUNK, donationSelect, lineSelect, campaignWindow } from './partition-data';

type Layout = 'unpartitioned' | 'by year';
type Timed = { name: string; stats: Stats; rows: number };
type TableRun = {
  table: string;
  layout: Layout;
  rows: number;
  loadSeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  sizeGB: number;
  queries: Timed[];
  loadAvg: number[];
};

function partitionsDdl(table: string): string {
  return YEARS.map((y) => `create table ${table}_${y} partition of ${table} for values from ('${y}-01-01') to ('${y + 1}-01-01');`).join('\n');
}

async function timeQuery(c: pg.Client, name: string, rounds: number, make: (i: number) => { text: string; values: unknown[] }): Promise<Timed> {
  for (let i = 0; i < 2; i++) await c.query(make(1000 + i));
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < rounds; i++) {
    const q = make(i);
    const t0 = performance.now();
    const r = await c.query(q);
    samples.push(performance.now() - t0);
    rows += r.rowCount ?? 0;
  }
  const stats = summarize(samples);
  step(`    ${name}: p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms`);
  return { name, stats, rows: Math.round(rows / rounds) };
}

/** Runs the tasks in order on `width` connections: `c` and fresh ones made like it (reniced). */
async function inParallel(c: pg.Client, url: string, width: number, tasks: Array<(cl: pg.Client) => Promise<unknown>>): Promise<void> {
  const extra = await Promise.all(
    Array.from({ length: width - 1 }, async () => {
      const cl = new pg.Client({ connectionString: url });
      await cl.connect();
      await session(cl);
      return cl;
    }),
  );
  const queue = [...tasks];
  try {
    await Promise.all(
      [c, ...extra].map(async (cl) => {
        for (let task = queue.shift(); task; task = queue.shift()) await task(cl);
      }),
    );
  } finally {
    await Promise.all(extra.map((cl) => cl.end()));
  }
}

async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

async function donations(c: pg.Client, url: string, layout: Layout, n: number, rounds: number): Promise<TableRun> {
  const t = 'donations';
  await c.query(`drop table if exists ${t} cascade`);
  const cols = `id bigint not null, unit_id bigint not null, campaign_id bigint, received_on date not null, amount bigint not null,
    publish_name boolean not null, reversal_entry_id bigint, search_text text not null`;
  await c.query(layout === 'unpartitioned' ? `create table ${t} (${cols})` : `create table ${t} (${cols}) partition by range (received_on); ${partitionsDdl(t)}`);
  const loadSeconds = await seconds(async () => {
    for (let from = 1; from <= n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK - 1);
      await c.query(`insert into ${t} ${donationSelect(from, to)}`);
      step(`  ${t} (${layout}): ${to.toLocaleString('en')} rows, load average ${loadAvg().join(' / ')}`);
    }
  });
  // The product's indexes on fund_donations that these queries use (0004_fund, 0019h), built on two
  // connections (one build uses one core; the machine has two), the word index first as it takes longest.
  // Partitioned: each year's index, then the parent's, which attaches them instead of building again.
  const specs = [
    [`${t}_tokens`, 'using gin (campaign_id, fund_search_tokens(search_text)) where publish_name'],
    [`${t}_campaign`, '(campaign_id, received_on desc, id desc)'],
    [`${t}_unit`, '(unit_id, received_on)'],
  ];
  const indexSeconds = await seconds(async () => {
    step(`  ${t} (${layout}): ${specs.map(([, spec]) => spec).join('; ')}`);
    const builds = specs.flatMap(([name, spec]) =>
      layout === 'by year'
        ? YEARS.map((y) => (cl: pg.Client) => cl.query(`create index on ${t}_${y} ${spec}`))
        : [(cl: pg.Client) => cl.query(`create index ${name} on ${t} ${spec}`)],
    );
    await inParallel(c, url, 2, builds);
    if (layout === 'by year') for (const [name, spec] of specs) await c.query(`create index ${name} on ${t} ${spec}`);
  });
  const run = await measureDonations(c, layout, n, rounds, { loadSeconds, indexSeconds });
  await c.query(`drop table ${t} cascade`);
  return run;
}

/** Times the queries on the built table; `built` NaN: built by an earlier run (`--database`). */
async function measureDonations(c: pg.Client, layout: Layout, n: number, rounds: number, built: { loadSeconds: number; indexSeconds: number }): Promise<TableRun> {
  const t = 'donations';
  const { loadSeconds, indexSeconds } = built;
  const analyzeSeconds = await seconds(() => c.query(`analyze ${t}`));
  const [{ gb }] = (
    await c.query(`select greatest(pg_total_relation_size('${t}'), (select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('${t}')))::float8 / 2^30 as gb`)
  ).rows;
  step(`  ${t} (${layout}): loaded in ${sec(loadSeconds)}, indexed in ${sec(indexSeconds)}, ${Number(gb).toFixed(1)} GB`);
  // Without the word index (its build was stopped) those searches are not timed; their parameters are still
  // drawn, so the other queries get the same ones as in a full run.
  const [{ words }] = (await c.query(`select count(*)::int as words from pg_indexes where indexname = '${t}_tokens'`)).rows;
  const timeOrDraw: typeof timeQuery = async (cl, name, r, make) => {
    if (words) return timeQuery(cl, name, r, make);
    for (const i of [1000, 1001, ...Array.from({ length: r }, (_, k) => k)]) make(i);
    step(`    ${name}: not measured (no word index)`);
    return { name, stats: summarize([NaN]), rows: 0 };
  };

  const rand = prng(42);
  const pickBig = () => Math.floor(rand() * BIG);
  const pickSmall = () => BIG + Math.floor(rand() * (CAMPAIGNS - BIG));
  const cols20 = 'id, received_on, amount, search_text';
  // The product's walk: rows in display order through the campaign's btree, filtered as they pass.
  const walk = (campaign: number, phrase: string, dates: boolean) => {
    const [from, to] = campaignWindow(campaign);
    const range = dates ? ` and received_on between '${from}' and '${to}'` : '';
    return {
      text: `select ${cols20} from (select * from ${t} where campaign_id = $1${range} order by received_on desc, id desc limit 5000) w
             where reversal_entry_id is null and publish_name and (' ' || search_text || ' ') like $2 limit 21`,
      values: [campaign, `% ${phrase} %`],
    };
  };
  // The product's index plan: the word pairs in the GIN index, then the few rows sorted.
  const indexed = (campaign: number, tokens: string[], phrase: string, dates: boolean) => {
    const [from, to] = campaignWindow(campaign);
    const range = dates ? ` and received_on between '${from}' and '${to}'` : '';
    return {
      text: `select ${cols20} from ${t} where campaign_id = $1${range} and reversal_entry_id is null and publish_name
               and fund_search_tokens(search_text) @> $2::text[] and (' ' || search_text || ' ') like $3 order by received_on desc, id desc limit 21`,
      values: [campaign, tokens, `% ${phrase} %`],
    };
  };
  const rareName = (i: number) => {
    const s = SURNAMES[4 + (i % (SURNAMES.length - 4))];
    const m = MIDDLE[2 + (i % (MIDDLE.length - 2))];
    const g = GIVEN[(i * 7) % GIVEN.length];
    return { tokens: [`${s}_${m}`, `${m}_${g}`], phrase: `${s} ${m} ${g}` };
  };
  const queries: Timed[] = [];
  const variants = layout === 'unpartitioned' ? [false] : [false, true];
  for (const dates of variants) {
    const tag = dates ? ' (+ campaign dates, pruned)' : '';
    queries.push(await timeQuery(c, `search, common name in a national campaign (walk)${tag}`, rounds, () => walk(pickBig(), 'nguyen van', dates)));
    queries.push(
      await timeOrDraw(c, `search, rare full name in a national campaign (word index)${tag}`, rounds, (i) => {
        const r = rareName(i);
        return indexed(pickBig(), r.tokens, r.phrase, dates);
      }),
    );
    queries.push(
      await timeOrDraw(c, `search, full name in a small campaign (word index)${tag}`, rounds, (i) => {
        const r = rareName(i);
        return indexed(pickSmall(), r.tokens.slice(0, 1), r.phrase.split(' ').slice(0, 2).join(' '), dates);
      }),
    );
  }
  // Metrics: sums by unit and month over a year, for the ~100 communes of a province and for every unit.
  queries.push(
    await timeQuery(c, 'metric: sums by unit and month, 100 communes, one year', rounds, () => {
      const first = 1 + Math.floor(rand() * (UNITS - 100));
      const y = YEARS[Math.floor(rand() * 7)];
      return {
        text: `select unit_id, date_trunc('month', received_on) m, sum(amount), count(*) from ${t}
             where unit_id between $1 and $2 and received_on >= $3::date and received_on < $4::date and reversal_entry_id is null group by 1, 2`,
        values: [first, first + 99, `${y}-01-01`, `${y + 1}-01-01`],
      };
    }),
  );
  queries.push(
    await timeQuery(c, 'metric: sums by unit, every unit of the country, one quarter', Math.max(3, Math.ceil(rounds / 6)), () => {
      const y = YEARS[Math.floor(rand() * 7)];
      return {
        text: `select unit_id, sum(amount), count(*) from ${t} where received_on >= $1::date and received_on < $2::date and reversal_entry_id is null group by 1`,
        values: [`${y}-07-01`, `${y}-10-01`],
      };
    }),
  );
  const measured = queries.filter((q) => !Number.isNaN(q.stats.p50));
  return { table: t, layout, rows: n, loadSeconds, indexSeconds, analyzeSeconds, sizeGB: Number(gb), queries: measured, loadAvg: loadAvg() };
}

async function ledger(c: pg.Client, layout: Layout, n: number, rounds: number): Promise<TableRun> {
  const t = 'entry_lines';
  await c.query(`drop table if exists ${t} cascade`);
  // The product's lines carry no date (it is on fund_entries); partitioning by year needs it on the line,
  // so both layouts get it here and the comparison is of the partitioning alone.
  const cols = 'id bigint not null, account_id bigint not null, entry_id bigint not null, entry_date date not null, debit bigint not null, credit bigint not null';
  await c.query(layout === 'unpartitioned' ? `create table ${t} (${cols})` : `create table ${t} (${cols}) partition by range (entry_date); ${partitionsDdl(t)}`);
  const loadSeconds = await seconds(async () => {
    for (let from = 1; from <= n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK - 1);
      await c.query(`insert into ${t} ${lineSelect(from, to)}`);
      step(`  ${t} (${layout}): ${to.toLocaleString('en')} rows, load average ${loadAvg().join(' / ')}`);
    }
  });
  const indexSeconds = await seconds(() => c.query(`create index on ${t} (account_id, entry_date, id) include (debit, credit)`));
  const analyzeSeconds = await seconds(() => c.query(`vacuum analyze ${t}`));
  const [{ gb }] = (
    await c.query(`select greatest(pg_total_relation_size('${t}'), (select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('${t}')))::float8 / 2^30 as gb`)
  ).rows;
  step(`  ${t} (${layout}): loaded in ${sec(loadSeconds)}, indexed in ${sec(indexSeconds)}, ${Number(gb).toFixed(1)} GB`);
  const rand = prng(7);
  const quiet = () => 10 + Math.floor(rand() * (ACCOUNTS - 10));
  const day = () => {
    const d = new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 2556) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const queries: Timed[] = [];
  queries.push(
    await timeQuery(c, 'ledger: balance of a ward account at a date', rounds, () => ({
      text: `select coalesce(sum(debit - credit), 0) from ${t} where account_id = $1 and entry_date <= $2::date`,
      values: [quiet(), day()],
    })),
  );
  queries.push(
    await timeQuery(c, 'ledger: balance of a busy campaign account at a date', Math.max(3, Math.ceil(rounds / 3)), () => ({
      text: `select coalesce(sum(debit - credit), 0) from ${t} where account_id = $1 and entry_date <= $2::date`,
      values: [Math.floor(rand() * 10), day()],
    })),
  );
  queries.push(
    await timeQuery(c, "ledger: a busy account's lines in a month, first page", rounds, () => {
      const d = day().slice(0, 7) + '-01';
      return {
        text: `select id, entry_id, entry_date, debit, credit from ${t} where account_id = $1 and entry_date >= $2::date and entry_date < ($2::date + interval '1 month')
             order by entry_date, id limit 50`,
        values: [Math.floor(rand() * 10), d],
      };
    }),
  );
  queries.push(
    await timeQuery(c, "ledger: a ward account's movements in a year (opening, debits, credits)", rounds, () => {
      const y = 2019 + Math.floor(rand() * 7);
      return {
        text: `select sum(debit - credit) filter (where entry_date < $2::date), sum(debit) filter (where entry_date >= $2::date), sum(credit) filter (where entry_date >= $2::date)
             from ${t} where account_id = $1 and entry_date < $3::date`,
        values: [quiet(), `${y}-01-01`, `${y + 1}-01-01`],
      };
    }),
  );
  const run: TableRun = { table: t, layout, rows: n, loadSeconds, indexSeconds, analyzeSeconds, sizeGB: Number(gb), queries, loadAvg: loadAvg() };
  await c.query(`drop table ${t} cascade`);
  return run;
}

const sec = (v: number) => (Number.isNaN(v) ? '— (an earlier run)' : `${v.toFixed(0)} s`);
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function format(runs: TableRun[]): string {
  const out: string[] = [];
  for (const table of [...new Set(runs.map((r) => r.table))]) {
    const [a, b] = [runs.find((r) => r.table === table && r.layout === 'unpartitioned'), runs.find((r) => r.table === table && r.layout === 'by year')];
    out.push(`\n${table}, ${(a ?? b)!.rows.toLocaleString('en')} rows (p50 / p95 ms)`);
    for (const r of [a, b]) {
      if (r)
        out.push(
          `  ${r.layout}: load ${sec(r.loadSeconds)}, indexes ${sec(r.indexSeconds)}, analyze ${r.analyzeSeconds.toFixed(0)} s, ${r.sizeGB.toFixed(1)} GB; load average after ${r.loadAvg.join(' / ')}`,
        );
    }
    const names = [...new Set([...(a?.queries ?? []), ...(b?.queries ?? [])].map((q) => q.name.replace(' (+ campaign dates, pruned)', '')))];
    for (const name of names) {
      const qa = a?.queries.find((q) => q.name === name);
      const qb = b?.queries.find((q) => q.name === name);
      const qp = b?.queries.find((q) => q.name === `${name} (+ campaign dates, pruned)`);
      const cell = (q?: Timed) => (q ? `${ms(q.stats.p50)} / ${ms(q.stats.p95)}` : '—');
      out.push(`  ${name.padEnd(72)} unpartitioned ${cell(qa).padStart(15)}   by year ${cell(qb).padStart(15)}${qp ? `   by year + dates ${cell(qp)}` : ''}`);
    }
  }
  return out.join('\n');
}

function renice(pid: number): string {
  // Only when the server runs on this machine (as in development and CI): lowest CPU and I/O priority.
  const a = spawnSync('renice', ['-n', '19', '-p', String(pid)], { encoding: 'utf8' });
  const b = spawnSync('ionice', ['-c3', '-p', String(pid)], { encoding: 'utf8' });
  // With the kernel's autogroup scheduling, nice only ranks processes of one session: the server (started
  // by its own service) shares the CPU equally with the rest unless its session's group is niced too.
  let group = '';
  try {
    fs.writeFileSync(`/proc/${pid}/autogroup`, '19');
    group = ', its autogroup at nice 19';
  } catch {
    // no autogroup scheduling here, or not allowed: nice alone then
  }
  return a.status === 0 && b.status === 0 ? `server process ${pid} at nice 19${group}, ionice idle` : `could not renice the server process (${(a.stderr || b.stderr).trim()})`;
}

/** A bench connection's server process: reniced, no parallel workers, the same memory for index builds. */
async function session(c: pg.Client): Promise<string> {
  const [{ pid }] = (await c.query(`select pg_backend_pid() as pid`)).rows;
  await c.query(`set max_parallel_workers_per_gather = 0; set max_parallel_maintenance_workers = 0; set maintenance_work_mem = '512MB'; set synchronous_commit = off`);
  return renice(pid);
}

const TABLES = ['donations', 'ledger'] as const;

/** `--skip table[:layout]` flags taken out of argv; the rest are the suite's integer flags. */
function parseSkips(argv: string[]): { rest: string[]; skipped: (table: (typeof TABLES)[number], layout: Layout) => boolean; database?: string } {
  const rest: string[] = [];
  const skips: string[] = [];
  let database: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--database') {
      database = inline ?? argv[++i];
      if (!/^doanket_partition_\w+$/.test(database ?? '')) throw new UsageError("--database takes the name of an earlier run's database, doanket_partition_…");
      continue;
    }
    if (flag !== '--skip') {
      rest.push(argv[i]);
      continue;
    }
    const v = inline ?? argv[++i] ?? '';
    const [table, layout] = v.split(':');
    if (!TABLES.includes(table as never) || (layout !== undefined && layout !== 'unpartitioned' && layout !== 'by-year'))
      throw new UsageError(`--skip takes donations or ledger, optionally with :unpartitioned or :by-year, not ${v}`);
    skips.push(v);
  }
  const slug = (l: Layout) => (l === 'by year' ? 'by-year' : l);
  return { rest, skipped: (table, layout) => skips.includes(table) || skips.includes(`${table}:${slug(layout)}`), database };
}

export async function main(argv: string[]): Promise<void> {
  const { rest, skipped, database } = parseSkips(argv);
  const args = parseBenchArgs(rest, { rows: 100_000_000, rounds: 30 });
  if (args.rows < 100_000) throw new UsageError('--rows takes an integer ≥ 100000');
  const m = machine();
  log(`Đoàn Kết — partitioning benchmark, ${args.rows.toLocaleString('en')} donations and ledger lines, ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; load average ${m.loadAvg.join(' / ')} (1/5/15 min)`);
  const df = spawnSync('df', ['-h', '--output=avail', '/var/lib/postgresql'], { encoding: 'utf8' });
  if (df.status === 0)
    log(`Free disk where the server keeps its data: ${df.stdout.trim().split('\n').pop()?.trim()} (needs ≈ ${Math.ceil((args.rows * 190) / 2 ** 30)} GB at the peak)`);
  const url = serverUrl();
  const name = database ?? `doanket_partition_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  if (!database) {
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = '/' + name;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  const runs: TableRun[] = [];
  const file = path.resolve('.tmp/bench-partition.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const drop = async () => {
    await c.end().catch(() => {});
    const a = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void drop().finally(() => process.exit(130)));
  try {
    const [{ version }] = (await c.query(`select split_part(version(), ' on ', 1) as version`)).rows;
    log(`Server: ${version}, database ${name} on ${redact(url)}; ${await session(c)}; no parallel workers; maintenance_work_mem 512MB for index builds`);
    // The product's tokenizer (migration 0004b_fund_search), so the word index is the product's.
    const migration = fs.readFileSync(path.resolve(import.meta.dirname, '../../apps/server/src/db/migrations/0004b_fund_search.sql'), 'utf8');
    const fn = /create or replace function fund_search_tokens[\s\S]*?end \$\$;/.exec(migration)![0];
    await c.query(fn);
    await c.query('create extension if not exists btree_gin'); // the word index leads with the campaign (0019h)
    if (database) {
      // An earlier run's database, stopped after its donations were loaded: their layout is measured as it is.
      const [{ parts }] = (await c.query(`select count(*)::int as parts from pg_inherits where inhparent = 'donations'::regclass`)).rows;
      const layout: Layout = parts ? 'by year' : 'unpartitioned';
      step(`donations, ${layout}, as built by the earlier run`);
      runs.push(await measureDonations(c, layout, args.rows, args.rounds, { loadSeconds: NaN, indexSeconds: NaN }));
      fs.writeFileSync(file, JSON.stringify({ machine: m, rows: args.rows, runs }, null, 2));
      log(format(runs));
    }
    for (const layout of ['unpartitioned', 'by year'] as const) {
      if (database || skipped('donations', layout)) continue;
      step(`donations, ${layout}`);
      runs.push(await donations(c, u.toString(), layout, args.rows, args.rounds));
      fs.writeFileSync(file, JSON.stringify({ machine: m, rows: args.rows, runs }, null, 2));
      log(format(runs.filter((r) => r.table === 'donations')));
    }
    for (const layout of ['unpartitioned', 'by year'] as const) {
      if (database || skipped('ledger', layout)) continue;
      step(`ledger lines, ${layout}`);
      runs.push(await ledger(c, layout, args.rows, args.rounds));
      fs.writeFileSync(file, JSON.stringify({ machine: m, rows: args.rows, runs }, null, 2));
    }
    if (runs.some((r) => r.table === 'entry_lines')) log(format(runs.filter((r) => r.table === 'entry_lines')));
    log(`\nload average at the end ${loadAvg().join(' / ')}; results written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await drop();
  }
}
