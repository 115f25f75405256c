// `npm run bench -- households [--only pglite|postgres] [--households N] [--pglite-households N]`
// One synthetic province of 1,000,000 households (PGlite: 250,000 by default — WebAssembly, one core)
// on the national unit tree of the foundation benchmark. Measures target-4 coverage for every village
// of the province in one query, and the duplicate check for one new entry, each against a naive
// baseline in the same run, and checks both give the same answers.
import { coverage, coverageByVillage, personDuplicates } from '../../apps/server/src/modules/households/queries';
import { reachOf, type CurrentUser } from '../../apps/server/src/platform/access';
import { normalizeVn } from '../../apps/server/src/platform/vn-text';
import type { Db } from '../../apps/server/src/db/db';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { buildWorld, type World } from './hierarchy';
import { loadWorld } from './load';
import { loadAvg, machine } from './report';
import { pick, prng, timeLoop, timeOnce, type Stats } from './stats';
import { log, parseBenchArgs, step, UsageError } from './cli';

const YEAR = 2026;
const SURNAMES = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Hoàng',
  'Thân',
  'Giáp',
  'Vũ',
  'Đỗ',
  'Ngô',
  'Bùi',
  'Đặng',
  'Dương',
  'Phan',
  'Đào',
  'Lý',
  'Hà',
  'Trịnh',
  'Đinh',
  'Chu',
];
const MIDDLES = ['Văn', 'Văn', 'Văn', 'Thị', 'Thị', 'Thị', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Thanh', 'Ngọc', 'Thu', 'Hồng', 'Kim'];
const GIVENS = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Huy',
  'Khánh',
  'Lâm',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Thành',
  'Tuấn',
  'Tùng',
  'Việt',
  'Anh',
  'Chi',
  'Dung',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hiền',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Nhung',
  'Phương',
  'Thảo',
  'Thủy',
  'Trang',
  'Vân',
  'Yến',
];
const ADMIN: CurrentUser = { id: 0, username: 'bench', displayName: 'bench', role: 'admin', unitId: null, unitValidTo: null };

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
const fmt = (s: Stats) => `${ms(s.p50)} / ${ms(s.p95)}`;

function parseArgs(argv: string[]) {
  const args = parseBenchArgs(argv, { households: 1_000_000, pgliteHouseholds: 250_000 });
  if (!(args.households >= 10_000 && args.pgliteHouseholds >= 10_000)) throw new UsageError('household counts must be ≥ 10000');
  return args;
}

