// `npm run bench -- oversight [--only pglite|postgres] [--rows N] [--pglite-rows N] [--villages N]`: the
// overdue list of supervision recommendations at national size. Over the synthetic national unit tree
// (hierarchy.ts) it generates N recommendations set-based (default 1,000,000 on PostgreSQL, 250,000 on
// PGlite), one supervision per three, then times the overdue list of a province (count + first page,
// as the province's standing committee sees it) against a naive query that derives "overdue" from the
// status and the due date and scans the province's recommendations; both must give the same counts.
import { today } from '../../apps/server/src/platform/access';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../apps/server/src/db/db';
import { listRecommendations } from '../../apps/server/src/modules/oversight/queries';
import { sessionAs } from '../../apps/server/src/test/factories';
import { buildWorld } from './hierarchy';
import { loadWorld } from './load';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { machine, loadAvg } from './report';
import { timeLoop, timeOnce, type Stats } from './stats';
import { log, parseBenchArgs, step, UsageError } from './cli';

const TODAY = today();
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function parseArgs(argv: string[]) {
  const args = parseBenchArgs(argv, { rows: 1_000_000, pgliteRows: 250_000, villages: 100_000 });
  if (args.rows < 10_000 || args.pgliteRows < 10_000) throw new UsageError('--rows and --pglite-rows take an integer ≥ 10000');
  return args;
}

/**
 * Supervisions at communes and villages through their whole life, three recommendations each: 85%
 * remedied or refused (closed), 15% open — those at units valid today made in the last 200 days, due
 * 30–90 days later, so about half are overdue. Batches of 150,000 keep memory bounded on PGlite.
 */
async function generate(db: Db, n: number): Promise<void> {
  await db.exec(`
    create temp table bu as select row_number() over (order by id) as n, id, valid_from,
      least(valid_to, vn_today()) - valid_from as span from units where level in ('commune', 'village') and valid_from < vn_today();
    create temp table bc as select row_number() over (order by id) as n, id from units
      where level in ('commune', 'village') and valid_from <= vn_today() - 200 and vn_today() < valid_to;
    alter table bu add primary key (n); alter table bc add primary key (n);
    analyze bu; analyze bc;`);
  const [{ m, k }] = await db.query<{ m: number; k: number }>('select (select count(*) from bu)::int as m, (select count(*) from bc)::int as k');
  const acts = Math.ceil(n / 3);
  for (let from = 1; from <= acts; from += 150_000) {
    const to = Math.min(acts, from + 149_999);
    await db.query(
      `insert into oversight_activities (id, unit_id, kind, form, title, subject_kind, subject, started_on, ended_on, conclusion, status)
       overriding system value
       select i, x.unit_id, 'supervision', (array['direct','coordinated'])[1 + i % 2], 'Giám sát số ' || i, 'agency', 'UBND', x.d, x.d, 'Kết luận', 'completed'
         from generate_series($1::bigint, $2::bigint) i
         cross join lateral (
           select case when i % 20 < 17 then bu.id else bc.id end as unit_id,
                  case when i % 20 < 17 then bu.valid_from + ((i * 7919) % greatest(bu.span, 1))::int else vn_today() - (i % 200)::int end as d
             from bu, bc where bu.n = 1 + (i * 2654435761) % $3 and bc.n = 1 + (i * 40503) % $4) x`,
      [from, to, m, k],
    );
    // Recommendations of activities from..to: closed when the activity is old (17 in 20), else open.
    await db.query(
      `insert into oversight_recommendations (activity_id, unit_id, made_on, content, agency, due_on, status, done_on, open_due_on)
       select a.id, a.unit_id, a.ended_on, 'Kiến nghị ' || a.id || '.' || j, 'UBND', a.ended_on + (30 * (1 + (a.id + j) % 3))::int,
              case when a.id % 20 >= 17 then (array['pending','accepted','partly'])[1 + j] when (a.id + j) % 7 = 0 then 'refused' else 'done' end,
              case when a.id % 20 < 17 and (a.id + j) % 7 <> 0 then a.ended_on + 20 end,
              case when a.id % 20 >= 17 then a.ended_on + (30 * (1 + (a.id + j) % 3))::int end
         from oversight_activities a cross join generate_series(0, 2) j
        where a.id between $1 and $2 and (a.id - 1) * 3 + j < $3`,
      [from, to, n],
    );
    step(`${Math.min(n, to * 3).toLocaleString('en')} recommendations`);
  }
  await db.query(`select setval(pg_get_serial_sequence('oversight_activities', 'id'), $1)`, [acts]);
  await db.exec('vacuum analyze oversight_activities');
  await db.exec('vacuum analyze oversight_recommendations');
}

