// Acts recorded on a phone while offline are sent again when the network returns, maybe twice: each
// carries the device's key and is recorded once.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { addHousehold } from './testing';

const t = useWorldApp();
let head: TestSession;
let other: TestSession;
let hh: number;

beforeAll(async () => {
  head = await sessionAs(t.db, 'village_head', t.w.A1);
  other = await sessionAs(t.db, 'unit_staff', t.w.S);
  const admin = (await sessionAs(t.db, 'admin', null)).user;
  hh = await addHousehold(t.db, admin, { unitId: t.w.A1, headName: 'Nguyễn Văn Ngoại Tuyến', headBirthYear: 1955, registeredOn: '2025-08-01' });
});

const post = (s: TestSession, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/households/supports', headers: s.headers, payload });
const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from household_supports where household_id = $1', [hh]))[0].n;

describe('support acts replayed from an offline queue', () => {
  it('the same key sent twice records one act and answers the first; another key records another', async () => {
    const act = { householdId: hh, kind: 'medical', supportDate: '2025-09-01', valueVnd: 300_000, clientKey: 'dev-7f3a9c21-0001' };
    const first = await post(head, act);
    expect(first.statusCode, first.body).toBe(200);
    const again = await post(head, act);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await count()).toBe(1);
    expect((await post(head, { ...act, clientKey: 'dev-7f3a9c21-0002' })).statusCode).toBe(200);
    expect(await count()).toBe(2);
    const audits = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'household' and entity_id = $1 and action = 'support'`, [String(hh)]);
    expect(audits[0].n).toBe(2);
  });

  it("a key is the sender's own: another person's act with the same key is recorded (or refused by scope), never answered with the first", async () => {
    const act = { householdId: hh, kind: 'medical', supportDate: '2025-09-02', valueVnd: 100_000, clientKey: 'dev-7f3a9c21-0001' };
    const res = await post(other, act);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().supportDate).toBe('2025-09-02');
    expect(await count()).toBe(3);
  });

  it('refuses a malformed key with nothing written', async () => {
    const res = await post(head, { householdId: hh, kind: 'medical', supportDate: '2025-09-03', valueVnd: 1, clientKey: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(await count()).toBe(3);
  });
});
