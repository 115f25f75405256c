import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { act, create, petitionSetup, type Sessions } from './testing';

const t = useWorldApp();
let s: Sessions;
let head: TestSession;
beforeAll(async () => {
  s = await petitionSetup(t.db, t.w);
  head = await sessionAs(t.db, 'village_head', t.w.A1);
});

const metric = async (key: string, unit: number, from: string, to: string, sess = s.bttS) => {
  const r = await t.app.inject({ method: 'GET', url: `/api/metrics/${key}?unit=${unit}&from=${from}&to=${to}&by=none`, headers: sess.headers });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().total.value as number;
};
const post = async (sess: TestSession, url: string, payload: unknown) => {
  const r = await t.app.inject({ method: 'POST', url, headers: sess.headers, payload: payload as object });
  return r;
};

describe('target 13: forwarded petitions answered in writing', () => {
  it('10 answers due in January 2026: 7 in writing, 2 not in writing, 1 none → 70%', async () => {
    const outcomes = [...Array(7).fill('writing'), 'oral', 'oral', 'none'];
    for (const [i, outcome] of outcomes.entries()) {
      const p = await create(t.app, s.staffS, {
        unitId: t.w.S,
        channel: 'voter_meeting',
        kind: 'kien_nghi',
        title: `Ý kiến cử tri ${i}`,
        content: 'Nội dung',
        receivedOn: '2025-11-01',
      });
      await act(t.app, s.staffS, p.id, { action: 'accept', date: '2025-11-03' });
      const f = await act(t.app, s.staffS, p.id, { action: 'forward', date: '2025-11-05', agencyId: s.agencyS, letterNo: `${i}/MTTQ`, letterDate: '2025-11-05' });
      expect(f.json().answerDueOn).toBe('2026-01-04');
      if (outcome !== 'none') {
        const a = await act(t.app, s.staffS, p.id, {
          action: 'answer',
          date: `2025-12-${String(10 + i).padStart(2, '0')}`,
          inWriting: outcome === 'writing',
          summary: 'Đã trả lời',
        });
        expect(a.statusCode, a.body).toBe(200);
      }
    }
    // Another ward's answer does not count here.
    const other = await create(t.app, s.staffT, { unitId: t.w.T, channel: 'written', kind: 'kien_nghi', title: 'Khác', content: 'Nội dung', receivedOn: '2025-11-01' });
    await act(t.app, s.staffT, other.id, { action: 'accept', date: '2025-11-03' });
    await act(t.app, s.staffT, other.id, { action: 'forward', date: '2025-11-05', agencyId: s.agencyT, letterNo: '1', letterDate: '2025-11-05' });
    const due = await metric('petitions.answer_due', t.w.S, '2026-01-01', '2026-01-31');
    const written = await metric('petitions.answered_in_writing', t.w.S, '2026-01-01', '2026-01-31');
    expect([due, written]).toEqual([10, 7]);
    expect(await metric('petitions.answer_due', t.w.P, '2026-01-01', '2026-01-31', s.bttP)).toBe(11);
    expect(await metric('petitions.forwarded', t.w.S, '2025-11-01', '2025-11-30')).toBe(10);
    const stats = (await t.app.inject({ method: 'GET', url: `/api/petitions/stats?unit=${t.w.S}&from=2026-01-01&to=2026-01-31`, headers: s.bttS.headers })).json();
    expect(stats).toMatchObject({ answerDue: 10, answeredInWriting: 7, writtenAnswerRate: 0.7 });
    const median = (await t.app.inject({ method: 'GET', url: `/api/petitions/stats?unit=${t.w.S}&from=2025-12-01&to=2025-12-31`, headers: s.bttS.headers })).json();
    // Answers 5 December + 10..18 days → 35..43 days after forwarding; median of 35..43 is 39.
    expect(median.medianDaysToAnswer).toBe(39);
  });
});