type Row = { name: string; product: Stats; naive?: Stats; note?: string };

/** The naive overdue list: "overdue" derived from status and due date over all the province's recommendations. */
const NAIVE_OVERDUE = `
  with places as (select distinct c.descendant_id, c.valid_from, c.valid_to from unit_lineage_closure l
                    join unit_closure c on c.ancestor_id = l.predecessor_id where l.successor_id = $1),
  r as (select r.* from oversight_recommendations r join places s on s.descendant_id = r.unit_id and r.made_on >= s.valid_from and r.made_on < s.valid_to
         where r.status in ('pending', 'accepted', 'partly') and r.due_on < $2::date)
  select (select count(*) from r)::int as n, (select json_agg(x) from (select id, content from r order by due_on, id limit 50) x) as page`;

async function benchDb(bench: BenchDb, villages: number, rows: number): Promise<{ rows: Row[]; facts: Record<string, unknown> }> {
  const db = bench.db;
  const world = buildWorld(villages);
  step(`${bench.kind}: loading ${world.counts.units} units`);
  await loadWorld(db, world);
  step(`${bench.kind}: generating ${rows.toLocaleString('en')} recommendations`);
  const gen = await timeOnce(() => generate(db, rows));
  const provinces = [...world.provinces].sort((a, b) => b.predecessors.length - a.predecessors.length).slice(0, 6);
  const sessions = await Promise.all(provinces.map((p) => sessionAs(db, 'standing_committee', p.id)));
  const counts: number[] = [];
  const q = (unit: number) => ({ unit, overdue: true, limit: 50, offset: 0 });
  for (const [i, p] of provinces.entries()) {
    const page = await listRecommendations(db, sessions[i].user, q(p.id), TODAY);
    const [naive] = await db.query<{ n: number }>(NAIVE_OVERDUE, [p.id, TODAY]);
    if (naive.n !== page.total) throw new Error(`overdue count differs for province ${p.id}: ${page.total} vs naive ${naive.n}`);
    counts.push(page.total);
  }
  const overdue = await timeLoop(bench.kind === 'postgres' ? 120 : 40, 6, (i) =>
    listRecommendations(db, sessions[i % provinces.length].user, q(provinces[i % provinces.length].id), TODAY),
  );
  const naive = await timeLoop(bench.kind === 'postgres' ? 12 : 4, 1, (i) => db.query(NAIVE_OVERDUE, [provinces[i % provinces.length].id, TODAY]));
  const [{ total }] = await db.query<{ total: number }>('select count(*)::int as total from oversight_recommendations');
  return {
    rows: [
      {
        name: 'overdue recommendations of a province (count + first 50, scoped)',
        product: overdue,
        naive,
        note: `overdue per province ${Math.min(...counts)}–${Math.max(...counts)}; same count as naive`,
      },
    ],
    facts: { recommendations: total, generateSeconds: Math.round(gen.ms / 100) / 10, overduePerProvince: counts },
  };
}

function format(kind: string, version: string, r: { rows: Row[]; facts: Record<string, unknown> }): string {
  const lines = [
    `=== ${kind === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL server'} — ${version}`,
    `recommendations: ${Number(r.facts.recommendations).toLocaleString('en')} (generated in ${r.facts.generateSeconds} s)`,
    'case | n | p50 ms | p95 ms | naive p50 | naive p95 | naive ÷ product (p50) | note',
  ];
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
  const { only, rows, pgliteRows, villages } = parseArgs(argv);
  const m = machine();
  log(`Đoàn Kết — oversight benchmark, ${m.date}`);
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
      const r = await benchDb(bench, villages, kind === 'postgres' ? rows : pgliteRows);
      log('');
      log(format(kind, bench.version, r));
      if (kind === 'postgres') {
        const p95 = r.rows[0].product.p95;
        log(`Goal: overdue recommendations of a province p95 < 200 ms — ${p95 < 200 ? 'PASS' : 'FAIL'} (${ms(p95)})`);
      }
      log(`load average after: ${loadAvg().join(' / ')}`);
      results.push({ kind, version: bench.version, ...r, loadAvgAfter: loadAvg() });
    } finally {
      await bench.cleanup();
    }
  }
  const file = path.resolve('.tmp/bench-oversight.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, results }, null, 2));
  log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}
