// `npm run bench -- kysely [--only pglite|postgres] [--rows N] [--runs N]`: what Kysely would cost here.
// Three queries of the project, each hand-written (as today) and built with Kysely, both run through the
// project's own `Db` (Kysely only compiles: PGlite and pg stay on one path, transactions unchanged):
// the public donation search (index path), a scoped list (subtree + the user's scope), a metric-style
// sum through the time-aware closure. Prints per-query latency (p50, alternating runs), the time Kysely
// takes to build and compile each query, and the cost of importing Kysely in a fresh process.
import { execFileSync } from 'node:child_process';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type Compilable } from 'kysely';
import type { Db } from '../../apps/server/src/db/db';
import { scopeCondition, type CurrentUser } from '../../apps/server/src/platform/access';
import { insertUnit } from '../../apps/server/src/test/factories';
import { insertBankAccount, insertCampaign, insertFund } from '../../apps/server/src/modules/fund/service';
import { balanceAccountOf, postEntry } from '../../apps/server/src/modules/fund/ledger';
import { queryWords } from '../../apps/server/src/modules/fund/public/search';
import { phraseTokens } from '../../apps/server/src/modules/fund/public/queries-search';
import { openBenchPglite, openBenchPostgres, redact, serverUrl, type BenchDb } from './databases';
import { generateDonations } from './fund-data';
import { machine } from './report';
import { summarize } from './stats';
import { log, parseBenchArgs, step } from './cli';

// The tables the three queries read, as Kysely wants them declared (by hand or by kysely-codegen).
type DB = {
  fund_donations: {
    id: number;
    unit_id: number;
    campaign_id: number | null;
    received_on: string;
    amount: number;
    kind: string;
    donor_kind: string;
    donor_name: string | null;
    publish_name: boolean;
    memo: string | null;
    goods_description: string | null;
    search_text: string;
    reversal_entry_id: number | null;
  };
  fund_funds: { id: number; unit_id: number; name: string };
  unit_closure: { ancestor_id: number; descendant_id: number; valid_from: string; valid_to: string; depth: number };
  unit_lineage_closure: { successor_id: number; predecessor_id: number };
};

// Kysely as a query builder only; the compiled SQL and parameters go to the project's Db.
const k = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const run = <R>(db: Db, q: Compilable<R>) => {
  const c = q.compile();
  return db.query<R>(c.sql, c.parameters as unknown[]);
};

type World = { province: number; communes: number[]; campaignId: number; user: CurrentUser };
type Query = { name: string; hand: (db: Db) => Promise<unknown[]>; kysely: (db: Db) => Promise<unknown[]>; build: () => Compilable<unknown> };

async function setup(db: Db, rows: number): Promise<World> {
  const province = await insertUnit(db, { name: 'Tỉnh Thử (kysely bench)', level: 'province' });
  const communes: number[] = [];
  for (let i = 1; i <= 3; i++) communes.push(await insertUnit(db, { name: `Xã Thử ${i}`, level: 'commune', parents: [[province, '2019-01-01', 'infinity']] }));
  await db.query('select refresh_unit_closure()');
  let campaignId = 0;
  for (const unitId of communes) {
    const fundId = await insertFund(db, { unitId, kind: 'cuu_tro', name: 'Quỹ cứu trợ', openedOn: '2024-01-01' }, null);
    const cid = await insertCampaign(
      db,
      { unitId, fundId, name: 'Bão Yagi 2024', purpose: 'bench', receiveFrom: '2024-09-01', receiveTo: '2024-09-30', distributeBy: '2024-10-20', isPublic: true },
      null,
    );
    const accountId = await insertBankAccount(db, { unitId, name: 'VietinBank', bankName: 'VietinBank', bankBin: '970415', accountNo: `1116${unitId}`, campaignId: cid });
    // The donations hang on one balanced ledger entry (the references are checked, not the amounts).
    const { entryId } = await postEntry(db, {
      unitId,
      date: '2024-09-01',
      kind: 'donation_batch',
      memo: 'bench',
      createdBy: null,
      lines: [
        { accountId, debit: 1 },
        { accountId: await balanceAccountOf(db, fundId, cid), credit: 1 },
      ],
    });
    await generateDonations(db, { unitId, fundId, campaignId: cid, accountId, entryId }, Math.round(rows / 3));
    campaignId ||= cid;
  }
  await db.exec('analyze');
  const user: CurrentUser = { id: 0, username: 'bench', displayName: 'bench', role: 'unit_staff', unitId: province, unitValidTo: 'infinity' } as CurrentUser;
  return { province, communes, campaignId, user };
}

