// The public survey: one answer per household code, refused a second time with a stable code and a
// Vietnamese message; results carry counts only, and nothing stored or answered shows who answered.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { today } from '../../platform/access';
import { normaliseHouseholdCode, surveyRate } from './rules';

const t = useWorldApp();
let staff: TestSession;
let code: string;
let surveyId: number;
const HOUSEHOLD = 'hb-0012 34';

beforeAll(async () => {
  staff = await sessionAs(t.db, 'unit_staff', t.w.S);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/movements/surveys',
    headers: staff.headers,
    payload: {
      unitId: t.w.S,
      campaign: 'Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh',
      title: 'Lấy ý kiến sự hài lòng',
      question: 'Ông/bà có hài lòng?',
      opensOn: today(),
      closesOn: '2100-01-01',
      public: true,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  ({ id: surveyId, publicCode: code } = res.json());
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
});

const answer = (householdCode: string, rating = 'satisfied', c = code) =>
  t.app.inject({ method: 'POST', url: `/api/public/surveys/${c}/answers`, payload: { householdCode, rating } });
const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from survey_answers where survey_id = $1', [surveyId]))[0].n;

describe('the public survey', () => {
  it('shows the question without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${code}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code, open: true, question: 'Ông/bà có hài lòng?', unitName: 'Phường Bắc Giang Thử' });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/surveys/KHONGCO99' })).json().error.code).toBe('SURVEY_NOT_FOUND');
  });

  it('takes one answer per household: the same code again (however typed) is refused and nothing is written', async () => {
    expect((await answer(HOUSEHOLD)).statusCode).toBe(200);
    expect(await count()).toBe(1);
    for (const again of [HOUSEHOLD, 'HB001234', ' hb 0012-34 ']) {
      const res = await answer(again, 'unsatisfied');
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'SURVEY_ALREADY_ANSWERED', message: 'Hộ gia đình này đã trả lời cuộc khảo sát; mỗi hộ chỉ trả lời một lần' });
    }
    expect(await count()).toBe(1);
    expect((await answer('HB001235', 'very_satisfied')).statusCode).toBe(200);
    expect(await count()).toBe(2);
  });

  it('still refuses the household after the key is rotated (the digest is looked for under every key of the ring)', async () => {
    const before = process.env.HOUSEHOLD_ID_KEY;
    process.env.HOUSEHOLD_ID_KEY = ['a new secret for the rotation test', before].filter(Boolean).join(',');
    try {
      const res = await answer(HOUSEHOLD, 'very_satisfied');
      expect(res.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
      expect(await count()).toBe(2);
    } finally {
      if (before === undefined) delete process.env.HOUSEHOLD_ID_KEY;
      else process.env.HOUSEHOLD_ID_KEY = before;
    }
  });

  it('refuses a malformed household code, a survey not open and paper forms of a household that answered online', async () => {
    const bad = await answer('<b>', 'satisfied');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SURVEY_HOUSEHOLD_CODE_INVALID');
    await t.db.query(
      `insert into surveys (unit_id, campaign, title, question, opens_on, closes_on, public_code) values ($1, 'x', 'Đã đóng', 'q', '2024-01-01', '2024-02-01', 'DADONG24')`,
      [t.w.S],
    );
    expect((await answer('HB009999', 'satisfied', 'DADONG24')).json().error.code).toBe('SURVEY_CLOSED');
    const paper = await t.app.inject({
      method: 'POST',
      url: `/api/movements/surveys/${surveyId}/paper`,
      headers: staff.headers,
      payload: { answeredOn: today(), answers: [{ rating: 'satisfied' }, { rating: 'unsatisfied', householdCode: 'HB 0012 34' }] },
    });
    expect(paper.statusCode).toBe(409);
    expect(paper.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
    expect(await count()).toBe(2);
  });

  it('gives results with the sample size and margin of error, and never shows who answered', async () => {
    const paper = await t.app.inject({
      method: 'POST',
      url: `/api/movements/surveys/${surveyId}/paper`,
      headers: staff.headers,
      payload: { answeredOn: today(), answers: [{ rating: 'satisfied' }, { rating: 'unsatisfied', householdCode: 'HB777777' }] },
    });
    expect(paper.statusCode, paper.body).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/movements/surveys/${surveyId}/results`, headers: staff.headers });
    expect(res.json()).toMatchObject({
      respondents: 4,
      satisfied: 3,
      ratePct: 75,
      marginPct: 42.4,
      byChannel: [
        { channel: 'paper', count: 2 },
        { channel: 'public', count: 2 },
      ],
    });
    // Search everything the system answered or kept for the household codes, typed or normalised.
    const stored =
      JSON.stringify(await t.db.query('select * from survey_answers')) +
      JSON.stringify(await t.db.query('select * from audit_log')) +
      JSON.stringify(await t.db.query('select * from surveys'));
    const answered =
      res.body +
      (await t.app.inject({ method: 'GET', url: `/api/public/surveys/${code}` })).body +
      (await t.app.inject({ method: 'GET', url: `/api/movements/surveys?unit=${t.w.S}&year=${today().slice(0, 4)}`, headers: staff.headers })).body;
    for (const c of ['HB001234', 'HB-0012', 'HB001235', 'HB777777', '001234', '777777']) {
      expect(stored.toUpperCase(), c).not.toContain(c);
      expect(answered.toUpperCase(), c).not.toContain(c);
    }
    const cols = await t.db.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'survey_answers'`);
    expect(cols.map((c) => c.column_name).sort()).toEqual(['answered_on', 'channel', 'household_key', 'id', 'rating', 'survey_id']);
  });

  it("is read only within the unit's scope", async () => {
    const other = await sessionAs(t.db, 'unit_staff', t.w.T);
    const res = await t.app.inject({ method: 'GET', url: `/api/movements/surveys/${surveyId}/results`, headers: other.headers });
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
  });
});

describe('survey rules', () => {
  it('margin of error at 95%: 1.96·√(p(1−p)/n)', () => {
    expect(surveyRate(96, 100)).toEqual({ ratePct: 96, marginPct: 3.8 });
    expect(surveyRate(0, 0)).toEqual({ ratePct: null, marginPct: null });
    expect(surveyRate(400, 400)).toEqual({ ratePct: 100, marginPct: 0 });
  });
  it('normalises household codes and refuses what is not one', () => {
    expect(normaliseHouseholdCode(' hb-0012 34 ')).toBe('HB001234');
    expect(() => normaliseHouseholdCode('ab')).toThrow();
    expect(() => normaliseHouseholdCode('Nguyễn Văn An')).toThrow();
  });
});
