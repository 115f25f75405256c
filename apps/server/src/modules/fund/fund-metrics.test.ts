// The fund metrics over a small world of their own: what counts, under which dimension, and where
// (the ward, the city above it, the new ward that took it over).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import { computeMetric, getMetric } from '../../platform/metrics';
import { testDb } from '../../test/db';
import { makeWorld, sessionAs, type World } from '../../test/factories';
import { approveDisbursement, proposeDisbursement, rejectDisbursement, reverseDisbursement } from './disbursement-service';
import { recordDonation, reverseDonation } from './donation-service';
import { expectBooksBalanced, makeCampaign, makeFund } from './testing';
import '../metrics-index';

let db: RootDb;
let w: World;

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  const acct = (await sessionAs(db, 'fund_accountant', w.A)).user;
  const btt = (await sessionAs(db, 'standing_committee', w.A)).user;
  const f = await makeFund(db, w.A, 'vi_nguoi_ngheo');
  const give = (date: string, amount: number, donorKind: 'organisation' | 'individual' | 'anonymous', extra = {}) =>
    recordDonation({ db, user: acct }, { fundId: f.fundId, receivedOn: date, amount, donorKind, ...(donorKind === 'anonymous' ? {} : { donorName: 'Người ủng hộ' }), ...extra });
  await give('2023-03-01', 1_000_000, 'organisation');
  await give('2023-03-02', 500_000, 'individual');
  await give('2023-03-03', 200_000, 'anonymous');
  await give('2023-03-04', 300_000, 'individual', { kind: 'goods', goodsDescription: 'Gạo', goodsQuantity: 20, goodsUnit: 'kg' });
  const wrong = await give('2023-03-05', 100_000, 'individual');
  await reverseDonation({ db, user: acct }, wrong.id, { reason: 'Ghi trùng', date: '2023-03-06' });
  const pay = async (input: Partial<Parameters<typeof proposeDisbursement>[1]>, decide: 'approve' | 'reject' | 'reverse' = 'approve') => {
    const p = await proposeDisbursement(
      { db, user: acct },
      { fundId: f.fundId, kind: 'household', purpose: 'medical', amount: 100_000, paidOn: '2023-06-01', beneficiaryName: 'Hộ ông A', ...input },
    );
    if (decide === 'reject') return rejectDisbursement({ db, user: btt }, p.id);
    await approveDisbursement({ db, user: btt }, p.id);
    if (decide === 'reverse') await reverseDisbursement({ db, user: acct }, p.id, { reason: 'Chi nhầm', date: '2023-06-03' });
  };
  await expect(pay({ purpose: 'tet_gift', amount: 400_000, packages: 2, paidOn: '2023-01-15' })).rejects.toMatchObject({ code: 'FUND_INSUFFICIENT' }); // before the money came
  await pay({ purpose: 'tet_gift', amount: 400_000, packages: 2, paidOn: '2023-12-20' });
  await pay({});
  await pay({ kind: 'transfer_up', purpose: 'transfer', amount: 200_000, targetUnitId: w.C, beneficiaryName: undefined });
  await pay({ amount: 50_000 }, 'reject');
  await pay({ amount: 70_000 }, 'reverse');
  const campaignId = await makeCampaign(db, w.A, f.fundId, { quota: 400_000, quotaUnitId: w.C, receiveFrom: '2023-09-01', receiveTo: '2023-10-30', distributeBy: '2023-11-15' });
  await recordDonation({ db, user: acct }, { campaignId, receivedOn: '2023-09-10', amount: 500_000, donorKind: 'organisation', donorName: 'Công ty B' });
});
afterEach(async () => expectBooksBalanced(db, [w.A]));
afterAll(async () => db?.close());

const m = async (key: string, unit: number, view: 'then' | 'now' = 'then', from = '2023-01-01', to = '2023-12-31') =>
  (await computeMetric(db, getMetric(key), { unitIds: [unit], from, to, view })).get(unit)!;

describe('fund metrics', () => {
  it('raised: money and goods at valuation, by fund kind and by donor kind; reversed donations do not count', async () => {
    const raised = await m('fund.raised', w.C);
    expect(raised.value).toBe(2_500_000);
    expect(raised.byDim).toEqual({ vi_nguoi_ngheo: 2_500_000 });
    expect((await m('fund.raised_by_donor', w.A)).byDim).toEqual({ organisation: 1_500_000, individual: 800_000, anonymous: 200_000 });
  });

  it('distributed by purpose, without transfers, rejections or reversed payments; transfers up apart', async () => {
    expect((await m('fund.distributed', w.A)).byDim).toEqual({ tet_gift: 400_000, medical: 100_000 });
    expect((await m('fund.transferred_up', w.C)).value).toBe(200_000);
    expect((await m('fund.gift_packages', w.A)).value).toBe(2);
    expect((await m('fund.gift_value', w.A)).value).toBe(400_000);
  });

  it('balance at the end of the period, and quota against what the campaign raised', async () => {
    expect((await m('fund.balance', w.A, 'then', '2023-01-01', '2023-03-31')).value).toBe(2_000_000);
    expect((await m('fund.balance', w.A)).value).toBe(2_500_000 - 700_000);
    expect((await m('fund.campaign_quota', w.A)).value).toBe(400_000);
    expect((await m('fund.campaign_raised', w.A)).value).toBe(500_000);
  });

  it('the new ward that took the old one over sees its history "as units are now", not "as they were"', async () => {
    expect((await m('fund.raised', w.S, 'now')).value).toBe(2_500_000);
    expect((await m('fund.raised', w.S, 'then')).value).toBe(0);
    expect((await m('fund.raised', w.B)).value).toBe(0);
  });
});
