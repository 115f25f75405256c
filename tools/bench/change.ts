// A unit change at national size: the service's incremental closure rebuild vs a full rebuild.
import type { Db } from '../../apps/server/src/db/db';
import { renameUnit } from '../../apps/server/src/modules/units/service';
import { sessionAs } from '../../apps/server/src/test/factories';
import type { World } from './hierarchy';
import { pick, prng, timeLoop } from './stats';
import type { Row } from './suites';

const ROLLBACK = new Error('rollback');

/** Runs fn in a transaction that is always rolled back, so the world stays as loaded. */
async function rolledBack(db: Db, fn: (tx: Db) => Promise<unknown>): Promise<void> {
  await db
    .tx(async (tx) => {
      await fn(tx);
      throw ROLLBACK;
    })
    .catch((e) => {
      if (e !== ROLLBACK) throw e;
    });
}

export async function changeSuite(db: Db, w: World, runs: number): Promise<Row[]> {
  const admin = (await sessionAs(db, 'admin', null)).user;
  const rand = prng(3);
  const rows: Row[] = [];
  const cases: Array<[string, number[]]> = [
    ['rename a commune', w.communes.map((c) => c.id)],
    ['rename a province (≈2,700 units below)', w.provinces.map((p) => p.id)],
  ];
  for (const [label, ids] of cases) {
    const samples = Array.from({ length: runs + 2 }, () => pick(rand, ids));
    const rename = (tx: Db, i: number) => renameUnit({ db: tx, user: admin }, samples[i], { effectiveDate: '2026-09-01', name: `Tên mới ${i}` });
    const product = await timeLoop(runs, 1, (i) => rolledBack(db, (tx) => rename(tx, i)));
    const naive = await timeLoop(runs, 1, (i) =>
      rolledBack(db, async (tx) => {
        await rename(tx, i);
        await tx.query('select refresh_unit_closure()');
      }),
    );
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from unit_closure');
    rows.push({
      group: 'change',
      name: `unit change: ${label}`,
      product,
      naive,
      ratio: naive.p50 / product.p50,
      check: `service call with audit, rolled back; naive = the same call plus a full rebuild; ${n} closure rows unchanged after`,
    });
  }
  return rows;
}
