import { expect } from 'vitest';
import type { FundKind } from '@contract/fund';
import { fundEndpoints } from '@contract/endpoints/fund';
import type { Db } from '../../db/db';
import type { CurrentUser } from '../../platform/access';
import { checkAccess } from '../../platform/endpoints';
import { ensureUnitAccounts } from './ledger';
import { fundModule } from './module';
import { insertBankAccount, insertCampaign, insertFund } from './service';

/** The registrar's check of a fund endpoint for a user and a request, without the HTTP round trip (tests of the refused side). */
export function fundAccess(
  db: Db,
  user: CurrentUser,
  key: keyof typeof fundEndpoints,
  input: { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: Record<string, unknown> },
): Promise<void> {
  return checkAccess(db, user, fundEndpoints[key], input, fundModule.locators ?? {});
}

/** A fund of its own at a unit (tests), with the unit's cash/goods/payable accounts and one bank account. */
export async function makeFund(db: Db, unitId: number, kind: FundKind = 'vi_nguoi_ngheo', openedOn = '2019-01-01') {
  const fundId = await insertFund(db, { unitId, kind, name: `Quỹ thử ${Math.random().toString(36).slice(2, 8)}`, openedOn }, null);
  const own = await ensureUnitAccounts(db, unitId);
  const bankId = await insertBankAccount(db, { unitId, name: 'TK thử', bankName: 'VietinBank', accountNo: String(Date.now()).slice(-10) + Math.floor(Math.random() * 1000) });
  return { fundId, bankId, ...own };
}

export async function makeCampaign(db: Db, unitId: number, fundId: number, over: Partial<Parameters<typeof insertCampaign>[1]> = {}) {
  return insertCampaign(
    db,
    {
      unitId,
      fundId,
      name: 'Đợt vận động thử',
      purpose: 'Thử nghiệm',
      receiveFrom: '2024-09-10',
      receiveTo: '2024-11-30',
      distributeBy: '2024-12-20',
      ...over,
    },
    null,
  );
}

/** After every ledger test: the books of these units balance (total debits = total credits, per entry too). */
export async function expectBooksBalanced(db: Db, unitIds: number[]): Promise<void> {
  const [t] = await db.query<{ d: number; c: number; bad: number; neg: number; drift: number }>(
    `select coalesce(sum(l.debit), 0)::bigint as d, coalesce(sum(l.credit), 0)::bigint as c,
            (select count(*) from (select l2.entry_id from fund_entry_lines l2 join fund_entries e2 on e2.id = l2.entry_id
               where e2.unit_id = any($1::bigint[]) group by l2.entry_id having sum(l2.debit) <> sum(l2.credit)) x)::int as bad,
            (select count(*) from fund_accounts a where a.unit_id = any($1::bigint[]) and a.balance < 0)::int as neg,
            (select count(*) from fund_accounts a where a.unit_id = any($1::bigint[]) and a.balance <> coalesce((
               select sum(case when a.kind in ('fund', 'payable_up') then l3.credit - l3.debit else l3.debit - l3.credit end)
                 from fund_entry_lines l3 where l3.account_id = a.id), 0))::int as drift
       from fund_entry_lines l join fund_entries e on e.id = l.entry_id where e.unit_id = any($1::bigint[])`,
    [unitIds],
  );
  expect(t.d).toBe(t.c);
  expect(t.bad).toBe(0);
  expect(t.neg).toBe(0);
  expect(t.drift).toBe(0);
}

/** Rows of a fund table at the world's units: test files share the run's database, so never count the whole table. */
export async function countOwn(db: Db, table: 'fund_donations' | 'fund_entries' | 'fund_disbursements', world: Record<string, unknown>): Promise<number> {
  const units = Object.values(world).filter((v): v is number => typeof v === 'number');
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from ${table} where unit_id = any($1::bigint[])`, [units]);
  return r.n;
}