/** The current province with the most villages: the synthetic province the households live in. */
export function biggestProvince(w: World) {
  const byProvince = new Map<number, number[]>();
  for (const c of w.communes) byProvince.set(c.provinceId, [...(byProvince.get(c.provinceId) ?? []), ...c.villages]);
  const [id, villages] = [...byProvince.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  return { id, villages };
}

/** Households, their heads as members, the 2026 review and support, all generated in SQL (set-based). */
export async function generate(db: Db, villages: number[], n: number): Promise<void> {
  const chunk = 250_000;
  const arrays = [SURNAMES, SURNAMES.map(normalizeVn), MIDDLES, MIDDLES.map(normalizeVn), GIVENS, GIVENS.map(normalizeVn)];
  // Multiplicative hashes pick each name part independently of the village (g mod villages).
  const part = (a: number, k: number, len: number) => `$${a}::text[])[1 + ((g * ${k}) % 2147483647) % ${len}]`;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await db.query(
      `insert into households (id, unit_id, head_name, head_name_search, head_birth_year, address, address_search, registered_on) overriding system value
       select g, ($1::bigint[])[1 + g % ${villages.length}],
              (${part(2, 48271, SURNAMES.length)} || ' ' || (${part(4, 69621, MIDDLES.length)} || ' ' || (${part(6, 16807, GIVENS.length)},
              (${part(3, 48271, SURNAMES.length)} || ' ' || (${part(5, 69621, MIDDLES.length)} || ' ' || (${part(7, 16807, GIVENS.length)},
              1930 + (g * 7919) % 71, 'Số ' || (g % 200 + 1) || ', xóm ' || (g % 17 + 1), 'so ' || (g % 200 + 1) || ' xom ' || (g % 17 + 1), '2019-01-01'
         from generate_series($8::bigint, $9::bigint) as g`,
      [villages, ...arrays, from, to],
    );
    step(`households ${to.toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
  await db.query(`select setval(pg_get_serial_sequence('households', 'id'), (select max(id) from households))`);
  await db.exec(`insert into household_members (household_id, full_name, name_search, birth_year, relation)
                   select id, head_name, head_name_search, head_birth_year, 'head' from households`);
  // 3% poor, 5% near-poor, 2% special hardship, 1% needing a house; everyone else reviewed, unclassified.
  await db.exec(`insert into household_classifications (household_id, unit_id, year, classes, housing_need, fact_date)
                   select id, unit_id, ${YEAR}, case when id % 100 < 3 then '{poor}' when id % 100 < 8 then '{near_poor}'
                                            when id % 100 < 10 then '{special_hardship}' else '{}' end::text[],
                          case when id % 100 in (0, 5) then 'repair' else 'none' end, '${YEAR}-01-01' from households`);
  // Tết gifts to nine in ten due households; medical support to one household in twenty.
  await db.exec(`insert into household_supports (household_id, unit_id, kind, year, support_date, form, value_vnd)
                   select h.id, h.unit_id, 'tet', ${YEAR}, date '${YEAR}-02-05', 'cash', 500000 from households h
                    where h.id % 100 < 8 and h.id % 1000 >= 80
                   union all
                   select h.id, h.unit_id, 'medical', ${YEAR}, date '${YEAR}-04-10', 'cash', 300000 from households h where h.id % 20 = 7`);
  for (const t of ['households', 'household_members', 'household_classifications', 'household_supports']) await db.exec(`vacuum analyze ${t}`);
}

/** Naive duplicate check: no normalised column, no index — unaccent every name of the table. */
async function naiveDuplicates(db: Db, name: string, birthYear: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `select h.id from household_members m join households h on h.id = m.household_id
      where regexp_replace(lower(f_unaccent(replace(replace(m.full_name, 'đ', 'd'), 'Đ', 'D'))), '[^a-z0-9]+', ' ', 'g') = $1 and m.birth_year = $2
      order by h.id`,
    [normalizeVn(name), birthYear],
  );
  return rows.map((r) => r.id);
}

type Result = {
  kind: string;
  households: number;
  villages: number;
  loadS: number;
  genS: number;
  rows: Array<{ name: string; product: string; naive: string; check: string }>;
  goals: string[];
};

async function benchOne(bench: BenchDb, world: World, n: number): Promise<Result> {
  const db = bench.db;
  step(`${bench.kind}: loading ${world.counts.units} units`);
  const load = await timeOnce(() => loadWorld(db, world));
  const prov = biggestProvince(world);
  step(`${bench.kind}: generating ${n.toLocaleString('en')} households in ${prov.villages.length} villages`);
  const gen = await timeOnce(() => generate(db, prov.villages, n));
  const runs = bench.kind === 'postgres' ? 10 : 5;
  const rows: Result['rows'] = [];
  const goals: string[] = [];

  // (1) Target-4 coverage for every village of the province, one query.
  step(`${bench.kind}: coverage, all villages`);
  let result: Awaited<ReturnType<typeof coverageByVillage>> = [];
  const one = await timeLoop(runs, 1, async () => {
    result = await coverageByVillage(db, prov.id, YEAR, 'tet');
  });
  // Naive: the village list's own query (coverage()) once per village; a random sample, extrapolated.
  const rand = prng(7);
  const sample = Array.from({ length: bench.kind === 'postgres' ? 100 : 40 }, () => pick(rand, prov.villages));
  const byVillage = new Map(result.map((r) => [r.unitId, r]));
  let same = 0;
  const per = await timeLoop(sample.length, 3, async (i) => {
    const c = await coverage(db, reachOf(ADMIN), sample[i % sample.length], YEAR, 'tet', null);
    const mine = byVillage.get(sample[i % sample.length]);
    if (i >= 3 && (mine ? mine.total === c.total && mine.reached === c.reached : c.total === 0)) same++;
  });
  const naiveTotal = per.mean * prov.villages.length;
  const due = result.reduce((s, r) => s + r.total, 0);
  const reached = result.reduce((s, r) => s + r.reached, 0);
  rows.push({
    name: `target-4 coverage, all ${prov.villages.length} villages (one query)`,
    product: fmt(one),
    naive: `${ms(per.p50)} / village → ≈${(naiveTotal / 1000).toFixed(1)} s in all (${Math.round(naiveTotal / one.p50)}×)`,
    check: `${due.toLocaleString('en')} due, ${reached.toLocaleString('en')} reached; same as naive ${same}/${sample.length}`,
  });
  if (bench.kind === 'postgres') goals.push(`coverage for all villages < 1 s: ${one.p95 < 1000 ? 'PASS' : 'FAIL'} (p95 ${ms(one.p95)} ms)`);

  // (2) Duplicate check for one new entry: existing people (hits) and new names (misses).
  step(`${bench.kind}: duplicate check`);
  const people = await db.query<{ head_name: string; head_birth_year: number; unit_id: number }>(
    `select head_name, head_birth_year, unit_id from households where id % 997 = 1 limit 400`,
  );
  const entries = people.map((p, i) => (i % 4 === 3 ? { ...p, head_birth_year: p.head_birth_year + 101 } : p)); // one in four: no match
  const input = (i: number) => {
    const p = entries[i % entries.length];
    return { name: i % 2 ? p.head_name.toUpperCase() : normalizeVn(p.head_name), birthYear: p.head_birth_year, address: 'so 12 xom 3' };
  };
  let agree = 0;
  let hits = 0;
  for (let i = 0; i < 20; i++) {
    const a = (await personDuplicates(db, reachOf(ADMIN), input(i))).map((c) => c.householdId).sort((x, y) => x! - y!);
    const b = await naiveDuplicates(db, input(i).name, input(i).birthYear);
    hits += a.length;
    if (JSON.stringify(a) === JSON.stringify(b.slice(0, 20).sort((x, y) => x - y)) || (b.length > 20 && a.length === 20)) agree++;
  }
  const dup = await timeLoop(bench.kind === 'postgres' ? 500 : 200, 20, (i) => personDuplicates(db, reachOf(ADMIN), input(i)));
  const naive = await timeLoop(bench.kind === 'postgres' ? 10 : 5, 1, (i) => naiveDuplicates(db, input(i).name, input(i).birthYear));
  rows.push({
    name: 'duplicate check, one new entry (name ± diacritics, year of birth)',
    product: fmt(dup),
    naive: `${fmt(naive)} (${Math.round(naive.p50 / dup.p50)}×)`,
    check: `avg ${(hits / 20).toFixed(1)} candidates; same as naive ${agree}/20`,
  });
  if (bench.kind === 'postgres') goals.push(`duplicate check p95 < 50 ms: ${dup.p95 < 50 ? 'PASS' : 'FAIL'} (p95 ${ms(dup.p95)} ms)`);
  return { kind: `${bench.kind} (${bench.version})`, households: n, villages: prov.villages.length, loadS: load.ms / 1000, genS: gen.ms / 1000, rows, goals };
}

export async function main(argv: string[]): Promise<void> {
  // The same module as a user starts it (as-started.ts): figures over HTTP beside the engine-level ones.
  if (argv.includes('--started'))
    return (await import('./as-started')).main(
      'households',
      argv.filter((a) => a !== '--started'),
    );
  const { only, households, pgliteHouseholds } = parseArgs(argv);
  const m = machine();
  log(`Đoàn Kết — households benchmark, ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}; load average ${m.loadAvg.join(' / ')}`);
  const world = buildWorld(100_000);
  for (const kind of only ? [only] : (['postgres', 'pglite'] as const)) {
    let bench: BenchDb;
    if (kind === 'postgres') {
      const opened = await openBenchPostgres();
      if ('error' in opened) {
        log(`\n=== PostgreSQL server — SKIPPED: unreachable (${opened.error}; ${redact(serverUrl())})`);
        continue;
      }
      bench = opened;
    } else bench = await openBenchPglite();
    try {
      const r = await benchOne(bench, world, kind === 'pglite' ? pgliteHouseholds : households);
      log(`\n=== ${r.kind}: ${r.households.toLocaleString('en')} households in ${r.villages} villages of one province`);
      log(`world loaded in ${r.loadS.toFixed(1)} s; households generated in ${r.genS.toFixed(1)} s; p50 / p95 in ms`);
      for (const row of r.rows) log(`- ${row.name}: ${row.product}\n    naive: ${row.naive}\n    check: ${row.check}`);
      for (const g of r.goals) log(`goal: ${g}`);
      log(`load average after: ${loadAvg().join(' / ')}`);
    } finally {
      await bench.cleanup();
    }
  }
}