function queries(w: World): Query[] {
  // 1. Public search, the index path of modules/fund/public/search.ts (a phrase, newest first, one page).
  const words = queryWords('Nguyễn Thị'); // a common phrase: a full page of rows
  const tokens = phraseTokens(words);
  const like = `% ${words.join(' ')} %`;
  const searchHand = (db: Db) =>
    db.query(
      `select id, received_on as "receivedOn", amount, kind,
       case when publish_name and donor_kind <> 'anonymous' then donor_name end as "donorName",
       case when publish_name then regexp_replace(memo, '[0-9]{4,}([0-9]{3})', '****\\1', 'g') end as memo, goods_description as "goodsDescription"
     from fund_donations where campaign_id = $1 and reversal_entry_id is null and publish_name
       and fund_search_tokens(search_text) @> $2::text[] and (' ' || search_text || ' ') like $3
     order by received_on desc, id desc limit $4`,
      [w.campaignId, tokens, like, 51],
    );
  const searchBuild = () =>
    k
      .selectFrom('fund_donations')
      .select([
        'id',
        'received_on as receivedOn',
        'amount',
        'kind',
        sql<string | null>`case when publish_name and donor_kind <> 'anonymous' then donor_name end`.as('donorName'),
        sql<string | null>`case when publish_name then regexp_replace(memo, '[0-9]{4,}([0-9]{3})', '****\\1', 'g') end`.as('memo'),
        'goods_description as goodsDescription',
      ])
      .where('campaign_id', '=', w.campaignId)
      .where('reversal_entry_id', 'is', null)
      .where(sql<boolean>`publish_name`)
      .where(sql<boolean>`fund_search_tokens(search_text) @> ${tokens}::text[]`)
      .where(sql<boolean>`(' ' || search_text || ' ') like ${like}`)
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
      .limit(51);

  // 2. A scoped list like fund/read-service listFunds: the unit's subtree (predecessors included), then
  // the user's scope from platform/access scopeCondition.
  const scopedHand = (db: Db) => {
    const params: unknown[] = [w.province];
    const sc = scopeCondition(w.user, 'f.unit_id', null, 2);
    return db.query(
      `select f.id, f.name from fund_funds f
      where exists (select 1 from unit_lineage_closure l join unit_closure uc on uc.ancestor_id = l.predecessor_id
                     where l.successor_id = $1 and uc.descendant_id = f.unit_id) and ${sc.sql} order by f.id`,
      [...params, ...sc.params],
    );
  };
  const scopedBuild = () =>
    k
      .selectFrom('fund_funds as f')
      .select(['f.id', 'f.name'])
      .where((eb) =>
        eb.and(
          [w.province, w.user.unitId!].map((root) =>
            eb.exists(
              eb
                .selectFrom('unit_lineage_closure as l')
                .innerJoin('unit_closure as uc', 'uc.ancestor_id', 'l.predecessor_id')
                .select(sql.lit(1).as('one'))
                .where('l.successor_id', '=', root)
                .whereRef('uc.descendant_id', '=', 'f.unit_id'),
            ),
          ),
        ),
      )
      .orderBy('f.id');

  // 3. A metric-style query (platform/metrics.ts shape): money received per target unit over a period,
  // facts placed through the closure rows valid on their date.
  const ids = [w.province, ...w.communes];
  const [from, to] = ['2024-09-01', '2024-09-15'];
  const metricHand = (db: Db) =>
    db.query(
      `with targets as (select unnest($1::bigint[]) as id)
     select t.id as "unitId", coalesce(sum(d.amount), 0)::bigint as value, count(d.id)::int as n
       from targets t
       join unit_closure c on c.ancestor_id = t.id and c.valid_from <= $3::date and $2::date < c.valid_to
       left join fund_donations d on d.unit_id = c.descendant_id and d.received_on >= $2::date and d.received_on <= $3::date
         and d.received_on >= c.valid_from and d.received_on < c.valid_to and d.reversal_entry_id is null
      group by t.id order by t.id`,
      [ids, from, to],
    );
  const metricBuild = () =>
    k
      .with('targets', (db) => db.selectNoFrom(sql<number>`unnest(${ids}::bigint[])`.as('id')))
      .selectFrom('targets as t')
      .innerJoin('unit_closure as c', (j) =>
        j
          .onRef('c.ancestor_id', '=', 't.id')
          .on('c.valid_from', '<=', sql<string>`${to}::date`)
          .on('c.valid_to', '>', sql<string>`${from}::date`),
      )
      .leftJoin('fund_donations as d', (j) =>
        j
          .onRef('d.unit_id', '=', 'c.descendant_id')
          .on('d.received_on', '>=', sql<string>`${from}::date`)
          .on('d.received_on', '<=', sql<string>`${to}::date`)
          .onRef('d.received_on', '>=', 'c.valid_from')
          .onRef('d.received_on', '<', 'c.valid_to')
          .on('d.reversal_entry_id', 'is', null),
      )
      .select(['t.id as unitId', sql<number>`coalesce(sum(d.amount), 0)::bigint`.as('value'), sql<number>`count(d.id)::int`.as('n')])
      .groupBy('t.id')
      .orderBy('t.id');

  return [
    { name: 'public donation search (index path)', hand: searchHand, kysely: (db) => run(db, searchBuild()), build: searchBuild },
    { name: 'scoped list (subtree + scope)', hand: scopedHand, kysely: (db) => run(db, scopedBuild()), build: scopedBuild },
    { name: 'metric: sum through the closure', hand: metricHand, kysely: (db) => run(db, metricBuild()), build: metricBuild },
  ];
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/**
 * CPU microseconds to build and compile a query once: the whole cost Kysely adds in front of the driver
 * (CPU time, not wall time, so a loaded machine does not inflate it).
 */
function compileMicros(build: () => Compilable<unknown>, n = 5_000): number {
  for (let i = 0; i < 500; i++) build().compile();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) build().compile();
  return (cpuMs(process.cpuUsage(c0)) * 1000) / n;
}

