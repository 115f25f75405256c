import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { addDays } from '../petitions/rules';
import { today } from '../../platform/access';
import { create, petitionSetup } from '../petitions/testing';
import { proposeDisbursement } from '../fund/disbursement-service';
import { recordDonation } from '../fund/donation-service';
import { makeFund } from '../fund/testing';

const t = useWorldApp();
let btt: TestSession;
let member: TestSession;
let staff: TestSession;

beforeAll(async () => {
  const s = await petitionSetup(t.db, t.w);
  staff = s.staffS;
  btt = await sessionAs(t.db, 'standing_committee', t.w.S);
  member = await sessionAs(t.db, 'member_org', t.w.S);
  const acct = await sessionAs(t.db, 'fund_accountant', t.w.S);
  const f = await makeFund(t.db, t.w.S, 'vi_nguoi_ngheo', '2025-07-01');
  await recordDonation(t.db, acct.user, { fundId: f.fundId, receivedOn: '2025-08-01', amount: 9_000_000, donorKind: 'organisation', donorName: 'Công ty Thử' });
  for (let i = 0; i < 2; i++) {
    await proposeDisbursement(t.db, acct.user, { fundId: f.fundId, kind: 'household', purpose: 'tet_gift', amount: 500_000, paidOn: '2025-08-10',
      beneficiaryName: `Hộ thử ${i}`, beneficiaryVillage: 'Tổ dân phố số 1', packages: 1 });
  }
  for (const days of [-60, -45, -40]) {
    await create(t.app, staff, { unitId: t.w.S, channel: 'reception', kind: 'kien_nghi', title: `Quá hạn ${days}`, content: 'Nội dung', receivedOn: addDays(today(), days) });
  }
});

const home = async (who: TestSession) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/home/todo', headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().items as Array<{ key: string; count: number; to: string }>).map((i) => [i.key, i]));
};

describe('the to-do home', () => {
  it("shows the standing committee the payments waiting for its approval and the ward's overdue petitions, each linking to its list", async () => {
    const items = await home(btt);
    expect(items['fund.approvals']).toEqual({ key: 'fund.approvals', count: 2, to: '/fund' });
    expect(items['petitions.overdue']).toMatchObject({ count: 3, to: '/petitions?overdue=1' });
  });

  it("counts with the lists' own scope and permissions: the proposer has nothing to approve, a member organisation's officer sees no petitions", async () => {
    const acctItems = await home(await sessionAs(t.db, 'fund_accountant', t.w.S));
    expect(acctItems['fund.approvals']).toBeUndefined();
    const m = await home(member);
    expect(m['petitions.overdue']).toBeUndefined();
    expect(m['fund.approvals']).toBeUndefined();
    // Another ward's committee sees none of this ward's work.
    const other = await home(await sessionAs(t.db, 'standing_committee', t.w.T));
    expect(other['fund.approvals'].count).toBe(0);
    expect(other['petitions.overdue'].count).toBe(0);
  });

  it('is refused without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/home/todo' })).statusCode).toBe(401);
  });
});
