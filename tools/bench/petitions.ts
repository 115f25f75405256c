// `npm run bench -- petitions [--only pglite|postgres] [--rows N] [--villages N]`: petitions at national
// size. Over the synthetic national unit tree (hierarchy.ts) it generates N petitions set-based (default
// 2,000,000 on both databases: about 2 min on PostgreSQL and 3.5 min on PGlite on a quiet 2-core machine;
// --rows sets fewer), then times (1) the overdue list of a province (count + first page, as the province's
// standing committee sees it) against a naive query that derives "overdue" from state and dates and
// scans the province's petitions, and (2) the public tracking lookup through the HTTP app (inject),
// one at a time (p50/p95) and 16 in flight (requests/s), against a naive lookup without the index.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../apps/server/src/db/db';
import { loadConfig } from '../../apps/server/src/config';
import { listPetitions } from '../../apps/server/src/modules/petitions/queries';
import { trackingCodeSql } from '../../apps/server/src/modules/petitions/rules';
import { sessionAs } from '../../apps/server/src/test/factories';
import { buildWorld } from './hierarchy';
import { loadWorld } from './load';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { machine, loadAvg } from './report';
import { today } from '../../apps/server/src/platform/access';
import { summarize, timeLoop, timeOnce, type Stats } from './stats';
import { log, parseBenchArgs, step, UsageError } from './cli';

const TODAY = today();
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function parseArgs(argv: string[]) {
  const args = parseBenchArgs(argv, { rows: undefined as number | undefined, villages: 100_000 });
  if (args.rows !== undefined && args.rows < 10_000) throw new UsageError('--rows takes an integer ≥ 10000');
  return args;
}

/**
 * Petitions spread over every commune and village through its whole life: 80% closed, 5% declined,
 * 5% answered, 10% open at units valid today (received in the last 150 days; many overdue).
 * Batches of 200,000 keep one statement's memory bounded on PGlite.
 */
async function generate(db: Db, n: number): Promise<void> {
  await db.exec(`
    create temp table bu as select row_number() over (order by id) as n, id, valid_from,
      least(valid_to, vn_today()) - valid_from as span from units where level in ('commune', 'village') and valid_from < vn_today();
    create temp table bc as select row_number() over (order by id) as n, id from units
      where level in ('commune', 'village') and valid_from <= vn_today() - 150 and vn_today() < valid_to;
    alter table bu add primary key (n); alter table bc add primary key (n);
    analyze bu; analyze bc;`);
  const [{ m, k }] = await db.query<{ m: number; k: number }>('select (select count(*) from bu)::int as m, (select count(*) from bc)::int as k');
  for (let from = 1; from <= n; from += 200_000) {
    const to = Math.min(n, from + 199_999);
    await db.query(
      `insert into petitions (id, tracking_code, unit_id, channel, kind, field, title, content, received_on, state, accept_due_on,
                              answer_due_on, due_on, forwarded_on, answered_on, answer_in_writing, answer_summary, answer_public, closed_on, content_hash)
       overriding system value
       select i, ${trackingCodeSql('i')}, x.unit_id, (array['reception','written','web','voter_meeting','dialogue','situation_report'])[1 + i % 6],
              (array['khieu_nai','to_cao','kien_nghi','phan_anh'])[1 + i % 4], 'khac', 'Kiến nghị số ' || i, 'Nội dung kiến nghị ' || i,
              x.received, x.state, x.received + 10,
              case when x.state in ('closed', 'answered', 'forwarded') then x.received + 64 end,
              case when x.state in ('received', 'accepted') then x.received + 10 when x.state = 'forwarded' then x.received + 64 end,
              case when x.state in ('closed', 'answered', 'forwarded') then x.received + 4 end,
              case when x.state in ('closed', 'answered') then x.received + 24 end,
              case when x.state in ('closed', 'answered') then i % 10 <> 0 end,
              case when x.state in ('closed', 'answered') then 'Đã trả lời' end, x.state in ('closed', 'answered'),
              case when x.state = 'closed' then x.received + 30 end, md5(i::text)
         from generate_series($1::bigint, $2::bigint) i
         cross join lateral (
           select case when i % 100 < 90 then bu.id else bc.id end as unit_id,
                  case when i % 100 < 90 then bu.valid_from + ((i * 7919) % greatest(bu.span, 1))::int else vn_today() - (i % 150)::int end as received,
                  case when i % 100 < 80 then 'closed' when i % 100 < 85 then 'declined' when i % 100 < 90 then 'answered'
                       when i % 100 < 93 then 'received' when i % 100 < 95 then 'accepted' else 'forwarded' end as state
             from bu, bc where bu.n = 1 + (i * 2654435761) % $3 and bc.n = 1 + (i * 40503) % $4) x`,
      [from, to, m, k],
    );
    await db.query(
      `insert into petition_events (petition_id, on_date, action, from_state, to_state)
       select id, received_on, 'receive', null, 'received' from petitions where id between $1 and $2
       union all
       select id, forwarded_on, 'forward', 'accepted', 'forwarded' from petitions where id between $1 and $2 and forwarded_on is not null`,
      [from, to],
    );
    step(`${to.toLocaleString('en')} petitions`);
  }
  await db.query(`select setval(pg_get_serial_sequence('petitions', 'id'), $1)`, [n]);
  await db.exec('vacuum analyze petitions');
  await db.exec('vacuum analyze petition_events');
}

