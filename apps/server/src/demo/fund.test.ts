// The fund demo, loaded whole on a database of its own, read back through the metrics: the figures
// must be Part One's (seed) figures, and the books must balance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { demoDb } from '../test/db';
import { computeMetric, getMetric } from '../platform/metrics';
import { campaignsByIds } from '../modules/fund/read-service';
import '../modules/metrics-index';

let db: RootDb;
let city: number;
beforeAll(async () => {
  db = await demoDb();
  city = (await db.query<{ id: number }>(`select id from units where code = '213' and level = 'district'`))[0].id;
});
afterAll(() => db.close());

const metric = async (key: string, from: string, to: string, unit = city, view: 'then' | 'now' = 'then') =>
  (await computeMetric(db, getMetric(key), { unitIds: [unit], from, to, view })).get(unit)!;

const campaignsNamed = async (like: string) => {
  const ids = await db.query<{ id: number }>('select id from fund_campaigns where name like $1', [like]);
  return campaignsByIds(
    db,
    ids.map((r) => r.id),
  );
};

describe('fund demo reproduces Part One (2019–2024)', () => {
  it('Fund for the Poor: more than 7 billion raised 2019–2023', async () => {
    const raised = await metric('fund.raised', '2019-01-01', '2023-12-31');
    expect(raised.byDim.vi_nguoi_ngheo).toBeGreaterThan(7_000_000_000);
    expect(raised.byDim.vi_nguoi_ngheo).toBeLessThan(7_500_000_000);
  });

  it('Tết gifts: 76,630 packages worth 32,027,693,000 VND', async () => {
    expect((await metric('fund.gift_packages', '2019-01-01', '2024-12-31')).value).toBe(76_630);
    expect((await metric('fund.gift_value', '2019-01-01', '2024-12-31')).value).toBe(32_027_693_000);
  });

  it('Covid-19: about 20 billion (cash > 15, goods > 5), 2,980,393,000 to the provincial vaccine fund', async () => {
    const waves = await campaignsNamed('%Covid-19%');
    const sum = (f: (c: (typeof waves)[number]) => number) => waves.reduce((s, c) => s + f(c), 0);
    expect(sum((c) => c.totals.raisedMoney)).toBeGreaterThan(15_000_000_000);
    expect(sum((c) => c.totals.raisedGoods)).toBeGreaterThan(5_000_000_000);
    expect(Math.abs(sum((c) => c.totals.raised) - 20_000_000_000)).toBeLessThan(500_000_000);
    expect(sum((c) => c.totals.transferredUp)).toBe(2_980_393_000);
    expect(waves.every((c) => c.totals.balance === 0 && c.decree93.flags.length === 0)).toBe(true);
  });

  it('central floods: about 7 billion transferred to the province', async () => {
    const [floods] = await campaignsNamed('%miền Trung%');
    expect(Math.abs(floods.totals.transferredUp - 7_000_000_000)).toBeLessThan(100_000_000);
    const up = await metric('fund.transferred_up', '2020-01-01', '2021-12-31');
    expect(up.value).toBe(floods.totals.transferredUp + 2_980_393_000);
  });

  it('Điện Biên solidarity houses: 316,023,000 of a 250,000,000 quota = 126.4%', async () => {
    const [dienBien] = await campaignsNamed('%Điện Biên%');
    expect(dienBien.totals).toMatchObject({ raised: 316_023_000, achievementRate: 126.4 });
    const quota = await metric('fund.campaign_quota', '2024-01-01', '2024-12-31');
    const raised = await metric('fund.campaign_raised', '2024-01-01', '2024-12-31');
    expect([raised.value, quota.value]).toEqual([316_023_000, 250_000_000]);
  });

  it('gratitude fund above 2.2 billion; support by purpose as in Part One', async () => {
    expect((await metric('fund.raised', '2019-01-01', '2024-12-31')).byDim.den_on_dap_nghia).toBeGreaterThan(2_200_000_000);
    const paid = await metric('fund.distributed', '2019-01-01', '2024-12-31');
    expect(paid.byDim).toMatchObject({ production: 323_334_000, medical: 278_234_000, education: 275_032_000 });
    expect(paid.byDim.hardship).toBeGreaterThan(150_000_000);
  });
});

