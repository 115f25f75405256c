// `npm run bench -- movements [--only pglite|postgres] [--villages N] [--province-villages N]`: target 7's
// "villages that have not held the Solidarity Day this year" at province size. Over the synthetic
// national unit tree (hierarchy.ts, default 110,000 villages: the largest province gets about 5,200) it records the Solidarity Day of five
// years (2022–2026) for 97% of the villages standing each year, set-based; then, for the province whose
// villages come nearest above --province-villages (default 5,000), it times the product's list
// (modules/movements/queries.ts: one closure range scan, one unique-index probe per village) against a
// naive query (a recursive walk down the unit versions and NOT IN over the year taken from the date),
// year by year; both must give the same number of villages not held.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../apps/server/src/db/db';
import { referenceDay, villagesNotHeld, villagesNotHeldNaive } from '../../apps/server/src/modules/movements/queries';
import { buildWorld } from './hierarchy';
import { loadWorld } from './load';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { machine, loadAvg } from './report';
import { timeLoop, timeOnce, type Stats } from './stats';
import { log, parseBenchArgs, step, UsageError } from './cli';

const YEARS = [2022, 2023, 2024, 2025, 2026];
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function parseArgs(argv: string[]) {
  const args = parseBenchArgs(argv, { villages: 110_000, provinceVillages: 5_000 });
  if (args.villages < 10_000) throw new UsageError('--villages takes an integer ≥ 10000');
  return args;
}

/** The Solidarity Day on 18 November of each year in 97% of the villages standing that day (not yet for a day still to come). */
async function generate(db: Db): Promise<number> {
  await db.query(
    `insert into solidarity_festivals (unit_id, year, held_on, attendance, meal, leaders_local, collectives_commended, individuals_commended)
     select u.id, y, make_date(y, 11, 18), 300 + (u.id * 37 + y) % 900, (u.id + y) % 25 <> 0, (u.id + y) % 3, (u.id + y) % 4, (u.id * 7 + y) % 20
       from units u cross join generate_series($1::int, $2::int) y
      where u.level = 'village' and u.valid_from <= make_date(y, 11, 18) and make_date(y, 11, 18) < u.valid_to
        and make_date(y, 11, 18) <= vn_today() and (u.id * 7919 + y * 31) % 100 >= 3`,
    [YEARS[0], YEARS.at(-1)],
  );
  await db.exec('vacuum analyze solidarity_festivals');
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from solidarity_festivals');
  return n;
}

type Row = { name: string; product: Stats; naive: Stats; note: string };

async function benchDb(bench: BenchDb, villages: number, want: number) {
  const db = bench.db;
  const world = buildWorld(villages);
  step(`${bench.kind}: loading ${world.counts.units} units`);
  await loadWorld(db, world);
  step(`${bench.kind}: recording the Solidarity Day of ${YEARS.length} years`);
  const gen = await timeOnce(() => generate(db));
  // The province whose villages (standing on each year's reference day, now view) come nearest above `want`.
  const sizes = await db.query<{ id: number; n: number }>(
    `select c.ancestor_id as id, count(*)::int as n from unit_closure c join units u on u.id = c.descendant_id and u.level = 'village'
      where c.ancestor_id = any($1::bigint[]) and c.valid_from <= $2::date and $2::date < c.valid_to group by c.ancestor_id`,
    [world.provinces.map((p) => p.id), referenceDay(YEARS.at(-1)!)],
  );
  const above = sizes.filter((s) => s.n >= want).sort((a, b) => a.n - b.n);
  const province = above[0] ?? sizes.sort((a, b) => b.n - a.n)[0];
  const rows: Row[] = [];
  const perYear: Array<{ year: number; villages: number; notHeld: number }> = [];
  for (const year of YEARS) {
    const r = await villagesNotHeld(db, province.id, year);
    const naiveCount = await villagesNotHeldNaive(db, province.id, year);
    if (naiveCount !== r.notHeld.length) throw new Error(`${year}: not held ${r.notHeld.length} vs naive ${naiveCount}`);
    perYear.push({ year, villages: r.villages, notHeld: r.notHeld.length });
  }
  const product = await timeLoop(bench.kind === 'postgres' ? 100 : 30, 5, (i) => villagesNotHeld(db, province.id, YEARS[i % YEARS.length]));
  const naive = await timeLoop(bench.kind === 'postgres' ? 10 : 3, 1, (i) => villagesNotHeldNaive(db, province.id, YEARS[i % YEARS.length]));
  rows.push({
    name: 'villages of a province that have not held the Solidarity Day in a year (list, sorted)',
    product,
    naive,
    note: `years ${YEARS[0]}–${YEARS.at(-1)}; same counts as naive`,
  });
  const [{ total }] = await db.query<{ total: number }>('select count(*)::int as total from solidarity_festivals');
  return { rows, facts: { festivals: total, generateSeconds: Math.round(gen.ms / 100) / 10, province: province.id, provinceVillages: province.n, perYear } };
}

function format(kind: string, version: string, r: Awaited<ReturnType<typeof benchDb>>): string {
  const lines = [
    `=== ${kind === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL server'} — ${version}`,
    `Solidarity Days recorded: ${r.facts.festivals.toLocaleString('en')} (generated in ${r.facts.generateSeconds} s); province ${r.facts.province} with ${r.facts.provinceVillages.toLocaleString('en')} villages`,
    `per year (villages / not held): ${r.facts.perYear.map((y) => `${y.year} ${y.villages}/${y.notHeld}`).join(', ')}`,
    'case | n | p50 ms | p95 ms | naive p50 | naive p95 | naive ÷ product (p50) | note',
  ];
  for (const row of r.rows) {
    lines.push(
      [row.name, row.product.n, ms(row.product.p50), ms(row.product.p95), ms(row.naive.p50), ms(row.naive.p95), `${(row.naive.p50 / row.product.p50).toFixed(1)}×`, row.note].join(
        ' | ',
      ),
    );
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<void> {
  const { only, villages, provinceVillages } = parseArgs(argv);
  const m = machine();
  log(`Đoàn Kết — movements benchmark (target 7: villages not yet held), ${m.date}`);
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
      const r = await benchDb(bench, villages, provinceVillages);
      log('');
      log(format(kind, bench.version, r));
      if (kind === 'postgres') {
        const p95 = r.rows[0].product.p95;
        log(`Goal: villages not yet held in a province of ${r.facts.provinceVillages.toLocaleString('en')} villages, p95 < 300 ms — ${p95 < 300 ? 'PASS' : 'FAIL'} (${ms(p95)})`);
      }
      log(`load average after: ${loadAvg().join(' / ')}`);
      results.push({ kind, version: bench.version, ...r, loadAvgAfter: loadAvg() });
    } finally {
      await bench.cleanup();
    }
  }
  const file = path.resolve('.tmp/bench-movements.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, results }, null, 2));
  log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}
