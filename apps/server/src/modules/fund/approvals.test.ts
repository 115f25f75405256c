// What the approver is shown before deciding (issue 15): the payments, transfers and reversals waiting for
// them, each with the fund's balance before and after — and nothing of what they may not decide.
import { describe, expect, it } from 'vitest';
import type { Disbursement, Proposal } from '@contract/fund';
import { useWorldApp } from '../../test/app';
import { sessionAs } from '../../test/factories';
import { recordDonation } from './donation-service';
import { makeFund } from './testing';

const t = useWorldApp();

describe("the approver's waiting list", () => {
  it("a proposed payment shows the fund's balance before and after; once decided, no longer", async () => {
    const { fundId } = await makeFund(t.db, t.w.A);
    const acc = await sessionAs(t.db, 'fund_accountant', t.w.A);
    const btt = await sessionAs(t.db, 'standing_committee', t.w.A);
    await recordDonation({ db: t.db, user: acc.user }, { fundId, receivedOn: '2024-05-01', amount: 800_000, donorKind: 'anonymous' });
    const proposed = await t.app.inject({
      method: 'POST',
      url: '/api/fund/disbursements',
      headers: acc.headers,
      payload: { fundId, kind: 'other', purpose: 'other', amount: 300_000, paidOn: '2024-05-03', beneficiaryName: 'Nguyễn Văn Chờ' },
    });
    expect(proposed.statusCode).toBe(200);
    const id = proposed.json().id;

    const waiting = await t.app.inject({ url: '/api/fund/disbursements?pendingForMe=true', headers: btt.headers });
    const mine = (waiting.json() as Disbursement[]).find((d) => d.id === id);
    expect(mine).toMatchObject({ canDecide: true, amount: 300_000, balanceBefore: 800_000, balanceAfter: 500_000 });

    const ok = await t.app.inject({ method: 'POST', url: `/api/fund/disbursements/${id}/approve`, payload: {}, headers: btt.headers });
    expect(ok.json()).toMatchObject({ status: 'approved', balanceBefore: null, balanceAfter: null });
    const list = await t.app.inject({ url: `/api/fund/disbursements?fund=${fundId}`, headers: btt.headers });
    expect((list.json() as Disbursement[]).find((d) => d.id === id)).toMatchObject({ status: 'approved', balanceBefore: null });
  });

  it("proposals waiting for me: another person's transfer and reversal in my scope; not my own, not another ward's, none for an accountant", async () => {
    const a = await makeFund(t.db, t.w.S);
    const a2 = await makeFund(t.db, t.w.S);
    const b = await makeFund(t.db, t.w.T);
    const accA = await sessionAs(t.db, 'fund_accountant', t.w.S);
    const accB = await sessionAs(t.db, 'fund_accountant', t.w.T);
    const bttA = await sessionAs(t.db, 'standing_committee', t.w.S);
    const bttA2 = await sessionAs(t.db, 'standing_committee', t.w.S);
    const bttB = await sessionAs(t.db, 'standing_committee', t.w.T);
    const dA = await recordDonation({ db: t.db, user: accA.user }, { fundId: a.fundId, receivedOn: '2025-08-01', amount: 400_000, donorKind: 'anonymous' });
    const dB = await recordDonation({ db: t.db, user: accB.user }, { fundId: b.fundId, receivedOn: '2025-08-01', amount: 50_000, donorKind: 'anonymous' });

    const transfer = await t.app.inject({
      method: 'POST',
      url: '/api/fund/transfers',
      headers: bttA.headers,
      payload: {
        fromFundId: a.fundId,
        fromAccountId: a.cash,
        toFundId: a2.fundId,
        toAccountId: a2.cash,
        amount: 150_000,
        date: '2025-08-02',
        memo: 'Điều chuyển giữa hai quỹ',
        reason: 'Quỹ kia thiếu',
      },
    });
    expect(transfer.statusCode).toBe(200);
    const reversal = await t.app.inject({ method: 'POST', url: `/api/fund/donations/${dA.id}/reverse`, headers: accA.headers, payload: { reason: 'Ghi nhầm số tiền' } });
    const other = await t.app.inject({ method: 'POST', url: `/api/fund/donations/${dB.id}/reverse`, headers: accB.headers, payload: { reason: 'Ghi nhầm' } });
    expect(reversal.json()).toMatchObject({ status: 'proposed' });
    const ids = (r: { json(): unknown }) => (r.json() as Proposal[]).map((p) => p.id);

    // The second member of S's committee sees both of A's, with what each takes from the fund.
    const forA2 = await t.app.inject({ url: '/api/fund/proposals?pendingForMe=true', headers: bttA2.headers });
    expect(forA2.statusCode).toBe(200);
    const list = forA2.json() as Proposal[];
    expect(ids(forA2)).toEqual(expect.arrayContaining([transfer.json().id, reversal.json().id]));
    expect(ids(forA2)).not.toContain(other.json().id);
    expect(list.find((p) => p.id === transfer.json().id)).toMatchObject({
      kind: 'transfer',
      amount: 150_000,
      balanceBefore: 400_000,
      balanceAfter: 250_000,
      canDecide: true,
      proposedByName: bttA.user.displayName,
    });
    expect(list.find((p) => p.id === reversal.json().id)).toMatchObject({ kind: 'donation_reversal', amount: 400_000, balanceBefore: 400_000, balanceAfter: 0 });
    expect(list.every((p) => p.canDecide && p.status === 'proposed')).toBe(true);

    // The proposer of the transfer does not see it as waiting for them (they may not decide it).
    expect(ids(await t.app.inject({ url: '/api/fund/proposals?pendingForMe=true', headers: bttA.headers }))).not.toContain(transfer.json().id);
    // Another ward's committee sees only its own ward's.
    const forB = ids(await t.app.inject({ url: '/api/fund/proposals?pendingForMe=true', headers: bttB.headers }));
    expect(forB).toContain(other.json().id);
    expect(forB).not.toContain(reversal.json().id);
    // The accountant holds no fund.approve: nothing waits for them.
    expect(ids(await t.app.inject({ url: '/api/fund/proposals?pendingForMe=true', headers: accA.headers }))).toEqual([]);
    // A unit's list still needs the unit in scope.
    const foreign = await t.app.inject({ url: `/api/fund/proposals?unit=${t.w.S}`, headers: bttB.headers });
    expect(foreign.json().error.code).toBe('OUT_OF_SCOPE');

    // Once decided it leaves the list.
    const done = await t.app.inject({ method: 'POST', url: `/api/fund/proposals/${reversal.json().id}/reject`, payload: { note: 'Không đúng' }, headers: bttA2.headers });
    expect(done.json()).toMatchObject({ status: 'rejected', canDecide: false, balanceBefore: null });
    expect(ids(await t.app.inject({ url: '/api/fund/proposals?pendingForMe=true', headers: bttA2.headers }))).not.toContain(reversal.json().id);
  });
});
