// Supervisions followed to their remedy, the overdue list across units, plans against target 10, and
// refused input writing nothing.
import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { today } from '../../platform/access';
import { addDays } from '../../demo/org-gen';

const t = useWorldApp();
const call = (s: TestSession, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

const supervision = (unitId: number, startedOn: string, title = 'Giám sát thu, chi quỹ khu dân cư') => ({
  unitId,
  kind: 'supervision',
  form: 'direct',
  title,
  subjectKind: 'agency',
  subject: 'UBND phường',
  team: 'Đoàn giám sát',
  startedOn,
});
const overdueIds = async (s: TestSession, unit?: number) => {
  const res = await call(s, 'GET', `/api/oversight/recommendations?overdue=1&limit=500${unit ? `&unit=${unit}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Array<{ id: number }>).map((r) => r.id);
};

describe('supervisions and recommendations', () => {
  it('a ward officer records a supervision with two recommendations and follows one to done', async () => {
    const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
    const created = await call(staff, 'POST', '/api/oversight/activities', supervision(t.w.S, addDays(today(), -40)));
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const done = await call(staff, 'POST', `/api/oversight/activities/${id}/complete`, {
      endedOn: addDays(today(), -30),
      findings: 'Chưa công khai đầy đủ',
      conclusion: 'Đề nghị công khai các khoản thu, chi',
      recommendations: [
        { content: 'Niêm yết công khai tại nhà văn hóa', agency: 'UBND phường', dueOn: addDays(today(), -1) },
        { content: 'Báo cáo kết quả bằng văn bản', agency: 'UBND phường', dueOn: addDays(today(), 30) },
      ],
    });
    expect(done.statusCode, done.body).toBe(200);
    const [first, second] = done.json().items;
    expect(first.overdue).toBe(true);
    expect(second.overdue).toBe(false);
    const followed = await call(staff, 'POST', `/api/oversight/recommendations/${first.id}/follow`, { status: 'done', answer: 'Đã niêm yết' });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({ status: 'done', overdue: false, doneOn: today() });
    expect(await overdueIds(staff, t.w.S)).not.toContain(first.id);
    // Done is final; the audit trail holds every step.
    expect((await call(staff, 'POST', `/api/oversight/recommendations/${first.id}/follow`, { status: 'partly' })).json().error.code).toBe('RECOMMENDATION_TRANSITION');
    const audit = await t.db.query<{ action: string }>(
      `select action from audit_log where (entity = 'oversight_activity' and entity_id = $1) or (entity = 'oversight_recommendation' and entity_id = $2) order by id`,
      [String(id), String(first.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'complete', 'follow']);
  });

  it('lists an overdue recommendation at its unit and every unit above, not at a sibling', async () => {
    // Recorded at old ward A in 2024 by the province: it rolls into the new ward S, the city and the province.
    const province = await sessionAs(t.db, 'unit_staff', t.w.P);
    const a = await call(province, 'POST', '/api/oversight/activities', supervision(t.w.A, '2024-03-01'));
    expect(a.statusCode, a.body).toBe(200);
    const c = await call(province, 'POST', `/api/oversight/activities/${a.json().id}/complete`, {
      endedOn: '2024-03-10',
      conclusion: 'Kết luận',
      recommendations: [{ content: 'Sửa chữa đường ngõ', agency: 'UBND phường', dueOn: '2024-06-30' }],
    });
    const recId = c.json().items[0].id;
    for (const [unit, role] of [
      [t.w.A, 'standing_committee'],
      [t.w.S, 'unit_staff'],
      [t.w.C, 'standing_committee'],
      [t.w.P, 'leadership'],
    ] as const) {
      const s = await sessionAs(t.db, role, unit);
      expect(await overdueIds(s), `at ${unit}`).toContain(recId);
    }
    for (const unit of [t.w.T, t.w.D]) {
      const s = await sessionAs(t.db, 'unit_staff', unit);
      expect(await overdueIds(s)).not.toContain(recId);
      expect((await call(s, 'GET', `/api/oversight/recommendations?overdue=1&unit=${t.w.S}`)).statusCode).toBe(403);
    }
  });

  it('refuses bad input with a coded error and writes nothing', async () => {
    const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from oversight_activities where created_by = $1', [staff.user.id]))[0].n;
    const cases: Array<[object, string]> = [
      [supervision(t.w.S, addDays(today(), 3)), 'OVERSIGHT_DATE_INVALID'],
      [supervision(t.w.S, '2024-01-01'), 'OUT_OF_SCOPE'], // before the new ward existed: S held no place then
      [{ ...supervision(t.w.S, today()), kind: 'criticism' }, 'OVERSIGHT_CRITICISM_FIELDS'],
      [{ ...supervision(t.w.S, today()), kind: 'criticism', draftTitle: 'Dự thảo', participants: 20, opinionsGiven: 3, opinionsAccepted: 5 }, 'OVERSIGHT_CRITICISM_FIELDS'],
      [{ ...supervision(t.w.S, today()), title: '   ' }, 'VALIDATION'],
    ];
    for (const [body, code] of cases) {
      const res = await call(staff, 'POST', '/api/oversight/activities', body);
      expect(res.json().error?.code, JSON.stringify(body)).toBe(code);
      expect(res.json().error.message).toBeTruthy();
    }
    expect(await count()).toBe(0);
    const ok = (await call(staff, 'POST', '/api/oversight/activities', supervision(t.w.S, today()))).json();
    const bad = await call(staff, 'POST', `/api/oversight/activities/${ok.id}/complete`, {
      endedOn: today(),
      conclusion: 'Kết luận',
      recommendations: [{ content: 'X', agency: 'UBND', dueOn: addDays(today(), -1) }],
    });
    expect(bad.json().error.code).toBe('RECOMMENDATION_DUE_INVALID');
    const [row] = await t.db.query<{ status: string; n: number }>(
      'select status, (select count(*)::int from oversight_recommendations where activity_id = $1) as n from oversight_activities where id = $1',
      [ok.id],
    );
    expect(row).toEqual({ status: 'ongoing', n: 0 });
  });
});

describe('plans', () => {
  it('show the gap against target 10 and are approved by the standing committee only', async () => {
    const staff = await sessionAs(t.db, 'unit_staff', t.w.T);
    const res = await call(staff, 'POST', '/api/oversight/plans', {
      unitId: t.w.T,
      year: 2027,
      topics: [{ kind: 'supervision', title: 'Giám sát bình xét hộ nghèo', subjectKind: 'policy', subject: 'UBND phường', form: 'coordinated', quarter: 2 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    // A ward: 1–2 topics led by the Front (a coordinated one does not count) and at least one criticism.
    expect(plan.requirements).toEqual([
      { kind: 'supervision', min: 1, max: 2, planned: 0, gap: 1, done: 0 },
      { kind: 'criticism', min: 1, max: null, planned: 0, gap: 1, done: 0 },
    ]);
    expect((await call(staff, 'POST', `/api/oversight/plans/${plan.id}/approve`, {})).json().error.code).toBe('FORBIDDEN');
    const btt = await sessionAs(t.db, 'standing_committee', t.w.T);
    const approved = await call(btt, 'POST', `/api/oversight/plans/${plan.id}/approve`, { partyOpinion: 'Đồng ý' });
    expect(approved.json()).toMatchObject({ status: 'approved', partyOpinion: 'Đồng ý' });
    const again = await call(staff, 'POST', '/api/oversight/plans', { unitId: t.w.T, year: 2027, topics: [] });
    expect(again.json().error.code).toBe('OVERSIGHT_PLAN_APPROVED');
  });

  it("show the year's progress: topics carried out and the activities target 10 counts", async () => {
    const year = Number(today().slice(0, 4));
    const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
    const plan = (
      await call(staff, 'POST', '/api/oversight/plans', {
        unitId: t.w.S,
        year,
        topics: [
          { kind: 'supervision', title: 'Giám sát thu, chi quỹ', subjectKind: 'agency', subject: 'UBND phường', form: 'direct', quarter: 1 },
          { kind: 'criticism', title: 'Phản biện dự thảo quy hoạch', subjectKind: 'policy', subject: 'UBND phường', form: 'direct', quarter: 3 },
        ],
      })
    ).json();
    expect(plan.requirements.map((r: { planned: number; gap: number }) => [r.planned, r.gap])).toEqual([
      [1, 0],
      [1, 0],
    ]);
    const before = plan.requirements.map((r: { done: number }) => r.done);
    const topic = plan.topics.find((x: { kind: string }) => x.kind === 'supervision');
    expect(topic.activityId).toBeNull();
    const a = await call(staff, 'POST', '/api/oversight/activities', { ...supervision(t.w.S, `${year}-01-02`), topicId: topic.id });
    expect(a.statusCode, a.body).toBe(200);
    // A coordinated supervision is not one the Front leads: target 10 (and the progress) leave it out.
    await call(staff, 'POST', '/api/oversight/activities', { ...supervision(t.w.S, `${year}-01-03`), form: 'coordinated' });
    const after = (await call(staff, 'GET', `/api/oversight/plans?unit=${t.w.S}&year=${year}`)).json();
    expect(after.requirements.map((r: { done: number }) => r.done)).toEqual([before[0] + 1, before[1]]);
    expect(after.topics.find((x: { id: number }) => x.id === topic.id).activityId).toBe(a.json().id);
  });
});
