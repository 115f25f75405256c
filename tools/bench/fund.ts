// `npm run bench -- fund [--only pglite|postgres] [--rows N]`: the public statement at scale.
// On each database: (1) the import rate of the real VietinBank + Agribank statements (98,967 rows,
// parse + write, one transaction); (2) public search over 1 million and 10 million donations (the real
// rows plus synthetic ones with Vietnamese name frequencies, generated set-based), one request at a time
// (p50/p95 per query shape) and 8 in flight (requests/s), each against a naive baseline: the same
// filters with an unindexed ILIKE on name and memo. PGlite (single-threaded WebAssembly) stops at 1M
// unless --rows says more; --rows N sets the largest size on both.
import fs from 'node:fs';
import path from 'node:path';
import { PublicDonationQuery } from '../../packages/contract/src/fund-public';
import type { Db } from '../../apps/server/src/db/db';
import { loadConfig } from '../../apps/server/src/config';
import { buildApp } from '../../apps/server/src/app';
import { insertUnit } from '../../apps/server/src/test/factories';
import { insertBankAccount, insertCampaign, insertFund } from '../../apps/server/src/modules/fund/service';
import { importParsed, importUpload, parseUpload, type ImportResult } from '../../apps/server/src/modules/fund/statements/import-service';
import { memoNamesNobody } from '../../apps/server/src/modules/fund/statements/donor-names';
import type { StatementLine } from '../../apps/server/src/modules/fund/statements/types';
import { searchDonations } from '../../apps/server/src/modules/fund/public/search';
import { invalidatePublicCache } from '../../apps/server/src/modules/fund/public/cache';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { generateDonations, withIndexesRebuilt, type Target } from './fund-data';
import { loadAvg, machine } from './report';
import { prng, summarize, type Stats } from './stats';
import { log, parseBenchArgs, step, UsageError } from './cli';

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const STATEMENTS = path.resolve(import.meta.dirname, '../../assets/statements');

function parseArgs(argv: string[]) {
  const args = parseBenchArgs(argv, { rows: undefined as number | undefined });
  if (args.rows !== undefined && args.rows < 200_000) throw new UsageError('--rows takes an integer ≥ 200000');
  return args;
}

type Shape = { name: string; queries: Array<Partial<PublicDonationQuery>> };

/** Query shapes a public page sends; rare names come from the real statements (donors seen once). */
async function shapes(db: Db, campaignId: number): Promise<Shape[]> {
  const rare = await db.query<{ n: string }>(
    `select donor_name as n from fund_donations where campaign_id = $1 and source = 'statement' and donor_name ~ '^[A-Z ]+$'
       and entry_id = (select min(entry_id) from fund_donations where campaign_id = $1)
     group by donor_name having count(*) = 1 order by md5(donor_name) limit 40`,
    [campaignId],
  );
  return [
    { name: 'first page, no filter', queries: [{}] },
    { name: 'common full name ("Nguyễn Thị Ánh")', queries: [{ q: 'Nguyễn Thị Ánh' }, { q: 'nguyen thi anh' }, { q: 'tran van hung' }, { q: 'Lê Thị Hương' }] },
    { name: 'rare full name (real donors seen once)', queries: rare.map((r) => ({ q: r.n })) },
    { name: 'one common word ("nguyen")', queries: [{ q: 'nguyen' }, { q: 'huong' }, { q: 'ung ho' }] },
    {
      name: 'name + amount range',
      queries: [
        { q: 'tran van', min: 500_000, max: 2_000_000 },
        { q: 'pham thi', min: 1_000_000 },
      ],
    },
    {
      name: 'one day, sorted by amount',
      queries: [
        { from: '2024-09-12', to: '2024-09-12', sort: 'amount_desc' },
        { from: '2024-09-20', to: '2024-09-21' },
      ],
    },
  ];
}