type Row = { name: string; product: Stats; naive?: Stats; note?: string };

/** The naive overdue list: "overdue" computed from state and dates over all the province's petitions. */
const NAIVE_OVERDUE = `
  with places as (select distinct c.descendant_id, c.valid_from, c.valid_to from unit_lineage_closure l
                    join unit_closure c on c.ancestor_id = l.predecessor_id where l.successor_id = $1),
  p as (select p.* from petitions p join places s on s.descendant_id = p.unit_id and p.received_on >= s.valid_from and p.received_on < s.valid_to
         where (p.state in ('received', 'accepted') and p.accept_due_on < $2::date) or (p.state = 'forwarded' and p.answer_due_on < $2::date))
  select (select count(*) from p)::int as n, (select json_agg(x) from (select id, tracking_code, title from p order by least(accept_due_on, answer_due_on), id limit 50) x) as page`;

async function benchDb(bench: BenchDb, villages: number, rows: number): Promise<{ rows: Row[]; facts: Record<string, unknown> }> {
  const db = bench.db;
  const world = buildWorld(villages);
  step(`${bench.kind}: loading ${world.counts.units} units`);
  await loadWorld(db, world);
  step(`${bench.kind}: generating ${rows.toLocaleString('en')} petitions`);
  const gen = await timeOnce(() => generate(db, rows));
  const out: Row[] = [];

  // (1) Overdue list for a province, as its standing committee; provinces with the most predecessors first.
  const provinces = [...world.provinces].sort((a, b) => b.predecessors.length - a.predecessors.length).slice(0, 6);
  const sessions = await Promise.all(provinces.map((p) => sessionAs(db, 'standing_committee', p.id)));
  const counts: number[] = [];
  for (const [i, p] of provinces.entries()) {
    const page = await listPetitions(db, sessions[i].user, { unit: p.id, overdue: true, limit: 50, offset: 0 }, TODAY);
    const [naive] = await db.query<{ n: number }>(NAIVE_OVERDUE, [p.id, TODAY]);
    if (naive.n !== page.total) throw new Error(`overdue count differs for province ${p.id}: ${page.total} vs naive ${naive.n}`);
    counts.push(page.total);
  }
  const iterations = bench.kind === 'postgres' ? 120 : 40;
  const overdue = await timeLoop(iterations, 6, (i) =>
    listPetitions(db, sessions[i % provinces.length].user, { unit: provinces[i % provinces.length].id, overdue: true, limit: 50, offset: 0 }, TODAY),
  );
  const naiveOverdue = await timeLoop(bench.kind === 'postgres' ? 12 : 4, 1, (i) => db.query(NAIVE_OVERDUE, [provinces[i % provinces.length].id, TODAY]));
  out.push({
    name: 'overdue list of a province (count + first 50, scoped)',
    product: overdue,
    naive: naiveOverdue,
    note: `overdue per province ${Math.min(...counts)}–${Math.max(...counts)}; same count as naive`,
  });

  // (2) Public tracking lookup through the app.
  const { buildApp } = await import('../../apps/server/src/app');
  const app = await buildApp(db, { ...loadConfig({ RATE_LIMIT: '0' }), demoPassword: 'bench-password-1' }); // one address sends every request
  const codes = (await db.query<{ c: string }>(`select tracking_code as c from petitions where id in (select 1 + (g * 7777) % $1 from generate_series(1, 2000) g)`, [rows])).map(
    (r) => r.c,
  );
  const first = await app.inject({ method: 'GET', url: `/api/public/petitions/${codes[0]}` });
  if (first.statusCode !== 200) throw new Error(`tracking lookup answered ${first.statusCode}: ${first.body}`);
  const lookups = bench.kind === 'postgres' ? 2000 : 600;
  const track = await timeLoop(lookups, 100, (i) => app.inject({ method: 'GET', url: `/api/public/petitions/${codes[i % codes.length]}` }));
  const naiveTrack = await timeLoop(bench.kind === 'postgres' ? 10 : 4, 1, (i) =>
    db.query(`select p.id, p.state from petitions p where upper(p.tracking_code) = upper($1)`, [codes[i % codes.length]]),
  );
  out.push({
    name: 'public tracking lookup, HTTP GET one at a time',
    product: track,
    naive: naiveTrack,
    note: 'naive: the same lookup without the unique index (upper() on both sides), SQL only',
  });
  // Throughput: 16 requests in flight for a fixed count.
  const total = bench.kind === 'postgres' ? 6000 : 2000;
  let next = 0;
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url: `/api/public/petitions/${codes[i % codes.length]}` });
        if (res.statusCode !== 200) throw new Error(`tracking lookup answered ${res.statusCode}`);
        lat.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await app.close();
  out.push({ name: 'public tracking lookup, HTTP, 16 in flight', product: summarize(lat), note: `${Math.round(total / seconds)} requests/s` });
  return { rows: out, facts: { petitions: rows, generateSeconds: Math.round(gen.ms / 100) / 10, overduePerProvince: counts, requestsPerSecond: Math.round(total / seconds) } };
}