/** CPU milliseconds to import Kysely in a fresh Node process (median of 5). */
function importMs(): number {
  const once = () =>
    Number(
      execFileSync(
        process.execPath,
        ['--input-type=module', '-e', `const c = process.cpuUsage(); await import('kysely'); const u = process.cpuUsage(c); console.log((u.user + u.system) / 1000);`],
        { encoding: 'utf8' },
      ).trim(),
    );
  return summarize(Array.from({ length: 5 }, once)).p50;
}

async function benchOne(bench: BenchDb, rows: number, runs: number) {
  step(`${bench.kind}: ${rows.toLocaleString('en')} donations in 3 communes`);
  const w = await setup(bench.db, rows);
  const out: string[] = [`=== ${bench.kind === 'postgres' ? 'PostgreSQL server' : 'PGlite'} (${bench.version}), ${rows.toLocaleString('en')} donations`];
  for (const q of queries(w)) {
    const [a, b] = [await q.hand(bench.db), await q.kysely(bench.db)];
    const same = JSON.stringify(a) === JSON.stringify(b);
    if (!same) throw new Error(`${q.name}: Kysely's rows differ from the hand-written query's`);
    const hand: number[] = [];
    const kys: number[] = [];
    for (let i = 0; i < 20; i++) await Promise.all([q.hand(bench.db), q.kysely(bench.db)]);
    for (let i = 0; i < runs; i++) {
      // Alternate, so a change in the machine's load touches both alike.
      for (const [fn, into] of (i % 2
        ? [
            [q.hand, hand],
            [q.kysely, kys],
          ]
        : [
            [q.kysely, kys],
            [q.hand, hand],
          ]) as Array<[Query['hand'], number[]]>) {
        const t0 = performance.now();
        await fn(bench.db);
        into.push(performance.now() - t0);
      }
    }
    const h = summarize(hand);
    const ky = summarize(kys);
    out.push(
      `${q.name} (${a.length} rows, same rows): hand-written p50 ${h.p50.toFixed(3)} ms, Kysely p50 ${ky.p50.toFixed(3)} ms ` +
        `(${ky.p50 - h.p50 >= 0 ? '+' : ''}${((ky.p50 - h.p50) * 1000).toFixed(0)} µs); build + compile ${compileMicros(q.build).toFixed(1)} µs CPU`,
    );
  }
  return out.join('\n');
}

export async function main(argv: string[]): Promise<void> {
  const { only, rows, runs } = parseBenchArgs(argv, { rows: 30_000, runs: 300 });
  const m = machine();
  log(`Đoàn Kết — Kysely as a query builder over the project's Db, ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}; load average ${m.loadAvg.join(' / ')}`);
  log(`Import of kysely in a fresh process: ${importMs().toFixed(1)} ms CPU`);
  for (const kind of only ? [only] : (['postgres', 'pglite'] as const)) {
    log('');
    let bench: BenchDb;
    if (kind === 'postgres') {
      step(`postgres: creating a fresh database on ${redact(serverUrl())}`);
      const opened = await openBenchPostgres();
      if ('error' in opened) {
        log(`=== PostgreSQL server — SKIPPED: unreachable (${opened.error})`);
        continue;
      }
      bench = opened;
    } else bench = await openBenchPglite();
    try {
      log(await benchOne(bench, rows, runs));
    } finally {
      await bench.cleanup();
    }
  }
  log(`load average after: ${machine().loadAvg.join(' / ')}`);
}