/** The baseline: the same filters, text by unindexed ILIKE on name and memo (no diacritics folding). */
async function naiveSearch(db: Db, campaignId: number, q: Partial<PublicDonationQuery>) {
  const params: unknown[] = [campaignId];
  const where = ['campaign_id = $1', 'reversal_entry_id is null'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (q.q) add('(donor_name ilike ? or memo ilike ?)', `%${q.q}%`);
  if (q.min !== undefined) add('amount >= ?', q.min);
  if (q.max !== undefined) add('amount <= ?', q.max);
  if (q.from) add('received_on >= ?::date', q.from);
  if (q.to) add('received_on <= ?::date', q.to);
  const order = q.sort === 'amount_desc' ? 'amount desc, id desc' : 'received_on desc, id desc';
  return db.tx(async (tx) => {
    if (tx.kind === 'postgres') await tx.exec(`set local statement_timeout = '60s'`);
    return tx.query(`select id, received_on, amount, donor_name, memo from fund_donations where ${where.join(' and ')} order by ${order} limit 21`, params);
  });
}

type ShapeResult = { shape: string; ours: Stats; plans: Record<string, number>; naive: Stats | null; speedup: number | null };
type SizeResult = { rows: number; loadSeconds: number; indexSeconds: number; shapes: ShapeResult[]; all: Stats; throughput: Throughput; http: Throughput };
type Throughput = { requests: number; seconds: number; perSecond: number; p95: number };

async function measureSearch(db: Db, kind: BenchDb['kind'], campaignId: number, count: number, naiveRuns: number): Promise<{ shapes: ShapeResult[]; all: Stats }> {
  const out: ShapeResult[] = [];
  const all: number[] = [];
  const runs = kind === 'postgres' ? 60 : 30;
  for (const s of await shapes(db, campaignId)) {
    const samples: number[] = [];
    const plans: Record<string, number> = {};
    for (let i = 0; i < runs + 5; i++) {
      const q = PublicDonationQuery.parse(s.queries[i % s.queries.length]);
      const t0 = performance.now();
      const r = await searchDonations(db, campaignId, q, count);
      const dt = performance.now() - t0;
      if (i >= 5) {
        samples.push(dt);
        all.push(dt);
        plans[r.plan] = (plans[r.plan] ?? 0) + 1;
      }
    }
    const naive: number[] = [];
    for (let i = 0; i < naiveRuns; i++) {
      const t0 = performance.now();
      await naiveSearch(db, campaignId, s.queries[i % s.queries.length]).catch(() => null);
      naive.push(performance.now() - t0);
    }
    const ours = summarize(samples);
    const nv = naive.length ? summarize(naive) : null;
    out.push({ shape: s.name, ours, plans, naive: nv, speedup: nv ? nv.p50 / ours.p50 : null });
    step(`  ${s.name}: p50 ${ms(ours.p50)} ms, p95 ${ms(ours.p95)} ms${nv ? `; naive p50 ${ms(nv.p50)} ms` : ''}`);
  }
  return { shapes: out, all: summarize(all) };
}

/** `inFlight` requests at a time for `seconds`, each a random query of the mix. */
async function throughput(fn: (i: number) => Promise<unknown>, inFlight: number, seconds: number): Promise<Throughput> {
  const end = performance.now() + seconds * 1000;
  const lat: number[] = [];
  let n = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        const i = n++;
        const s = performance.now();
        await fn(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { requests: lat.length, seconds: secs, perSecond: lat.length / secs, p95: summarize(lat).p95 };
}

/** Share of rows whose donor was named, of all rows and of the rows whose memo names someone at all. */
function namedShares(lines: StatementLine[]) {
  const out: Record<string, { rows: number; named: number; nobody: number; shareAll: number; shareOfNaming: number }> = {};
  for (const bank of ['vietinbank', 'agribank'] as const) {
    const ls = lines.filter((l) => l.bank === bank);
    const named = ls.filter((l) => l.donorName).length;
    const nobody = ls.filter((l) => !l.donorName && memoNamesNobody(l.memo)).length;
    out[bank] = { rows: ls.length, named, nobody, shareAll: named / ls.length, shareOfNaming: named / (ls.length - nobody) };
  }
  return out;
}

/**
 * The real statements imported again (into another unit's accounts, so every line is new) as the product
 * runs an import — one transaction on its own connection on the server, batches that yield on PGlite —
 * while a reader asks /api/health and a public search one request after another.
 */
async function readsDuringImport(db: Db, kind: BenchDb['kind'], app: Awaited<ReturnType<typeof buildApp>>, files: Array<{ name: string; data: Buffer }>, publicCampaign: number) {
  const t2 = await setup(db, 'bench 2');
  const parsed = await parseUpload({ files, format: 'bank', target: { campaignId: t2.campaignId } });
  let running = true;
  const t0 = performance.now();
  const importing = (
    kind === 'pglite'
      ? importParsed(db, null, parsed, { campaignId: t2.campaignId }, undefined, { commit: 'batches' })
      : importUpload(db, null, { files, format: 'bank', target: { campaignId: t2.campaignId } })
  ).finally(() => (running = false));
  const health: number[] = [];
  const search: number[] = [];
  const urls = ['nguyen thi anh', 'tran van hung', 'ung ho', 'le thi huong'].map((q) => `/api/public/campaigns/${publicCampaign}/donations?q=${encodeURIComponent(q)}`);
  for (let i = 0; running; i++) {
    let s = performance.now();
    const h = await app.inject({ url: '/api/health' });
    health.push(performance.now() - s);
    if (h.statusCode !== 200) throw new Error(`health ${h.statusCode}`);
    invalidatePublicCache(); // a search the cache cannot answer
    s = performance.now();
    const r = await app.inject({ url: urls[i % urls.length] });
    search.push(performance.now() - s);
    if (r.statusCode !== 200) throw new Error(`search ${r.statusCode}`);
  }
  const r = await importing;
  return { rows: r.inserted, seconds: (performance.now() - t0) / 1000, health: summarize(health), search: summarize(search) };
}

async function setup(db: Db, label = 'bench'): Promise<Target & { vietin: number; agri: number }> {
  const unitId = await insertUnit(db, { name: `Ủy ban MTTQ (${label})`, level: 'province' });
  await db.query('select refresh_unit_closure()');
  const fundId = await insertFund(db, { unitId, kind: 'cuu_tro', name: 'Quỹ cứu trợ (bench)', openedOn: '2024-01-01' }, null);
  const campaignId = await insertCampaign(
    db,
    { unitId, fundId, name: 'Bão Yagi 2024 (bench)', purpose: 'bench', receiveFrom: '2024-09-01', receiveTo: '2024-09-30', distributeBy: '2024-10-20', isPublic: true },
    null,
  );
  const vietin = await insertBankAccount(db, { unitId, name: 'VietinBank', bankName: 'VietinBank', bankBin: '970415', accountNo: '111602391111', campaignId });
  const agri = await insertBankAccount(db, { unitId, name: 'Agribank', bankName: 'Agribank', bankBin: '970405', accountNo: '1500201113838', campaignId });
  return { unitId, fundId, campaignId, accountId: vietin, entryId: 0, vietin, agri };
}

async function benchOne(bench: BenchDb, sizes: number[]) {
  const db = bench.db;
  const t = await setup(db);
  step(`${bench.kind}: importing the real statements`);
  const files = fs
    .readdirSync(STATEMENTS)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((name) => ({ name, data: fs.readFileSync(path.join(STATEMENTS, name)) }));
  const t0 = performance.now();
  const parsed = await parseUpload({ files, format: 'bank', target: { campaignId: t.campaignId } });
  let parseMs = performance.now() - t0;
  let r: ImportResult;
  let importMs: number;
  if (bench.kind === 'postgres') {
    // As the product imports on a server: the files are written while they are read (importUpload); the
    // parse above is only for the name-recognition figures, and the clock starts again.
    const t1 = performance.now();
    r = await importUpload(db, null, { files, format: 'bank', target: { campaignId: t.campaignId } }, undefined, {}, () => (parseMs = performance.now() - t1));
    importMs = performance.now() - t1;
  } else {
    r = await importParsed(db, null, parsed, { campaignId: t.campaignId });
    importMs = performance.now() - t0;
  }
  const again0 = performance.now();
  const again = await importParsed(db, null, await parseUpload({ files, format: 'bank', target: { campaignId: t.campaignId } }), { campaignId: t.campaignId });
  const againMs = performance.now() - again0;
  const names = namedShares(parsed.lines);
  for (const [bank, n] of Object.entries(names)) {
    step(
      `${bank}: donor named on ${(n.shareAll * 100).toFixed(1)}% of rows; ${((n.nobody / n.rows) * 100).toFixed(1)}% of memos name nobody; ` +
        `${(n.shareOfNaming * 100).toFixed(1)}% of the rows that name someone`,
    );
  }
  const imp = {
    names,
    rows: r.inserted,
    amount: r.amount,
    recovered: r.recovered.length,
    parseMs,
    totalMs: importMs,
    rowsPerSecond: r.inserted / (importMs / 1000),
    reimport: { inserted: again.inserted, skipped: again.skipped, ms: againMs },
  };
  step(`${bench.kind}: ${imp.rows} rows in ${(importMs / 1000).toFixed(1)} s (${imp.rowsPerSecond.toFixed(0)} rows/s); re-import added ${again.inserted}`);
  t.entryId = r.entryIds[0];

  const app = await buildApp(db, { ...loadConfig({ RATE_LIMIT: '0' }), demoPassword: 'bench-password-1' }); // one address sends every request
  step(`${bench.kind}: /api/health and public search during a second import of the real statements`);
  const during = await readsDuringImport(db, bench.kind, app, files, t.campaignId);
  step(
    `${bench.kind}: during the import (${during.rows} rows, ${during.seconds.toFixed(1)} s): health p95 ${ms(during.health.p95)} ms, search p95 ${ms(during.search.p95)} ms; load ${loadAvg().join(' / ')}`,
  );
  const results: SizeResult[] = [];
  let count = r.inserted;
  for (const size of sizes) {
    step(`${bench.kind}: generating donations up to ${size.toLocaleString('en')}`);
    const g0 = performance.now();
    const { rebuildMs } = await withIndexesRebuilt(db, () => generateDonations(db, t, size - count, (d) => step(`    ${(count + d).toLocaleString('en')}`)));
    const loadSeconds = (performance.now() - g0 - rebuildMs) / 1000;
    count = size;
    step(`${bench.kind}: ${size.toLocaleString('en')} rows: generated in ${loadSeconds.toFixed(0)} s, indexes rebuilt in ${(rebuildMs / 1000).toFixed(0)} s`);
    const naiveRuns = size >= 5_000_000 ? 2 : bench.kind === 'pglite' ? 3 : 5;
    const { shapes: sh, all } = await measureSearch(db, bench.kind, t.campaignId, size, naiveRuns);
    // Throughput: uncached searches 8 in flight, then the HTTP route as viewers hit it (its short cache on).
    const mix = (await shapes(db, t.campaignId)).flatMap((s) => s.queries);
    const rand = prng(size);
    invalidatePublicCache();
    const tp = await throughput(() => searchDonations(db, t.campaignId, PublicDonationQuery.parse(mix[Math.floor(rand() * mix.length)]), size), 8, 8);
    const urls = mix.map((q) => `/api/public/campaigns/${t.campaignId}/donations?` + new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString());
    await app.inject({ url: `/api/public/campaigns/${t.campaignId}` });
    const http = await throughput(
      async () => {
        const res = await app.inject({ url: urls[Math.floor(rand() * urls.length)] });
        if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 200)}`);
      },
      16,
      8,
    );
    step(`${bench.kind}: ${tp.perSecond.toFixed(0)} searches/s uncached (8 in flight); ${http.perSecond.toFixed(0)} requests/s over HTTP with the cache`);
    results.push({ rows: size, loadSeconds, indexSeconds: rebuildMs / 1000, shapes: sh, all, throughput: tp, http });
  }
  await app.close();
  return { kind: bench.kind, version: bench.version, import: imp, during, sizes: results, loadAvgAfter: loadAvg() };
}

function format(r: Awaited<ReturnType<typeof benchOne>>): string {
  const lines: string[] = [];
  lines.push(`=== ${r.kind === 'postgres' ? 'PostgreSQL server' : 'PGlite (embedded)'} — ${r.version}`);
  const i = r.import;
  lines.push(`Import of the real statements: ${i.rows.toLocaleString('en')} rows, ${i.amount.toLocaleString('en')} VND, ${i.recovered} amounts recovered from the balance chain;`);
  lines.push(
    `  ${(i.totalMs / 1000).toFixed(1)} s = ${i.rowsPerSecond.toFixed(0)} rows/s (${r.kind === 'postgres' ? 'written while read; every file read after' : 'parsing'} ${(i.parseMs / 1000).toFixed(1)} s of it); the same files again: ${i.reimport.inserted} added, ${i.reimport.skipped.toLocaleString('en')} skipped in ${(i.reimport.ms / 1000).toFixed(1)} s`,
  );
  for (const [bank, n] of Object.entries(i.names)) {
    lines.push(
      `  ${bank}: donor named on ${n.named.toLocaleString('en')} of ${n.rows.toLocaleString('en')} rows (${(n.shareAll * 100).toFixed(1)}%); ` +
        `${n.nobody.toLocaleString('en')} memos name nobody; named ${(n.shareOfNaming * 100).toFixed(1)}% of the rows that name someone`,
    );
  }
  const d = r.during;
  lines.push(
    `During a second import (${d.rows.toLocaleString('en')} rows in ${d.seconds.toFixed(1)} s, ${r.kind === 'pglite' ? 'batches that yield' : 'one transaction on its own connection'}): ` +
      `/api/health p50 ${ms(d.health.p50)} / p95 ${ms(d.health.p95)} ms (${d.health.n} requests), public search p50 ${ms(d.search.p50)} / p95 ${ms(d.search.p95)} ms`,
  );
  for (const s of r.sizes) {
    lines.push('');
    lines.push(
      `Search over ${s.rows.toLocaleString('en')} donations (generated in ${s.loadSeconds.toFixed(0)} s, indexes built in ${s.indexSeconds.toFixed(0)} s); ms, one request at a time:`,
    );
    const head = ['query shape', 'p50', 'p95', 'plan', 'naive p50', 'naive p95', 'speed-up'];
    const body = s.shapes.map((x) => [
      x.shape,
      ms(x.ours.p50),
      ms(x.ours.p95),
      Object.entries(x.plans)
        .map(([k, v]) => `${k}×${v}`)
        .join(' '),
      x.naive ? ms(x.naive.p50) : '',
      x.naive ? ms(x.naive.p95) : '',
      x.speedup ? `${x.speedup >= 10 ? x.speedup.toFixed(0) : x.speedup.toFixed(1)}×` : '',
    ]);
    body.push(['all shapes', ms(s.all.p50), ms(s.all.p95), '', '', '', '']);
    const w = head.map((h, k) => Math.max(h.length, ...body.map((b) => b[k].length)));
    for (const row of [head, ...body]) lines.push('  ' + row.map((c, k) => (k === 0 || k === 3 ? c.padEnd(w[k]) : c.padStart(w[k]))).join('  '));
    lines.push(
      `  requests/s: ${s.throughput.perSecond.toFixed(0)} uncached searches (8 in flight, p95 ${ms(s.throughput.p95)} ms); ` +
        `${s.http.perSecond.toFixed(0)} HTTP requests with the public cache (16 in flight, p95 ${ms(s.http.p95)} ms)`,
    );
  }
  if (r.kind === 'postgres') {
    const big = r.sizes.at(-1)!;
    const goal = (g: string, ok: boolean, m: string) => lines.push(`  goal ${g}: ${ok ? 'PASS' : 'FAIL'} (${m})`);
    lines.push('');
    goal('import ≥ 20,000 rows/s', i.rowsPerSecond >= 20_000, `${i.rowsPerSecond.toFixed(0)} rows/s, load average ${r.loadAvgAfter.join(' / ')}`);
    goal('health and public-search p95 < 200 ms during an import', d.health.p95 < 200 && d.search.p95 < 200, `${ms(d.health.p95)} / ${ms(d.search.p95)} ms`);
    for (const [bank, n] of Object.entries(i.names)) goal(`${bank}: named ≥ 95% of the rows that name someone`, n.shareOfNaming >= 0.95, `${(n.shareOfNaming * 100).toFixed(1)}%`);
    goal(`search p95 < 50 ms at ${big.rows.toLocaleString('en')} rows`, big.all.p95 < 50, `p95 ${ms(big.all.p95)} ms over all shapes`);
    goal(
      `≥ 500 requests/s at ${big.rows.toLocaleString('en')} rows`,
      big.http.perSecond >= 500 || big.throughput.perSecond >= 500,
      `${big.throughput.perSecond.toFixed(0)} uncached, ${big.http.perSecond.toFixed(0)} over HTTP with the cache`,
    );
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<void> {
  // The same module as a user starts it (as-started.ts): figures over HTTP beside the engine-level ones.
  if (argv.includes('--started'))
    return (await import('./as-started')).main(
      'fund',
      argv.filter((a) => a !== '--started'),
    );
  const { only, rows } = parseArgs(argv);
  const m = machine();
  log(`Đoàn Kết — fund benchmark (import, public search), ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}; load average ${m.loadAvg.join(' / ')}`);
  const results: Array<Awaited<ReturnType<typeof benchOne>>> = [];
  const notes: string[] = [];
  for (const kind of only ? [only] : (['postgres', 'pglite'] as const)) {
    log('');
    let bench: BenchDb;
    if (kind === 'postgres') {
      step(`postgres: creating a fresh database on ${redact(serverUrl())}`);
      const opened = await openBenchPostgres();
      if ('error' in opened) {
        log(`=== PostgreSQL server — SKIPPED: unreachable (${opened.error})`);
        notes.push(`postgres skipped: ${opened.error}`);
        continue;
      }
      bench = opened;
    } else bench = await openBenchPglite();
    const max = rows ?? (kind === 'postgres' ? 10_000_000 : 1_000_000);
    const sizes = [1_000_000, 10_000_000]
      .filter((s) => s < max)
      .concat([max])
      .filter((s, k, a) => a.indexOf(s) === k && s > 98_967);
    if (kind === 'pglite' && !rows) {
      const note = 'PGlite runs at 1M rows only: generating and indexing 10M rows in single-threaded WebAssembly takes far longer than the run allows (use --rows to try).';
      log(note);
      notes.push(note);
    }
    try {
      const r = await benchOne(bench, sizes);
      results.push(r);
      log(format(r));
    } finally {
      await bench.cleanup();
    }
  }
  const file = path.resolve('.tmp/bench-fund.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, notes, results }, null, 2));
  log('');
  log(`Results written to ${path.relative(process.cwd(), file)}`);
}
