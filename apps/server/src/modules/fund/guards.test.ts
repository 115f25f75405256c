// The ledger's guards, each tried from the side that must be refused (issue 15).
import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { isolatedDb } from '../../test/db';
import { sessionAs } from '../../test/factories';
import { normalizeVn } from '../../platform/vn-text';
import { proposeDisbursement } from './disbursement-service';
import { recordDonation } from './donation-service';
import { postEntry } from './ledger';
import { approveProposal, proposeImportReversal, proposeTransfer, rejectProposal } from './proposal-service';
import { createCampaign } from './service';
import { makeStatementCampaign, debitCreditStatement } from './statements/fixtures';
import { importParsed, parseUpload } from './statements/import-service';
import { countOwn, expectBooksBalanced, fundAccess, makeFund } from './testing';

const t = useWorldApp();
const tomorrow = () => new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);

async function household(unitId: number) {
  const [h] = await t.db.query<{ id: number }>(
    `insert into households (unit_id, head_name, head_name_search, registered_on) values ($1, 'Hộ thử', $2, '2020-01-01') returning id`,
    [unitId, normalizeVn('Hộ thử')],
  );
  return h.id;
}

describe('ledger guards', () => {
  it("idempotency keys are scoped to the unit and the person: another ward's key books its own donation and reveals nothing", async () => {
    const a = await makeFund(t.db, t.w.A);
    const b = await makeFund(t.db, t.w.B);
    const accA = await sessionAs(t.db, 'fund_accountant', t.w.A);
    const accB = await sessionAs(t.db, 'fund_accountant', t.w.B);
    const key = 'khoa-chong-trung-0001';
    const first = await recordDonation(
      { db: t.db, user: accA.user },
      { fundId: a.fundId, receivedOn: '2024-05-01', amount: 100_000, donorKind: 'individual', donorName: 'Lê Văn Khóa', donorAddress: 'số 1 ngõ 2', idempotencyKey: key },
    );
    const again = await recordDonation(
      { db: t.db, user: accA.user },
      { fundId: a.fundId, receivedOn: '2024-05-01', amount: 100_000, donorKind: 'individual', donorName: 'Lê Văn Khóa', idempotencyKey: key },
    );
    expect(again.id).toBe(first.id);
    const other = await recordDonation({ db: t.db, user: accB.user }, { fundId: b.fundId, receivedOn: '2024-05-02', amount: 70_000, donorKind: 'anonymous', idempotencyKey: key });
    expect(other.id).not.toBe(first.id);
    expect(other).toMatchObject({ unitId: t.w.B, amount: 70_000, donorAddress: null });
  });

  it('no date in the future: refused by the service and by the database', async () => {
    const { fundId, cash } = await makeFund(t.db, t.w.P);
    const acc = await sessionAs(t.db, 'fund_accountant', t.w.P);
    const before = await countOwn(t.db, 'fund_entries', t.w);
    await expect(recordDonation({ db: t.db, user: acc.user }, { fundId, receivedOn: '9999-12-31', amount: 1, donorKind: 'anonymous' })).rejects.toMatchObject({
      code: 'FUND_FUTURE_DATE',
    });
    await expect(
      proposeDisbursement({ db: t.db, user: acc.user }, { fundId, kind: 'other', purpose: 'other', amount: 1, paidOn: tomorrow(), beneficiaryName: 'X' }),
    ).rejects.toMatchObject({ code: 'FUND_FUTURE_DATE' });
    const [fundAcct] = await t.db.query<{ id: number }>(`select id from fund_accounts where fund_id = $1 and kind = 'fund'`, [fundId]);
    await expect(
      postEntry(t.db, {
        unitId: t.w.P,
        date: tomorrow(),
        kind: 'donation',
        memo: 'x',
        createdBy: null,
        lines: [
          { accountId: cash, debit: 5 },
          { accountId: fundAcct.id, credit: 5 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'FUND_FUTURE_DATE' });
    expect(await countOwn(t.db, 'fund_entries', t.w)).toBe(before);
  });

  it("a payment to a household of another ward is refused; one of the unit's own area is accepted", async () => {
    const { fundId } = await makeFund(t.db, t.w.A);
    const acc = await sessionAs(t.db, 'fund_accountant', t.w.A);
    const foreign = await household(t.w.D1);
    const own = await household(t.w.A1);
    const base = { fundId, kind: 'household' as const, purpose: 'hardship' as const, amount: 1_000, paidOn: '2024-05-01' };
    await expect(proposeDisbursement({ db: t.db, user: acc.user }, { ...base, householdId: foreign })).rejects.toMatchObject({ code: 'FUND_REFERENCE_SCOPE' });
    expect((await proposeDisbursement({ db: t.db, user: acc.user }, { ...base, householdId: own })).householdId).toBe(own);
  });

  it('a receipt number is unique in its unit and year, also in the database', async () => {
    const { fundId } = await makeFund(t.db, t.w.A);
    const acc = await sessionAs(t.db, 'fund_accountant', t.w.A);
    const d = await recordDonation({ db: t.db, user: acc.user }, { fundId, receivedOn: '2024-05-03', amount: 10_000, donorKind: 'anonymous' });
    const copy = `insert into fund_donations (unit_id, fund_id, campaign_id, account_id, entry_id, kind, source, received_on, amount, donor_kind, receipt_year, receipt_no)
      select unit_id, fund_id, campaign_id, account_id, entry_id, kind, source, received_on, 1, donor_kind, receipt_year, receipt_no from fund_donations where id = $1`;
    await expect(t.db.query(copy, [d.id])).rejects.toThrow(/fund_donations_unit_id_receipt_year_receipt_no_key/);
    expect(
      (
        await t.db.query<{ n: number }>('select count(*)::int as n from fund_donations where unit_id = $1 and receipt_no is not null and received_on = $2', [t.w.A, '2024-05-03'])
      )[0].n,
    ).toBe(1);
  });

  it("a direct UPDATE of an account's balance is refused; balances follow the ledger lines", async () => {
    const { cash } = await makeFund(t.db, t.w.B);
    await expect(t.db.query('update fund_accounts set balance = balance + 1000000000 where id = $1', [cash])).rejects.toThrow(/FUND_BALANCE_FROM_LEDGER/);
    await expectBooksBalanced(t.db, [t.w.B]);
  });

  it('TRUNCATE is refused on every ledger and fund table', async () => {
    // A database of its own: TRUNCATE locks the tables (and those it cascades to) before the trigger refuses
    // it, and on the shared test database that lock deadlocked other test files' reads.
    const db = await isolatedDb();
    for (const table of [
      'fund_entries',
      'fund_entry_lines',
      'fund_donations',
      'fund_disbursements',
      'fund_funds',
      'fund_campaigns',
      'fund_accounts',
      'fund_closings',
      'fund_receipt_counters',
      'fund_statement_imports',
      'fund_statement_mappings',
      'fund_proposals',
    ]) {
      await expect(db.exec(`truncate table ${table} cascade`), table).rejects.toThrow(/FUND_APPEND_ONLY/);
    }
    await db.close();
  });

  it('a campaign dated before its unit existed says so and names its predecessors', async () => {
    const { fundId } = await makeFund(t.db, t.w.S, 'cuu_tro', '2025-07-01');
    const btt = await sessionAs(t.db, 'standing_committee', t.w.S);
    const err = await createCampaign(
      { db: t.db, user: btt.user },
      { unitId: t.w.S, fundId, name: 'Bão Yagi', purpose: 'Cứu trợ', receiveFrom: '2024-09-10', receiveTo: '2024-09-30', distributeBy: '2024-10-30' },
    ).catch((e) => e);
    expect(err.code).toBe('UNIT_NOT_YET_EXISTING');
    const body = err.toBody().error;
    expect(body.message).toMatch(/chưa tồn tại vào ngày này \(thành lập từ 2025-07-01\); đơn vị tiền thân: .*Phường Ngô Quyền Thử.*Phường Trần Phú Thử/);
  });
});

describe('two people for transfers and corrections', () => {
  it('a transfer between funds is booked only when a second person approves it', async () => {
    const a = await makeFund(t.db, t.w.P);
    const b = await makeFund(t.db, t.w.P);
    const acc = await sessionAs(t.db, 'fund_accountant', t.w.P);
    const btt = await sessionAs(t.db, 'standing_committee', t.w.P);
    const btt2 = await sessionAs(t.db, 'standing_committee', t.w.P);
    await recordDonation({ db: t.db, user: acc.user }, { fundId: a.fundId, receivedOn: '2024-05-01', amount: 500_000, donorKind: 'anonymous' });
    const p = await proposeTransfer(
      { db: t.db, user: btt.user },
      { fromFundId: a.fundId, fromAccountId: a.cash, toFundId: b.fundId, toAccountId: b.cash, amount: 200_000, date: '2024-05-02', memo: 'Điều chuyển', reason: 'Hỗ trợ quỹ khác' },
    );
    expect(p).toMatchObject({ status: 'proposed', amount: 200_000, balanceBefore: 500_000, balanceAfter: 300_000 });
    await expect(approveProposal({ db: t.db, user: btt.user }, p.id)).rejects.toMatchObject({ code: 'FUND_SELF_DECISION' });
    await expect(fundAccess(t.db, acc.user, 'POST /api/fund/proposals/:id/approve', { params: { id: p.id } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [bal0] = await t.db.query<{ balance: number }>(`select balance from fund_accounts where fund_id = $1 and kind = 'fund'`, [b.fundId]);
    expect(bal0.balance).toBe(0);
    const done = await approveProposal({ db: t.db, user: btt2.user }, p.id);
    expect(done.status).toBe('approved');
    const [bal] = await t.db.query<{ balance: number }>(`select balance from fund_accounts where fund_id = $1 and kind = 'fund'`, [b.fundId]);
    expect(bal.balance).toBe(200_000);
    await expect(approveProposal({ db: t.db, user: btt2.user }, p.id)).rejects.toMatchObject({ code: 'FUND_PROPOSAL_DECIDED' });
    await expectBooksBalanced(t.db, [t.w.P]);
  });

  it('a statement import is reversed whole, or in chosen lines, by two people; audited', async () => {
    const { campaignId, vietin } = await makeStatementCampaign(t.db, t.w.P);
    const acc = await sessionAs(t.db, 'fund_accountant', t.w.P);
    const btt = await sessionAs(t.db, 'standing_committee', t.w.P);
    const r1 = await importParsed(t.db, acc.user, await parseUpload({ files: [debitCreditStatement(3)], format: 'generic', target: { campaignId } }), {
      campaignId,
      accountId: vietin,
    });
    const r2 = await importParsed(t.db, acc.user, await parseUpload({ files: [debitCreditStatement(4)], format: 'generic', target: { campaignId } }), {
      campaignId,
      accountId: vietin,
    });
    const sum = async () =>
      (await t.db.query<{ s: number }>('select coalesce(sum(amount), 0)::bigint as s from fund_donations where campaign_id = $1 and reversal_entry_id is null', [campaignId]))[0].s;
    expect(await sum()).toBe(3_400_007);

    // Whole import: proposed by the accountant, refused to the proposer, approved by the committee.
    const whole = await proposeImportReversal({ db: t.db, user: acc.user }, r1.importId, { reason: 'Nhập nhầm tài khoản' });
    expect(whole).toMatchObject({ amount: 1_700_003, balanceBefore: 3_400_007, balanceAfter: 1_700_004 });
    await expect(fundAccess(t.db, acc.user, 'POST /api/fund/proposals/:id/approve', { params: { id: whole.id } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const selfBtt = await fundAccess(t.db, btt.user, 'POST /api/fund/statement-imports/:id/reverse', { params: { id: r2.importId } }).catch((e) => e);
    expect(selfBtt.code).toBe('FORBIDDEN'); // the committee approves, it does not book
    expect(await sum()).toBe(3_400_007);
    await approveProposal({ db: t.db, user: btt.user }, whole.id);
    expect(await sum()).toBe(1_700_004);

    // Chosen lines of the other import; a rejected proposal books nothing.
    const [line] = await t.db.query<{ id: number }>('select id from fund_donations where entry_id = any($1::bigint[]) order by id limit 1', [r2.entryIds]);
    const rejected = await proposeImportReversal({ db: t.db, user: acc.user }, r2.importId, { reason: 'Thử', donationIds: [line.id] });
    await rejectProposal({ db: t.db, user: btt.user }, rejected.id, 'Không đúng');
    expect(await sum()).toBe(1_700_004);
    const one = await proposeImportReversal({ db: t.db, user: acc.user }, r2.importId, { reason: 'Dòng ghi trùng', donationIds: [line.id] });
    await approveProposal({ db: t.db, user: btt.user }, one.id);
    expect(await sum()).toBe(1_200_004);
    await expect(proposeImportReversal({ db: t.db, user: acc.user }, r2.importId, { reason: 'lần hai', donationIds: [line.id] })).rejects.toMatchObject({ code: 'VALIDATION' });
    const audits = await t.db.query<{ action: string }>(`select action from audit_log where entity = 'fund_proposal' and entity_id = $1 order by id`, [String(one.id)]);
    expect(audits.map((a) => a.action)).toEqual(['propose', 'approve']);
    await expectBooksBalanced(t.db, [t.w.P]);
  });

  it('over HTTP: reversing a donation is a proposal; the same person cannot approve it', async () => {
    const { fundId } = await makeFund(t.db, t.w.P);
    const acc = await sessionAs(t.db, 'fund_accountant', t.w.P);
    const admin = await sessionAs(t.db, 'admin', null);
    const d = await recordDonation({ db: t.db, user: acc.user }, { fundId, receivedOn: '2024-05-01', amount: 90_000, donorKind: 'anonymous' });
    const res = await t.app.inject({ method: 'POST', url: `/api/fund/donations/${d.id}/reverse`, payload: { reason: 'Ghi nhầm' }, headers: admin.headers });
    expect(res.json()).toMatchObject({ status: 'proposed', kind: 'donation_reversal', amount: 90_000 });
    const self = await t.app.inject({ method: 'POST', url: `/api/fund/proposals/${res.json().id}/approve`, payload: {}, headers: admin.headers });
    expect(self.json().error.code).toBe('FUND_SELF_DECISION');
    const [still] = await t.db.query<{ r: number | null }>('select reversal_entry_id as r from fund_donations where id = $1', [d.id]);
    expect(still.r).toBeNull();
  });
});
