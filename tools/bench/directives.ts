// `npm run bench -- directives`: "who has not answered" a directive, on the national world of the
// foundation bench (3,321 communes, 100,000 villages) under a synthetic national root: a directive of
// the centre to every commune of the country, and one of the province with the most villages to all
// of its villages; each query at the issuer's level, against a naive baseline (subtree by a recursive
// walk over unit_versions, then recipients and answers filtered in JS). Flags: --only pglite|postgres.
import type { Db } from '../../apps/server/src/db/db';
import type { CurrentUser } from '../../apps/server/src/platform/access';
import { createDirective } from '../../apps/server/src/modules/direction/directive-service';
import { listDuties } from '../../apps/server/src/modules/direction/queries';
import { sessionAs } from '../../apps/server/src/test/factories';
import { buildWorld, type World } from './hierarchy';
import { loadWorld } from './load';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { naiveSubtree } from './naive';
import { loadAvg, machine } from './report';
import { log, parseBenchArgs, step } from './cli';
import { timeLoop, timeOnce, type Stats } from './stats';

const ISSUED = '2026-10-01';
const DUE = '2026-11-01';
const ON = '2026-12-05';
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const fmt = (s: Stats) => `${ms(s.p50)} / ${ms(s.p95)} ms`;

/** A national root above every province (the bench world has none), with the closure rebuilt. */
async function nationalRoot(db: Db): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(`insert into units (code, level, kind, valid_from) values ('VN', 'province', 'Trung ương', '2019-01-01') returning id`);
  await db.query(
    `insert into unit_versions (unit_id, name, name_search, parent_id, valid_from) values ($1, 'Ủy ban Trung ương MTTQ Việt Nam', 'uy ban trung uong', null, '2019-01-01')`,
    [id],
  );
  await db.query('update unit_versions set parent_id = $1 where parent_id is null and unit_id <> $1', [id]);
  await db.query('select refresh_unit_closure()');
  await db.query('analyze');
  return id;
}

/** Answers from most recipients: ~70% on time, ~15% late, the rest (every 7th) not at all. */
async function answer(db: Db, directiveId: number): Promise<void> {
  await db.query(
    `insert into directive_answers (obligation_id, unit_id, answered_on, text)
     select o.id, r.unit_id, case when r.unit_id % 6 = 1 then $2::date + 4 else $2::date - 2 end, 'Đã thực hiện'
       from directive_recipients r join directive_obligations o on o.directive_id = r.directive_id
      where r.directive_id = $1 and r.unit_id % 7 <> 3`,
    [directiveId, DUE],
  );
  // One statement per query: PGlite's extended protocol refuses two.
  await db.query('analyze directive_answers');
  await db.query('analyze directive_recipients');
}

/** The naive way: the issuer's subtree by a recursive walk, then every recipient and answer read and matched in JS. */
async function naiveNotAnswered(db: Db, unit: number, directiveId: number): Promise<number[]> {
  const subtree = new Set(await naiveSubtree(db, unit, ISSUED));
  const recipients = await db.query<{ unit_id: number }>('select unit_id from directive_recipients where directive_id = $1', [directiveId]);
  const answers = await db.query<{ unit_id: number }>(
    `select a.unit_id from directive_answers a join directive_obligations o on o.id = a.obligation_id where o.directive_id = $1`,
    [directiveId],
  );
  const answered = new Set(answers.map((a) => a.unit_id));
  return recipients
    .map((r) => r.unit_id)
    .filter((u) => subtree.has(u) && !answered.has(u))
    .sort((a, b) => a - b);
}

