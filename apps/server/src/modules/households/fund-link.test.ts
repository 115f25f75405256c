// A support act paid from a fund and the ledger's disbursement are one act, in one transaction.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { makeFund } from '../fund/testing';
import { addHousehold, householdFootprint } from './testing';

const t = useWorldApp();
let staff: TestSession;
let hh: number;
let fundId: number;

beforeAll(async () => {
  staff = await sessionAs(t.db, 'unit_staff', t.w.S);
  ({ fundId } = await makeFund(t.db, t.w.S, 'vi_nguoi_ngheo', '2025-07-01'));
  hh = await addHousehold(t.db, staff.user, { unitId: t.w.A1, headName: 'Giáp Văn Sáu', headBirthYear: 1958, classification: { year: 2026, classes: ['poor'] } });
});

describe('support paid from a fund', () => {
  it('proposes the disbursement for the household in the same act and keeps its id', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/households/supports',
      headers: staff.headers,
      payload: { householdId: hh, kind: 'tet', year: 2026, supportDate: '2026-02-10', valueVnd: 700_000, fundId },
    });
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.disbursementId).toEqual(expect.any(Number));
    const [d] = await t.db.query<{ household_id: number; amount: number; purpose: string; status: string; fund_id: number; packages: number }>(
      'select household_id, amount, purpose, status, fund_id, packages from fund_disbursements where id = $1',
      [s.disbursementId],
    );
    expect(d).toEqual({ household_id: hh, amount: 700_000, purpose: 'tet_gift', status: 'proposed', fund_id: fundId, packages: 1 });
  });

  it('a refused disbursement leaves no support record either', async () => {
    const head = await sessionAs(t.db, 'village_head', t.w.A1); // may record support, may not pay from a fund
    const before = await householdFootprint(t.db, [t.w.A1]);
    const [{ n: dBefore }] = await t.db.query<{ n: number }>('select count(*)::int as n from fund_disbursements where fund_id = $1', [fundId]);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/households/supports',
      headers: head.headers,
      payload: { householdId: hh, kind: 'medical', supportDate: '2026-03-10', valueVnd: 300_000, fundId },
    });
    expect(r.statusCode).toBe(403);
    expect(await householdFootprint(t.db, [t.w.A1])).toEqual(before);
    const [{ n: dAfter }] = await t.db.query<{ n: number }>('select count(*)::int as n from fund_disbursements where fund_id = $1', [fundId]);
    expect(dAfter).toBe(dBefore);
  });
});
