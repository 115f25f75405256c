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
  await recordDonation({ db: t.db, user: acct.user }, { fundId: f.fundId, receivedOn: '2025-08-01', amount: 9_000_000, donorKind: 'organisation', donorName: 'Công ty Thử' });
  for (let i = 0; i < 2; i++) {
    await proposeDisbursement(
      { db: t.db, user: acct.user },
      {
        fundId: f.fundId,
        kind: 'household',
        purpose: 'tet_gift',
        amount: 500_000,
        paidOn: '2025-08-10',
        beneficiaryName: `Hộ thử ${i}`,
        beneficiaryVillage: 'Tổ dân phố số 1',
        packages: 1,
      },
    );
  }
  // The province asks the ward for a figure by next week; a poor household of the ward has no Tết gift yet.
  const bttP = await sessionAs(t.db, 'standing_committee', t.w.P);
  const d = await t.app.inject({
    method: 'POST',
    url: '/api/directives',
    headers: bttP.headers,
    payload: {
      unitId: t.w.P,
      kind: 'request',
      number: '12/CV-MTTQ',
      issuedOn: today(),
      title: 'Báo cáo số hộ được hỗ trợ',
      recipientIds: [t.w.S],
      obligations: [{ kind: 'figure', what: 'Số hộ nghèo được tặng quà', dueOn: addDays(today(), 7) }],
    },
  });
  expect(d.statusCode, d.body).toBe(200);
  const hh = await t.app.inject({
    method: 'POST',
    url: '/api/households',
    headers: staff.headers,
    payload: {
      unitId: t.w.A1,
      headName: 'Hộ Chưa Nhận Quà',
      headBirthYear: 1950,
      classification: { year: Number(today().slice(0, 4)), classes: ['poor'], housingNeed: 'none', housingCondition: null, note: null },
    },
  });
  expect(hh.statusCode, hh.body).toBe(200);
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

  it("shows the ward's staff the request from above it has not answered and the households not yet reached, each linking to its list; not to another ward", async () => {
    const items = await home(staff);
    expect(items['directives.toAnswer']).toEqual({ key: 'directives.toAnswer', count: 1, to: '/direction' });
    expect(items['households.notReached']).toMatchObject({ to: '/households/coverage' });
    expect(items['households.notReached'].count).toBeGreaterThanOrEqual(1);
    const other = await home(await sessionAs(t.db, 'unit_staff', t.w.T));
    expect(other['directives.toAnswer'].count).toBe(0);
    expect(other['households.notReached'].count).toBe(0);
    // A member organisation's officer reads neither directives nor households.
    const m = await home(member);
    expect(m['directives.toAnswer']).toBeUndefined();
    expect(m['households.notReached']).toBeUndefined();
  });

  it('is refused without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/home/todo' })).statusCode).toBe(401);
  });
});
