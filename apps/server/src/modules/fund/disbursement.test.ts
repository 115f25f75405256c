import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import { testDb } from '../../test/db';
import { makeWorld, sessionAs, type TestSession, type World } from '../../test/factories';
import { approveDisbursement, proposeDisbursement, rejectDisbursement, reverseDisbursement } from './disbursement-service';
import { recordDonation } from './donation-service';
import { getCampaign, listDisbursements } from './read-service';
import { createCampaign } from './service';
import { countOwn, expectBooksBalanced, fundAccess, makeCampaign, makeFund } from './testing';

let db: RootDb;
let w: World;
let acct: TestSession;
let btt: TestSession;

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  acct = await sessionAs(db, 'fund_accountant', w.A);
  btt = await sessionAs(db, 'standing_committee', w.A);
});
afterEach(async () => expectBooksBalanced(db, [w.A, w.C]));
afterAll(async () => db?.close());

const fundBalance = async (fundId: number) =>
  (await db.query<{ b: number }>(`select coalesce(sum(balance), 0)::bigint as b from fund_accounts where kind = 'fund' and fund_id = $1`, [fundId]))[0].b;

async function fundWith(amount: number) {
  const f = await makeFund(db, w.A);
  await recordDonation({ db, user: acct.user }, { fundId: f.fundId, receivedOn: '2023-01-10', amount, donorKind: 'organisation', donorName: 'Công ty TNHH Thử' });
  return f;
}