async function benchOne(bench: BenchDb, world: World) {
  const { db } = bench;
  const runs = bench.kind === 'postgres' ? 200 : 60;
  step(`${bench.kind}: loading the national world`);
  await loadWorld(db, world);
  const root = await nationalRoot(db);
  const province = [...world.provinces].sort((a, b) => b.communes.length - a.communes.length)[0];
  const [{ n: villagesOfProvince }] = await db.query<{ n: number }>(
    `select count(*)::int as n from unit_closure c join units u on u.id = c.descendant_id
      where c.ancestor_id = $1 and u.level = 'village' and c.valid_from <= $2::date and $2::date < c.valid_to`,
    [province.id, ISSUED],
  );
  const cases: Array<{ label: string; unit: number; levels: Array<'commune' | 'village'> }> = [
    { label: `centre → every commune of the country`, unit: root, levels: ['commune'] },
    { label: `province → its ${villagesOfProvince.toLocaleString('en')} villages`, unit: province.id, levels: ['village'] },
  ];
  const rows: string[] = [];
  const goals: string[] = [];
  for (const c of cases) {
    step(`${bench.kind}: ${c.label}`);
    const s = await sessionAs(db, 'standing_committee', c.unit);
    const sent = await timeOnce(() =>
      createDirective(
        { db, user: s.user },
        {
          unitId: c.unit,
          kind: 'request',
          number: `BENCH-${c.unit}`,
          issuedOn: ISSUED,
          title: 'Báo cáo kết quả',
          summary: '',
          files: [],
          recipientLevels: c.levels,
          obligations: [{ kind: 'report', what: 'Báo cáo kết quả thực hiện', dueOn: DUE }],
        },
      ),
    );
    await answer(db, sent.value.id);
    const user: CurrentUser = s.user;
    const product = () => listDuties(db, user, { unit: c.unit, directive: sent.value.id, status: 'not_answered', limit: 5000 }, ON);
    const got = (await product()).rows.map((r) => r.unitId).sort((a, b) => a - b);
    const want = await naiveNotAnswered(db, c.unit, sent.value.id);
    const same = got.length === want.length && got.every((v, i) => v === want[i]);
    const all = await listDuties(db, user, { unit: c.unit, directive: sent.value.id, limit: 5000 }, ON);
    const stats = await timeLoop(runs, 5, product);
    const naive = await timeLoop(Math.max(10, runs / 10), 2, () => naiveNotAnswered(db, c.unit, sent.value.id));
    rows.push(
      `- "who has not answered", ${c.label} (${sent.value.recipients.toLocaleString('en')} recipients): ${fmt(stats)}\n` +
        `    naive (recursive subtree + filter in JS): ${fmt(naive)} (${(naive.p50 / stats.p50).toFixed(1)}×)\n` +
        `    sending it (expand recipients, audit): ${ms(sent.ms)} ms\n` +
        `    check: ${got.length} not answered (${all.summary.late} late, ${all.summary.onTime} on time); same units as naive: ${same ? 'yes' : 'NO'}`,
    );
    if (bench.kind === 'postgres') goals.push(`${c.label}: p95 < 100 ms — ${stats.p95 < 100 ? 'PASS' : 'FAIL'} (p95 ${ms(stats.p95)} ms)`);
    if (!same) throw new Error(`${c.label}: product and naive disagree (${got.length} vs ${want.length})`);
  }
  // A commune's own obligations (its inbox), for a random commune.
  const commune = world.communes[Math.floor(world.communes.length / 2)];
  const cs = await sessionAs(db, 'unit_staff', commune.id);
  const inbox = await timeLoop(runs, 5, () => listDuties(db, cs.user, { unit: commune.id, own: true, limit: 500 }, ON));
  rows.push(`- a commune's own obligations (inbox): ${fmt(inbox)}`);
  return { rows, goals };
}

export async function main(argv: string[]): Promise<void> {
  const { only } = parseBenchArgs(argv, {});
  const m = machine();
  log(`Đoàn Kết — directives benchmark, ${m.date}`);
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
      const r = await benchOne(bench, world);
      log(`\n=== ${bench.kind} (${bench.version}); p50 / p95`);
      for (const row of r.rows) log(row);
      for (const g of r.goals) log(`goal: ${g}`);
      log(`load average after: ${loadAvg().join(' / ')}`);
    } finally {
      await bench.cleanup();
    }
  }
}