describe('target 2: situation reports on time', () => {
  it('3 monthly periods × 2 villages = 6 due; 4 on time, 1 late, 1 not filed; the ward sees who and the hot issues', async () => {
    const ids: number[] = [];
    for (const m of ['01', '02', '03']) {
      const r = await post(s.bttS, '/api/situation-periods', {
        unitId: t.w.S,
        kind: 'month',
        startsOn: `2026-${m}-01`,
        endsOn: `2026-${m}-28`,
        dueOn: `2026-${m}-28`,
        levels: ['village'],
      });
      expect(r.statusCode, r.body).toBe(200);
      ids.push(r.json().id);
    }
    const file = (sess: TestSession, unitId: number, periodId: number, filedOn: string, hotIssues: string[] = []) =>
      post(sess, '/api/situation-reports', { periodId, unitId, filedOn, topics: 'Tình hình ổn định', hotIssues });
    for (const p of ids) expect((await file(head, t.w.A1, p, '2026-0' + (ids.indexOf(p) + 1) + '-25', ['Ô nhiễm bãi rác'])).statusCode).toBe(200);
    expect((await file(s.staffS, t.w.B1, ids[0], '2026-01-27', ['ô nhiễm bãi rác', 'Đường xuống cấp'])).statusCode).toBe(200);
    expect((await file(s.staffS, t.w.B1, ids[1], '2026-03-05')).statusCode).toBe(200);
    // Refusals: twice, a unit that does not report, another ward's officer, a village head for a village not his.
    expect((await file(s.staffS, t.w.B1, ids[0], '2026-01-28')).json().error.code).toBe('SITUATION_REPORT_EXISTS');
    expect((await file(s.staffS, t.w.S, ids[0], '2026-01-28')).json().error.code).toBe('SITUATION_REPORT_NOT_REQUIRED');
    expect((await file(s.staffT, t.w.B1, ids[2], '2026-03-20')).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await file(head, t.w.B1, ids[2], '2026-03-20')).json().error.code).toBe('OUT_OF_SCOPE');

    expect(await metric('petitions.situation_reports_due', t.w.S, '2026-01-01', '2026-03-31')).toBe(6);
    expect(await metric('petitions.situation_reports_on_time', t.w.S, '2026-01-01', '2026-03-31')).toBe(4);
    expect(await metric('petitions.situation_reports_on_time', t.w.B1, '2026-01-01', '2026-03-31')).toBe(1);
    const o = (await t.app.inject({ method: 'GET', url: `/api/situation-reports?unit=${t.w.S}&period=month`, headers: s.staffS.headers })).json();
    expect(o.summary).toEqual({ onTime: 4, late: 1, notFiled: 1, pending: 0 });
    expect(o.rows.find((r: { unitId: number; periodId: number }) => r.unitId === t.w.B1 && r.periodId === ids[2]).status).toBe('not_filed');
    expect(o.hotIssues[0]).toEqual({ issue: 'Ô nhiễm bãi rác', count: 4 });
    const one = (await t.app.inject({ method: 'GET', url: `/api/situation-reports?unit=${t.w.S}&period=${ids[1]}`, headers: s.staffS.headers })).json();
    expect(one.rows.map((r: { status: string }) => r.status).sort()).toEqual(['late', 'on_time']);
  });
});

describe('reception, voter meetings, dialogues, conferences', () => {
  it('are counted by the metrics at their unit and date', async () => {
    expect(
      (await post(s.staffS, '/api/petition-receptions', { unitId: t.w.S, heldOn: '2026-04-15', officials: 'Chủ tịch UB MTTQ phường', citizensCount: 7, matters: 'Đất đai' }))
        .statusCode,
    ).toBe(200);
    expect((await post(s.staffS, '/api/petition-receptions', { unitId: t.w.S, heldOn: '2026-05-15', officials: 'Phó Chủ tịch', citizensCount: 4 })).statusCode).toBe(200);
    for (const [kind, voters, opinions] of [
      ['voter_meeting', 120, 9],
      ['voter_meeting', 80, 4],
      ['dialogue', 50, 6],
    ] as const) {
      const r = await post(s.staffS, '/api/voter-meetings', { unitId: t.w.S, kind, heldOn: '2026-04-20', deputies: 'Đại biểu HĐND tỉnh', place: 'Nhà văn hóa', voters, opinions });
      expect(r.statusCode, r.body).toBe(200);
    }
    const p = await create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'kien_nghi', title: 'Vụ việc', content: 'Nội dung', receivedOn: '2026-04-01' });
    const c = await post(s.staffS, '/api/petition-conferences', {
      unitId: t.w.S,
      heldOn: '2026-06-10',
      title: 'Hội nghị công khai kết quả giải quyết 6 tháng',
      attendees: 60,
      petitionIds: [p.id],
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().petitionIds).toEqual([p.id]);
    const other = await create(t.app, s.staffT, { unitId: t.w.T, channel: 'written', kind: 'kien_nghi', title: 'Vụ khác', content: 'Nội dung', receivedOn: '2026-04-01' });
    expect((await post(s.staffS, '/api/petition-conferences', { unitId: t.w.S, heldOn: '2026-06-11', title: 'Không được', petitionIds: [other.id] })).json().error.code).toBe(
      'OUT_OF_SCOPE',
    );
    const y = ['2026-01-01', '2026-06-30'] as const;
    expect(await metric('petitions.citizens_received', t.w.S, ...y)).toBe(11);
    expect(await metric('petitions.voter_meetings', t.w.S, ...y)).toBe(2);
    expect(await metric('petitions.voters', t.w.S, ...y)).toBe(200);
    expect(await metric('petitions.voter_opinions', t.w.S, ...y)).toBe(13);
    expect(await metric('petitions.dialogues', t.w.S, ...y)).toBe(1);
    expect(await metric('petitions.conferences', t.w.S, ...y)).toBe(1);
    expect(await metric('petitions.conferences', t.w.T, ...y, s.bttP)).toBe(0);
    // Another ward's officer reads none of it; the province does.
    for (const url of ['/api/petition-receptions', '/api/voter-meetings', '/api/petition-conferences', '/api/situation-reports']) {
      const refused = await t.app.inject({ method: 'GET', url: `${url}?unit=${t.w.S}`, headers: s.staffT.headers });
      expect(refused.json().error?.code, url).toBe('OUT_OF_SCOPE');
      expect((await t.app.inject({ method: 'GET', url: `${url}?unit=${t.w.S}`, headers: s.bttP.headers })).statusCode, url).toBe(200);
    }
    expect((await post(s.leader, '/api/petition-receptions', { unitId: t.w.S, heldOn: '2026-04-16', officials: 'X', citizensCount: 1 })).json().error.code).toBe('FORBIDDEN');
  });
});
