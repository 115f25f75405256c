// Many requests at once against one fund. On PostgreSQL they run in parallel transactions over the
// pool (the test checks that several were open at the same moment); PGlite runs them one by one.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db, RootDb } from '../../db/db';
import { testDb } from '../../test/db';
import { makeWorld, sessionAs, type TestSession, type World } from '../../test/factories';
import { approveDisbursement, proposeDisbursement } from './disbursement-service';
import { recordDonation } from './donation-service';
import { expectBooksBalanced, makeFund } from './testing';

let db: RootDb;
let w: World;
let acct: TestSession;
let btt: TestSession;

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  acct = await sessionAs(db, 'fund_accountant', w.B);
  btt = await sessionAs(db, 'standing_committee', w.B);
});
afterEach(async () => expectBooksBalanced(db, [w.B]));
afterAll(async () => db?.close());

/** The same database, counting transactions open at once. */
function counting(root: Db) {
  const stats = { open: 0, maxOpen: 0 };
  const db: Db = {
    ...root,
    query: root.query.bind(root),
    exec: root.exec.bind(root),
    tx: (fn) =>
      root.tx(async (t) => {
        stats.maxOpen = Math.max(stats.maxOpen, ++stats.open);
        try {
          return await fn(t);
        } finally {
          stats.open--;
        }
      }),
  };
  return { db, stats };
}

describe('concurrent requests', () => {
  it('100 approvals against a fund that can pay for 10: exactly 10 succeed, the balance never goes below zero', async () => {
    const f = await makeFund(db, w.B);
    await recordDonation({ db, user: acct.user }, { fundId: f.fundId, receivedOn: '2023-01-02', amount: 10 * 250_000, donorKind: 'organisation', donorName: 'Hội Chữ thập đỏ' });
    const ids: number[] = [];
    for (let i = 0; i < 100; i++) {
      ids.push(
        (
          await proposeDisbursement(
            { db, user: acct.user },
            {
              fundId: f.fundId,
              kind: 'household',
              purpose: 'tet_gift',
              amount: 250_000,
              paidOn: '2023-01-15',
              beneficiaryName: `Hộ nghèo số ${i + 1}`,
              packages: 1,
            },
          )
        ).id,
      );
    }
    const { db: c, stats } = counting(db);
    const results = await Promise.allSettled(ids.map((id) => approveDisbursement({ db: c, user: btt.user }, id)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok.length).toBe(10);
    expect(refused.length).toBe(90);
    expect(new Set(refused.map((r) => r.reason.code))).toEqual(new Set(['FUND_INSUFFICIENT']));
    if (db.kind === 'postgres') expect(stats.maxOpen).toBeGreaterThan(1);
    const [fund] = await db.query<{ balance: number }>(`select balance from fund_accounts where kind = 'fund' and fund_id = $1`, [f.fundId]);
    expect(fund.balance).toBe(0);
    const [st] = await db.query<{ approved: number; proposed: number }>(
      `select count(*) filter (where status = 'approved')::int as approved, count(*) filter (where status = 'proposed')::int as proposed
         from fund_disbursements where fund_id = $1`,
      [f.fundId],
    );
    expect(st).toEqual({ approved: 10, proposed: 90 });
  });

  it('receipt numbers of concurrent donations run without gaps or repeats', async () => {
    const f = await makeFund(db, w.B);
    const { db: c, stats } = counting(db);
    const year = 2020;
    const done = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordDonation(
          { db: c, user: acct.user },
          {
            fundId: f.fundId,
            receivedOn: `${year}-03-01`,
            amount: 1000 + i,
            donorKind: 'individual',
            donorName: `Người ủng hộ ${i}`,
          },
        ),
      ),
    );
    if (db.kind === 'postgres') expect(stats.maxOpen).toBeGreaterThan(1);
    const [{ max }] = await db.query<{ max: number }>('select last_no as max from fund_receipt_counters where unit_id = $1 and year = $2', [w.B, year]);
    const mine = done.map((d) => Number(d.receiptNo!.split('/')[0])).sort((a, b) => a - b);
    expect(new Set(mine).size).toBe(40);
    const all = (await db.query<{ n: number }>('select receipt_no as n from fund_donations where unit_id = $1 and receipt_year = $2 order by 1', [w.B, year])).map((r) => r.n);
    expect(all).toEqual(Array.from({ length: max }, (_, i) => i + 1));
  });

  it('the same idempotency key sent 20 times at once books one donation', async () => {
    const f = await makeFund(db, w.B);
    const key = `same-${Date.now()}`;
    const done = await Promise.all(
      Array.from({ length: 20 }, () =>
        recordDonation(
          { db, user: acct.user },
          {
            fundId: f.fundId,
            receivedOn: '2023-02-01',
            amount: 77_000,
            donorKind: 'anonymous',
            idempotencyKey: key,
          },
        ),
      ),
    );
    expect(new Set(done.map((d) => d.id)).size).toBe(1);
    const [fund] = await db.query<{ balance: number }>(`select balance from fund_accounts where kind = 'fund' and fund_id = $1`, [f.fundId]);
    expect(fund.balance).toBe(77_000);
  });
});