function format(kind: string, version: string, r: { rows: Row[]; facts: Record<string, unknown> }): string {
  const lines = [
    `=== ${kind === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL server'} — ${version}`,
    `petitions: ${Number(r.facts.petitions).toLocaleString('en')} (generated in ${r.facts.generateSeconds} s)`,
  ];
  lines.push('case | n | p50 ms | p95 ms | naive p50 | naive p95 | naive ÷ product (p50) | note');
  for (const row of r.rows) {
    lines.push(
      [
        row.name,
        row.product.n,
        ms(row.product.p50),
        ms(row.product.p95),
        row.naive ? ms(row.naive.p50) : '',
        row.naive ? ms(row.naive.p95) : '',
        row.naive ? `${(row.naive.p50 / row.product.p50).toFixed(0)}×` : '',
        row.note ?? '',
      ].join(' | '),
    );
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<void> {
  // The same module as a user starts it (as-started.ts): figures over HTTP beside the engine-level ones.
  if (argv.includes('--started'))
    return (await import('./as-started')).main(
      'petitions',
      argv.filter((a) => a !== '--started'),
    );
  const { only, rows, villages } = parseArgs(argv);
  const m = machine();
  log(`Đoàn Kết — petitions benchmark, ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}; load average ${m.loadAvg.join(' / ')}`);
  const results: Array<Record<string, unknown>> = [];
  for (const kind of only ? [only] : (['postgres', 'pglite'] as const)) {
    let bench: BenchDb;
    if (kind === 'postgres') {
      const opened = await openBenchPostgres();
      if ('error' in opened) {
        log(`=== PostgreSQL server — SKIPPED: ${redact(serverUrl())} unreachable (${opened.error})`);
        continue;
      }
      bench = opened;
    } else bench = await openBenchPglite();
    try {
      const n = rows ?? 2_000_000;
      const r = await benchDb(bench, villages, n);
      log('');
      log(format(kind, bench.version, r));
      if (kind === 'postgres') {
        const o = r.rows[0].product.p95;
        const t = r.rows[1].product.p95;
        const rps = Number(r.facts.requestsPerSecond);
        log(
          `Goals: overdue list p95 < 200 ms — ${o < 200 ? 'PASS' : 'FAIL'} (${ms(o)}); tracking p95 < 10 ms — ${t < 10 ? 'PASS' : 'FAIL'} (${ms(t)}); ≥ 1,000 requests/s — ${rps >= 1000 ? 'PASS' : 'FAIL'} (${rps})`,
        );
      }
      results.push({ kind, version: bench.version, ...r, loadAvgAfter: loadAvg() });
    } finally {
      await bench.cleanup();
    }
  }
  const file = path.resolve('.tmp/bench-petitions.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, results }, null, 2));
  log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}