describe('fund demo books', () => {
  it('balance: total debits equal total credits, no account below zero', async () => {
    const [t] = await db.query<{ d: number; c: number; neg: number }>(
      `select sum(debit)::bigint as d, sum(credit)::bigint as c, (select count(*) from fund_accounts where balance < 0)::int as neg from fund_entry_lines`,
    );
    expect(t.d).toBe(t.c);
    expect(t.neg).toBe(0);
  });

  it('when the city ends, every balance of its books passes to the new wards as recorded transfers', async () => {
    const units = (
      await db.query<{ id: number }>(`select descendant_id as id from unit_closure where ancestor_id = $1 and valid_from <= '2025-06-01' and '2025-06-01' < valid_to`, [city])
    ).map((r) => r.id);
    const [left] = await db.query<{ b: number }>(`select coalesce(sum(balance), 0)::bigint as b from fund_accounts where unit_id = any($1::bigint[])`, [units]);
    expect(left.b).toBe(0);
    const [moved] = await db.query<{ out: number; inn: number }>(
      `select (select sum(l.credit) from fund_entries e join fund_entry_lines l on l.entry_id = e.id join fund_accounts a on a.id = l.account_id
                where e.kind = 'transfer_out' and e.entry_date = '2025-06-30' and e.unit_id = any($1::bigint[]) and a.kind = 'bank')::bigint as out,
              (select sum(l.debit) from fund_entries e join fund_entry_lines l on l.entry_id = e.id join fund_accounts a on a.id = l.account_id
                where e.kind = 'transfer_in' and e.entry_date = '2025-07-01' and a.kind = 'bank')::bigint as inn`,
      [units],
    );
    expect(moved.out).toBeGreaterThan(1_000_000_000);
    expect(moved.inn).toBe(moved.out);
    const before = await metric('fund.balance', '2025-01-01', '2025-06-29');
    expect(before.value).toBe(moved.out);
  });

  it('the new wards run through 2026: peak-month donations, a Tết 2026 campaign, payments awaiting approval', async () => {
    const [pbg] = await db.query<{ id: number }>(`select id from units where code = '07210' and valid_from = '2025-07-01'`);
    expect((await metric('fund.raised', '2026-01-01', '2026-12-31', pbg.id)).value).toBeGreaterThan(1_000_000_000);
    expect((await metric('fund.gift_packages', '2026-01-01', '2026-12-31', pbg.id)).value).toBeGreaterThan(2_000);
    const [pending] = await db.query<{ n: number }>(`select count(*)::int as n from fund_disbursements where unit_id = $1 and status = 'proposed'`, [pbg.id]);
    expect(pending.n).toBeGreaterThan(0);
  });

  it('every campaign of 2019–2024 kept Decree 93: nothing left undistributed, nothing late', async () => {
    const ids = await db.query<{ id: number }>(`select id from fund_campaigns where receive_to < '2025-01-01'`);
    const flagged = (
      await campaignsByIds(
        db,
        ids.map((r) => r.id),
      )
    )
      .filter((c) => c.decree93.flags.length > 0)
      .map((c) => [c.name, c.decree93.flags]);
    expect(ids.length).toBeGreaterThan(8);
    expect(flagged).toEqual([]);
  });

  it('holds the public "Bão Yagi 2024" campaign with the two real relief accounts', async () => {
    const [yagi] = await campaignsNamed('Bão Yagi 2024');
    expect(yagi.isPublic).toBe(true);
    const accounts = await db.query<{ bank_name: string; account_no: string }>(
      `select bank_name, account_no from fund_accounts where kind = 'bank' and campaign_id = $1 order by bank_name`,
      [yagi.id],
    );
    expect(accounts).toEqual([
      { bank_name: 'Agribank', account_no: '1500201113838' },
      { bank_name: 'VietinBank', account_no: '111602391111' },
    ]);
  });
});

describe('the demo is ready to serve fast (planner statistics, maintained totals)', () => {
  it('leaves planner statistics for the bulk-loaded tables, the search token index included', async () => {
    const rows = await db.query<{ t: string; n: number }>(
      `select tablename as t, count(*)::int as n from pg_stats where schemaname = current_schema()
         and tablename = any('{fund_donations,fund_donations_search_tokens,fund_entry_lines,households,petitions,units,unit_closure}'::text[])
       group by 1 order by 1`,
    );
    expect(rows.map((r) => r.t)).toEqual(['fund_donations', 'fund_donations_search_tokens', 'fund_entry_lines', 'households', 'petitions', 'unit_closure', 'units']);
    // The search chooses its plan from these: the common words of the real statements are listed.
    const [tokens] = await db.query<{ elems: string[] }>(`select most_common_elems::text::text[] as elems from pg_stats where tablename = 'fund_donations_search_tokens'`);
    expect(tokens.elems).toContain('ung');
  });

  it("keeps every campaign's totals equal to the totals recomputed from its donations", async () => {
    const diff = await db.query(
      `with kept as (select campaign_id, donor_key, kind, amount, n from fund_campaign_totals where n <> 0),
            again as (select campaign_id, case when publish_name then donor_kind else 'anonymous' end as donor_key, kind,
                             sum(amount)::bigint as amount, count(*)::bigint as n
                        from fund_donations where campaign_id is not null and reversal_entry_id is null group by 1, 2, 3)
       (select * from kept except select * from again) union all (select * from again except select * from kept)`,
    );
    expect(diff).toEqual([]);
    const [yagi] = await campaignsNamed('Bão Yagi 2024');
    const [kept] = await db.query<{ n: number }>('select sum(n)::int as n from fund_campaign_totals where campaign_id = $1', [yagi.id]);
    expect(kept.n).toBe(98_967);
  });
});