describe('spending with two people', () => {
  it('a proposal books nothing; the approval by another person books debit fund / credit cash', async () => {
    const f = await fundWith(5_000_000);
    const entries = await countOwn(db, 'fund_entries', w);
    const p = await proposeDisbursement(
      { db, user: acct.user },
      {
        fundId: f.fundId,
        kind: 'household',
        purpose: 'tet_gift',
        amount: 500_000,
        paidOn: '2023-01-20',
        beneficiaryName: 'Nguyễn Văn An',
        beneficiaryVillage: 'Tổ dân phố số 1',
        packages: 1,
      },
    );
    expect(p.status).toBe('proposed');
    expect(p.canDecide).toBe(false);
    expect(await countOwn(db, 'fund_entries', w)).toBe(entries);
    expect(await fundBalance(f.fundId)).toBe(5_000_000);
    const pending = await listDisbursements({ db, user: btt.user }, { pendingForMe: true, limit: 100, offset: 0 });
    expect(pending.find((d) => d.id === p.id)?.canDecide).toBe(true);
    const a = await approveDisbursement({ db, user: btt.user }, p.id, { note: 'Đồng ý' });
    expect(a).toMatchObject({ status: 'approved', decidedBy: btt.user.id, decisionNote: 'Đồng ý' });
    expect(await fundBalance(f.fundId)).toBe(4_500_000);
    // The same approval sent again (a retry) answers the first result and books nothing; another decider is refused.
    const entriesNow = await countOwn(db, 'fund_entries', w);
    expect(await approveDisbursement({ db, user: btt.user }, p.id)).toMatchObject({ status: 'approved', entryId: a.entryId });
    expect(await countOwn(db, 'fund_entries', w)).toBe(entriesNow);
    expect(await fundBalance(f.fundId)).toBe(4_500_000);
    const other = await sessionAs(db, 'standing_committee', w.A);
    await expect(approveDisbursement({ db, user: other.user }, p.id)).rejects.toMatchObject({ code: 'FUND_NOT_PROPOSED' });
    await expect(rejectDisbursement({ db, user: btt.user }, p.id)).rejects.toMatchObject({ code: 'FUND_NOT_PROPOSED' });
    const audits = await db.query<{ action: string }>(`select action from audit_log where entity = 'fund_disbursement' and entity_id = $1 order by id`, [String(p.id)]);
    expect(audits.map((r) => r.action)).toEqual(['propose', 'approve']);
  });

  it('the proposer cannot approve or reject their own proposal, whatever their role', async () => {
    const f = await fundWith(1_000_000);
    const admin = await sessionAs(db, 'admin', null);
    const p = await proposeDisbursement(
      { db, user: admin.user },
      { fundId: f.fundId, kind: 'project', purpose: 'house', amount: 100_000, paidOn: '2023-02-01', projectName: 'Nhà Đại đoàn kết hộ ông B' },
    );
    await expect(approveDisbursement({ db, user: admin.user }, p.id)).rejects.toMatchObject({ code: 'FUND_SELF_APPROVAL' });
    await expect(rejectDisbursement({ db, user: admin.user }, p.id)).rejects.toMatchObject({ code: 'FUND_SELF_APPROVAL' });
    // The accountant proposes but has no right to approve.
    const q = await proposeDisbursement(
      { db, user: acct.user },
      { fundId: f.fundId, kind: 'project', purpose: 'house', amount: 100_000, paidOn: '2023-02-01', projectName: 'Nhà Đại đoàn kết hộ bà C' },
    );
    const other = await sessionAs(db, 'fund_accountant', w.A);
    await expect(fundAccess(db, other.user, 'POST /api/fund/disbursements/:id/approve', { params: { id: q.id } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Nor may the approving role propose.
    await expect(fundAccess(db, btt.user, 'POST /api/fund/disbursements', { body: { fundId: f.fundId, paidOn: '2023-02-01' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const r = await rejectDisbursement({ db, user: btt.user }, q.id, { note: 'Chưa đủ hồ sơ' });
    expect(r.status).toBe('rejected');
    expect(await fundBalance(f.fundId)).toBe(1_000_000);
    await expect(db.query(`update fund_disbursements set decided_by = proposed_by where id = $1`, [q.id])).rejects.toThrow();
  });

  it('refuses a payment larger than the fund holds, and names what is missing', async () => {
    const f = await fundWith(300_000);
    const p = await proposeDisbursement(
      { db, user: acct.user },
      { fundId: f.fundId, kind: 'household', purpose: 'medical', amount: 300_001, paidOn: '2023-03-01', beneficiaryName: 'Trần Thị D' },
    );
    await expect(approveDisbursement({ db, user: btt.user }, p.id)).rejects.toMatchObject({ code: 'FUND_INSUFFICIENT' });
    const [row] = await db.query<{ status: string }>('select status from fund_disbursements where id = $1', [p.id]);
    expect(row.status).toBe('proposed');
    await expect(proposeDisbursement({ db, user: acct.user }, { fundId: f.fundId, kind: 'household', purpose: 'medical', amount: 1, paidOn: '2023-03-01' })).rejects.toMatchObject({
      code: 'FUND_BENEFICIARY_REQUIRED',
    });
  });

  it('refuses a payment dated before the money came, although the fund holds it today', async () => {
    const f = await fundWith(1_000_000); // received on 2023-01-10
    const early = await proposeDisbursement(
      { db, user: acct.user },
      { fundId: f.fundId, kind: 'household', purpose: 'hardship', amount: 600_000, paidOn: '2023-01-05', beneficiaryName: 'Đinh Văn G' },
    );
    await expect(approveDisbursement({ db, user: btt.user }, early.id)).rejects.toMatchObject({ code: 'FUND_INSUFFICIENT', details: { available: 0, asOf: '2023-01-05' } });
    // Nor may a backdated payment take the fund below zero on a later day it had already paid out.
    const later = await proposeDisbursement(
      { db, user: acct.user },
      { fundId: f.fundId, kind: 'household', purpose: 'hardship', amount: 700_000, paidOn: '2023-03-01', beneficiaryName: 'Đinh Văn H' },
    );
    await approveDisbursement({ db, user: btt.user }, later.id);
    await recordDonation({ db, user: acct.user }, { fundId: f.fundId, receivedOn: '2023-04-01', amount: 500_000, donorKind: 'anonymous' });
    const between = await proposeDisbursement(
      { db, user: acct.user },
      { fundId: f.fundId, kind: 'household', purpose: 'hardship', amount: 400_000, paidOn: '2023-02-01', beneficiaryName: 'Đinh Văn I' },
    );
    await expect(approveDisbursement({ db, user: btt.user }, between.id)).rejects.toMatchObject({ code: 'FUND_INSUFFICIENT', details: { available: 300_000 } });
    expect(await fundBalance(f.fundId)).toBe(800_000);
  });

  it('a transfer up passes through the payable account and goes to a unit above; a reversal restores the fund', async () => {
    const f = await fundWith(2_000_000);
    await expect(
      proposeDisbursement({ db, user: acct.user }, { fundId: f.fundId, kind: 'transfer_up', purpose: 'transfer', amount: 1, paidOn: '2023-04-01', targetUnitId: w.B }),
    ).rejects.toMatchObject({ code: 'FUND_TARGET_UNIT' });
    const p = await proposeDisbursement(
      { db, user: acct.user },
      {
        fundId: f.fundId,
        payAccountId: f.cash,
        kind: 'transfer_up',
        purpose: 'transfer',
        amount: 1_500_000,
        paidOn: '2023-04-01',
        targetUnitId: w.C,
        idempotencyKey: `transfer-up-${Date.now()}`,
      },
    );
    const a = await approveDisbursement({ db, user: btt.user }, p.id);
    expect(a.targetUnitName).toBe('Thành phố Cũ');
    const lines = await db.query<{ kind: string; debit: number; credit: number }>(
      `select a.kind, l.debit, l.credit from fund_entry_lines l join fund_accounts a on a.id = l.account_id where l.entry_id = $1 order by l.id`,
      [a.entryId],
    );
    expect(lines).toEqual([
      { kind: 'fund', debit: 1_500_000, credit: 0 },
      { kind: 'payable_up', debit: 0, credit: 1_500_000 },
      { kind: 'payable_up', debit: 1_500_000, credit: 0 },
      { kind: 'cash', debit: 0, credit: 1_500_000 },
    ]);
    expect(await fundBalance(f.fundId)).toBe(500_000);
    const rev = await reverseDisbursement({ db, user: acct.user }, p.id, { reason: 'Chuyển nhầm cấp', date: '2023-04-02' });
    expect(rev.reversed).toBe(true);
    expect(await fundBalance(f.fundId)).toBe(2_000_000);
  });

  it('a campaign is created with Decree 93 warnings when its dates exceed the limits, and its quota comes from above', async () => {
    const f = await makeFund(db, w.A, 'cuu_tro');
    const mgr = await sessionAs(db, 'fund_accountant', w.A);
    const base = { unitId: w.A, fundId: f.fundId, name: 'Ủng hộ đồng bào vùng lũ', purpose: 'Cứu trợ', receiveFrom: '2024-01-01' };
    const ok = await createCampaign({ db, user: mgr.user }, { ...base, receiveTo: '2024-03-30', distributeBy: '2024-04-19', quota: 10_000_000, quotaUnitId: w.C });
    expect(ok.warnings).toEqual([]);
    const long = await createCampaign({ db, user: mgr.user }, { ...base, receiveTo: '2024-04-30', distributeBy: '2024-06-30' });
    expect(long.warnings).toEqual(['receive_period_too_long', 'distribute_deadline_too_late']);
    await expect(createCampaign({ db, user: mgr.user }, { ...base, receiveTo: '2024-03-30', distributeBy: '2024-04-19', quota: 1_000, quotaUnitId: w.B })).rejects.toMatchObject({
      code: 'FUND_TARGET_UNIT',
    });
    await expect(createCampaign({ db, user: mgr.user }, { ...base, receiveTo: '2023-12-30', distributeBy: '2024-04-19' })).rejects.toMatchObject({ code: 'FUND_CAMPAIGN_DATES' });
  });

  it('a campaign pays from its own balance, and its totals show the quota rate', async () => {
    const f = await makeFund(db, w.A, 'cuu_tro');
    const campaignId = await makeCampaign(db, w.A, f.fundId, {
      quota: 250_000_000,
      quotaUnitId: w.C,
      receiveFrom: '2023-05-01',
      receiveTo: '2023-06-30',
      distributeBy: '2023-07-20',
    });
    await recordDonation({ db, user: acct.user }, { campaignId, receivedOn: '2023-05-10', amount: 316_023_000, donorKind: 'organisation', donorName: 'Các phường' });
    const p = await proposeDisbursement(
      { db, user: acct.user },
      { campaignId, kind: 'project', purpose: 'house', amount: 316_023_000, paidOn: '2023-07-01', projectName: 'Nhà Đại đoàn kết Điện Biên' },
    );
    await approveDisbursement({ db, user: btt.user }, p.id);
    const c = await getCampaign({ db, user: acct.user }, campaignId);
    expect(c.totals).toMatchObject({ raised: 316_023_000, distributed: 316_023_000, balance: 0, achievementRate: 126.4 });
    expect(c.decree93.flags).toEqual([]);
    expect(c.quotaUnitName).toBe('Thành phố Cũ');
  });
});
