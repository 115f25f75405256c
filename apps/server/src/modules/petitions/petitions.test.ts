import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { addDays } from './rules';
import { act, create, petitionSetup, publicBody, submit, type Sessions } from './testing';
import { today } from '../../platform/access';

const t = useWorldApp();
let s: Sessions;
beforeAll(async () => {
  s = await petitionSetup(t.db, t.w);
});

const list = async (sess: Sessions['staffS'], unit: number, extra = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/petitions?unit=${unit}${extra}&limit=200`, headers: sess.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<{ id: number; overdue: boolean; handlerName: string | null }>; total: number };
};

describe('deadlines by kind', () => {
  const received = '2026-03-02';
  it.each([
    // kind, accept due (10 days), answer due after forwarding on received+1 (simple, complex)
    ['khieu_nai', 30, 45],
    ['to_cao', 30, 30],
    ['kien_nghi', 60, 60],
    ['phan_anh', 60, 60],
  ])('%s: accept within 10 days, answer %i days after forwarding (%i when complex)', async (kind, simple, complex) => {
    for (const isComplex of [false, true]) {
      const p = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind, title: `Đơn ${kind}`, content: 'Nội dung', receivedOn: received });
      expect(p.acceptDueOn).toBe(addDays(received, 10));
      expect((await act(t.app, s.staffS, p.id, { action: 'accept', date: '2026-03-03' })).statusCode).toBe(200);
      const f = await act(t.app, s.staffS, p.id, {
        action: 'forward',
        date: '2026-03-03',
        agencyId: s.agencyS,
        letterNo: '12/MTTQ',
        letterDate: '2026-03-03',
        complex: isComplex,
      });
      expect(f.statusCode, f.body).toBe(200);
      expect(f.json().answerDueOn).toBe(addDays('2026-03-03', isComplex ? complex : simple));
    }
  });

  it('a denunciation is extended twice by 30 days, not a third time; a complaint not at all', async () => {
    const p = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'to_cao', title: 'Tố cáo', content: 'Nội dung', receivedOn: received });
    await act(t.app, s.staffS, p.id, { action: 'accept', date: received });
    await act(t.app, s.staffS, p.id, { action: 'forward', date: received, agencyId: s.agencyP, letterNo: '1', letterDate: received });
    expect((await act(t.app, s.staffS, p.id, { action: 'extend' })).json().answerDueOn).toBe(addDays(received, 60));
    expect((await act(t.app, s.staffS, p.id, { action: 'extend' })).json().answerDueOn).toBe(addDays(received, 90));
    const third = await act(t.app, s.staffS, p.id, { action: 'extend' });
    expect(third.json().error.code).toBe('PETITION_EXTENSION_LIMIT');
    const k = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'khieu_nai', title: 'Khiếu nại', content: 'Nội dung', receivedOn: received });
    await act(t.app, s.staffS, k.id, { action: 'accept', date: received });
    await act(t.app, s.staffS, k.id, { action: 'forward', date: received, agencyId: s.agencyS, letterNo: '2', letterDate: received });
    expect((await act(t.app, s.staffS, k.id, { action: 'extend' })).json().error.code).toBe('PETITION_EXTENSION_LIMIT');
  });

  it('follows a changed rule for new items (the administrator edits the days)', async () => {
    const admin = await import('../../test/factories').then((m) => m.sessionAs(t.db, 'admin', null));
    const rules = (await t.app.inject({ method: 'GET', url: '/api/petition-rules', headers: admin.headers })).json() as Array<Record<string, unknown>>;
    const old = rules.find((r) => r.kind === 'phan_anh')!;
    const { kind: _k, ...body } = old;
    const put = await t.app.inject({ method: 'PUT', url: '/api/petition-rules/phan_anh', headers: admin.headers, payload: { ...body, acceptDays: 5 } });
    expect(put.statusCode, put.body).toBe(200);
    try {
      const refused = await t.app.inject({ method: 'PUT', url: '/api/petition-rules/phan_anh', headers: s.staffS.headers, payload: body });
      expect(refused.json().error.code).toBe('FORBIDDEN');
      const p = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'phan_anh', title: 'Phản ánh', content: 'Nội dung', receivedOn: received });
      expect(p.acceptDueOn).toBe(addDays(received, 5));
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/petition-rules/phan_anh', headers: admin.headers, payload: body });
    }
  });
});

describe('overdue list', () => {
  it("an item past due is in its ward's and the province's list, not another ward's; the officer is named", async () => {
    const p = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'reception', kind: 'kien_nghi', title: 'Ngập úng', content: 'Nội dung', receivedOn: addDays(today(), -40) });
    const fresh = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'reception', kind: 'kien_nghi', title: 'Mới', content: 'Nội dung', receivedOn: today() });
    const inS = await list(s.staffS, t.w.S, '&overdue=1');
    expect(inS.items.map((i) => i.id)).toContain(p.id);
    expect(inS.items.map((i) => i.id)).not.toContain(fresh.id);
    expect(inS.items.find((i) => i.id === p.id)!.handlerName).toBe(s.staffS.user.displayName);
    expect((await list(s.bttP, t.w.P, '&overdue=true')).items.map((i) => i.id)).toContain(p.id);
    expect((await list(s.staffT, t.w.T, '&overdue=1')).items.map((i) => i.id)).not.toContain(p.id);
    // Another ward's user asking for this ward's list is refused.
    const other = await t.app.inject({ method: 'GET', url: `/api/petitions?unit=${t.w.S}`, headers: s.staffT.headers });
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    const rem = await t.app.inject({ method: 'GET', url: '/api/petitions/reminders', headers: s.staffS.headers });
    expect(rem.json().overdue).toBeGreaterThanOrEqual(1);
  });

  it("a petition received by an old ward before the reform is handled by its successor, and is overdue in the old city's list", async () => {
    const [old] = await t.db.query<{ id: number }>(
      `insert into petitions (tracking_code, unit_id, channel, kind, title, content, received_on, accept_due_on, due_on, content_hash)
       values ('OLDW-ARD0-' || substr(md5(random()::text), 1, 2), $1, 'written', 'kien_nghi', 'Đơn cũ', 'Nội dung', '2025-05-05', '2025-05-15', '2025-05-15', md5(random()::text))
       returning id`,
      [t.w.A],
    );
    expect((await list(s.bttC, t.w.C, '&overdue=1')).items.map((i) => i.id)).toContain(old.id);
    expect((await list(s.staffS, t.w.S, '&overdue=1')).items.map((i) => i.id)).toContain(old.id);
    expect((await list(s.staffT, t.w.T, '&overdue=1')).items.map((i) => i.id)).not.toContain(old.id);
    // The successor's officer accepts and forwards it after the reform; the old city's officer can no longer write.
    expect((await act(t.app, s.staffS, old.id, { action: 'accept' })).statusCode).toBe(200);
    expect((await act(t.app, s.bttC, old.id, { action: 'decline', reason: 'x' })).json().error.code).toBe('UNIT_ENDED');
    const f = await act(t.app, s.staffS, old.id, { action: 'forward', agencyId: s.agencyS, letterNo: '5/MTTQ', letterDate: today() });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json().events.at(-1).actorName).toBe(s.staffS.user.displayName);
    // An agency of another ward is not in this petition's directory.
    const p2 = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'kien_nghi', title: 'Khác', content: 'Nội dung', receivedOn: today() });
    await act(t.app, s.staffS, p2.id, { action: 'accept' });
    const bad = await act(t.app, s.staffS, p2.id, { action: 'forward', agencyId: s.agencyT, letterNo: '1', letterDate: today() });
    expect(bad.json().error.code).toBe('PETITION_AGENCY_INVALID');
  });
});

describe('state machine', () => {
  it('received → accepted → forwarded → answered → informed → closed → reopened; wrong steps refused', async () => {
    const p = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'voter_meeting', kind: 'kien_nghi', title: 'Đường liên thôn', content: 'Nội dung', receivedOn: today() });
    expect((await act(t.app, s.staffS, p.id, { action: 'answer', inWriting: true, summary: 'x' })).json().error.code).toBe('PETITION_BAD_STATE');
    for (const [body, state] of [
      [{ action: 'accept' }, 'accepted'],
      [{ action: 'forward', agencyId: s.agencyP, letterNo: '7/MTTQ', letterDate: today() }, 'forwarded'],
      [{ action: 'answer', inWriting: true, docNo: '88/UBND', summary: 'Sẽ sửa trong quý tới', publish: true }, 'answered'],
      [{ action: 'inform', note: 'Gọi điện' }, 'informed'],
      [{ action: 'close' }, 'closed'],
      [{ action: 'reopen', reason: 'Công dân chưa đồng ý' }, 'accepted'],
    ] as const) {
      const r = await act(t.app, s.staffS, p.id, body);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().state).toBe(state);
    }
    const declined = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'phan_anh', title: 'Trùng', content: 'Nội dung', receivedOn: today() });
    const d = await act(t.app, s.staffS, declined.id, { action: 'decline', reason: 'Đơn trùng nội dung đã giải quyết' });
    expect(d.json()).toMatchObject({ state: 'declined', declineReason: 'Đơn trùng nội dung đã giải quyết', dueOn: null });
    const audits = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'petition' and entity_id = $1`, [String(p.id)]);
    expect(audits[0].n).toBe(7);
  });

  it('read-only and out-of-scope users cannot act', async () => {
    const p = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'kien_nghi', title: 'Đơn', content: 'Nội dung', receivedOn: today() });
    expect((await act(t.app, s.leader, p.id, { action: 'accept' })).json().error.code).toBe('FORBIDDEN');
    expect((await act(t.app, s.staffT, p.id, { action: 'accept' })).json().error.code).toBe('OUT_OF_SCOPE');
  });
});

describe('addressing a unit', () => {
  it("a petition addressed today to a ward that has ended is refused with its successor's name", async () => {
    const res = await submit(t.app, publicBody(s.aCode));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PETITION_UNIT_ENDED');
    expect(res.json().error.message).toContain('Phường Bắc Giang Thử');
    expect(res.json().error.details.successorName).toBe('Phường Bắc Giang Thử');
  });

  it('an unknown code is refused', async () => {
    const res = await submit(t.app, publicBody('NO-SUCH-CODE'));
    expect(res.json().error.code).toBe('PETITION_UNIT_UNKNOWN');
  });
});
