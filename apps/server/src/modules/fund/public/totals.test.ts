// Campaign totals are kept by triggers in the booking transaction (0018_campaign_totals.sql); they must
// always equal the totals recomputed from the donations, through bookings, reversals and imports. And an
// import leaves planner statistics behind it (platform/statistics.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../../db/db';
import { useWorldApp } from '../../../test/app';
import { isolatedDb } from '../../../test/db';
import { makeWorld, sessionAs } from '../../../test/factories';
import { ensureStatistics, statisticsSettled, statisticsVersion, tablesWithoutStatistics } from '../../../platform/statistics';
import type { Db } from '../../../db/db';
import { recordDonation, reverseDonation } from '../donation-service';
import { makeStatementCampaign } from '../statements/fixtures';
import { importParsed, parseUpload } from '../statements/import-service';
import { fundAccess } from '../testing';
import { invalidatePublicCache } from './cache';

const t = useWorldApp();

type Totals = Array<{ donor_key: string; kind: string; amount: number; n: number }>;

const maintained = (db: Db, campaignId: number) =>
  db.query<Totals[number]>(`select donor_key, kind, amount::bigint as amount, n::int as n from fund_campaign_totals where campaign_id = $1 and n <> 0 order by 1, 2`, [campaignId]);

const recomputed = (db: Db, campaignId: number) =>
  db.query<Totals[number]>(
    `select case when publish_name then donor_kind else 'anonymous' end as donor_key, kind, sum(amount)::bigint as amount, count(*)::int as n
     from fund_donations where campaign_id = $1 and reversal_entry_id is null group by 1, 2 order by 1, 2`,
    [campaignId],
  );

const csv = (lines: string[]) => Buffer.from(['Ngày,Số tiền,Nội dung', ...lines].join('\n'));

async function importCsv(db: Db, campaignId: number, accountId: number, name: string, lines: string[]) {
  const parsed = await parseUpload({ files: [{ name, data: csv(lines) }], format: 'generic', mapping: { date: 0, amount: 1, memo: 2 }, target: { campaignId } });
  return importParsed(db, null, parsed, { campaignId, accountId });
}

describe('maintained campaign totals', () => {
  it('equal the recomputed totals after donations, goods, a reversal, imports and a re-import; the public page reads them', async () => {
    const c = await makeStatementCampaign(t.db, t.w.A, { name: 'Đợt thử tổng cộng' });
    const acct = await sessionAs(t.db, 'fund_accountant', t.w.A);
    const give = (over: Record<string, unknown>) =>
      recordDonation({ db: t.db, user: acct.user }, {
        campaignId: c.campaignId,
        receivedOn: '2024-09-15',
        amount: 100_000,
        donorKind: 'individual',
        accountId: c.vietin,
        ...over,
      } as Parameters<typeof recordDonation>[1]);
    expect(await maintained(t.db, c.campaignId)).toEqual([]);

    await give({ donorName: 'Nguyễn Văn Tổng', amount: 500_000 });
    const hidden = await give({ donorName: 'Người Giấu Tên', amount: 900_000, publishName: false });
    await give({ donorKind: 'anonymous', amount: 50_000 });
    await give({ donorKind: 'organisation', donorName: 'Công ty Thử', amount: 7_000_000 });
    await give({
      donorKind: 'organisation',
      donorName: 'Công ty Gạo',
      kind: 'goods',
      amount: 2_000_000,
      accountId: undefined,
      goodsDescription: 'Gạo',
      goodsQuantity: 100,
      goodsUnit: 'kg',
    });
    expect(await maintained(t.db, c.campaignId)).toEqual(await recomputed(t.db, c.campaignId));

    const reversed = await give({ donorName: 'Trần Thị Nhầm', amount: 300_000 });
    await reverseDonation({ db: t.db, user: acct.user }, reversed.id, { reason: 'Ghi nhầm', date: '2024-09-16' });
    await reverseDonation({ db: t.db, user: acct.user }, hidden.id, { reason: 'Ghi nhầm', date: '2024-09-16' });
    expect(await maintained(t.db, c.campaignId)).toEqual(await recomputed(t.db, c.campaignId));

    const lines = ['14/09/2024,"200,000",NGUYEN THI TONG ung ho', '14/09/2024,"300,000",TRAN VAN TONG ung ho', '15/09/2024,"1,000,000",ung ho'];
    expect((await importCsv(t.db, c.campaignId, c.vietin, 'sk-tong.csv', lines)).inserted).toBe(3);
    expect((await importCsv(t.db, c.campaignId, c.vietin, 'sk-tong.csv', lines)).inserted).toBe(0);
    const now = await recomputed(t.db, c.campaignId);
    expect(await maintained(t.db, c.campaignId)).toEqual(now);
    const money = now.filter((r) => r.kind === 'money').reduce((s, r) => s + r.amount, 0);
    expect(money).toBe(500_000 + 50_000 + 7_000_000 + 1_500_000);

    invalidatePublicCache();
    const page = (await t.app.inject({ url: `/api/public/campaigns/${c.campaignId}` })).json() as {
      receivedMoney: number;
      receivedGoods: number;
      donationCount: number;
      donorsByKind: Array<{ key: string; amount: number; count: number }>;
    };
    expect(page).toMatchObject({ receivedMoney: money, receivedGoods: 2_000_000, donationCount: now.reduce((s, r) => s + r.n, 0) });
    expect(page.donorsByKind.find((d) => d.key === 'organisation')).toMatchObject({ amount: 9_000_000, count: 2 });
    expect(page.donorsByKind.find((d) => d.key === 'anonymous')).toMatchObject({ amount: 1_050_000, count: 2 }); // the import's line without a name too;
  });

  it('a refused donation leaves the totals as they were', async () => {
    const c = await makeStatementCampaign(t.db, t.w.A, { name: 'Đợt thử từ chối' });
    const acct = await sessionAs(t.db, 'fund_accountant', t.w.A);
    await recordDonation({ db: t.db, user: acct.user }, { campaignId: c.campaignId, receivedOn: '2024-09-15', amount: 100_000, donorKind: 'anonymous', accountId: c.vietin });
    const before = await maintained(t.db, c.campaignId);
    const stranger = await sessionAs(t.db, 'fund_accountant', t.w.B);
    await expect(fundAccess(t.db, stranger.user, 'POST /api/fund/donations', { body: { campaignId: c.campaignId, receivedOn: '2024-09-15' } })).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect(await maintained(t.db, c.campaignId)).toEqual(before);
  });
});

describe('planner statistics after bulk writes', () => {
  let db: RootDb;
  beforeAll(async () => {
    db = await isolatedDb();
  });
  afterAll(() => db.close());

  const statsRows = async (table: string) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from pg_stats where schemaname = current_schema() and tablename = $1`, [table]))[0].n;

  it('an import analyzes the donations (the search token index included); the start analyzes what has rows and no statistics', async () => {
    const w = await makeWorld(db);
    const c = await makeStatementCampaign(db, w.A);
    expect(await statsRows('fund_donations')).toBe(0);
    const v = statisticsVersion();
    await importCsv(db, c.campaignId, c.vietin, 'sk-stats.csv', ['14/09/2024,"200,000",NGUYEN VAN THONG ung ho', '14/09/2024,"300,000",LE THI KE ung ho']);
    // The import answers first; ANALYZE follows on the same connection.
    await statisticsSettled(db);
    expect(await statsRows('fund_donations')).toBeGreaterThan(10);
    expect(await statsRows('fund_donations_search_tokens')).toBe(1);
    expect(statisticsVersion()).toBeGreaterThan(v);

    // Units written by the factories were never analyzed: the start finds and analyzes them, and skips empty tables.
    const missing = await tablesWithoutStatistics(db);
    expect(missing).toContain('units');
    expect(missing).toContain('petitions');
    const analyzed = await ensureStatistics(db);
    expect(analyzed).toContain('units');
    expect(analyzed).not.toContain('petitions');
    expect(await statsRows('units')).toBeGreaterThan(0);
    expect(await tablesWithoutStatistics(db)).not.toContain('units');
  });
});
