// People's boards and opinions: the rules on recording them, and the metrics targets 14 and Part One read.
import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { computeMetric, getMetric } from '../../platform/metrics';

const t = useWorldApp();
const call = (s: TestSession, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const members = (n: number, villageId?: number) =>
  Array.from({ length: n }, (_, i) => ({ fullName: `Nguyễn Văn Thành ${i + 1}`, role: i === 0 ? 'head' : 'member', ...(villageId ? { villageId } : {}) }));
const metric = async (key: string, unit: number, year: number) =>
  (await computeMetric(t.db, getMetric(key), { unitIds: [unit], from: `${year}-01-01`, to: `${year}-12-31`, view: 'now' })).get(unit)!;

describe("people's boards", () => {
  it('need at least 5 members, a ward, members from its villages; refused input writes nothing', async () => {
    const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
    const base = { unitId: t.w.S, kind: 'ttnd', name: 'Ban Thanh tra nhân dân', termLabel: '2025–2027', electedOn: '2025-09-15' };
    const refused: Array<[object, string]> = [
      [{ ...base, members: members(4) }, 'BOARD_MEMBERS_TOO_FEW'],
      [{ ...base, unitId: t.w.A1, members: members(5) }, 'BOARD_INVALID'],
      [{ ...base, kind: 'gsdtccd', members: members(5) }, 'BOARD_INVALID'],
      [{ ...base, members: members(5, t.w.D1) }, 'BOARD_VILLAGE_INVALID'],
    ];
    for (const [body, code] of refused) expect((await call(staff, 'POST', '/api/oversight/boards', body)).json().error.code).toBe(code);
    expect(await t.db.query('select 1 from inspection_boards where unit_id = $1', [t.w.S])).toHaveLength(0);
    const ok = await call(staff, 'POST', '/api/oversight/boards', { ...base, members: members(6, t.w.A1) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().members[0]).toMatchObject({ role: 'head', villageName: 'Tổ dân phố số 1' });
    expect((await metric('inspection.members_elected', t.w.S, 2025)).byDim).toEqual({ ttnd: 6 });
  });

  it('are rated by the Front each year; target 14 counts them good, weak and funded', async () => {
    const staff = await sessionAs(t.db, 'unit_staff', t.w.T);
    const b = (
      await call(staff, 'POST', '/api/oversight/boards', {
        unitId: t.w.T,
        kind: 'gsdtccd',
        name: 'Ban GSĐTCCĐ',
        project: 'Nhà văn hóa thôn',
        termLabel: '2026',
        electedOn: '2026-02-01',
        members: members(5),
      })
    ).json();
    const inspector = await sessionAs(t.db, 'inspection_member', t.w.T);
    // The board records its own supervisions and funding, but cannot rate itself.
    const sup = await call(inspector, 'POST', `/api/oversight/boards/${b.id}/supervisions`, {
      heldOn: '2026-05-10',
      subject: 'Chất lượng thi công',
      violations: 2,
      remedied: true,
    });
    expect(sup.json()).toMatchObject({ supervisions: 1, violations: 2 });
    const rate = { year: 2026, fundingRequiredVnd: 3_000_000, fundingVnd: 3_000_000, rating: 'good', ratedOn: '2026-11-25' };
    expect((await call(inspector, 'POST', `/api/oversight/boards/${b.id}/years`, rate)).json().error.code).toBe('FORBIDDEN');
    expect((await call(staff, 'POST', `/api/oversight/boards/${b.id}/years`, { ...rate, year: 2024 })).json().error.code).toBe('BOARD_ENDED');
    expect((await call(staff, 'POST', `/api/oversight/boards/${b.id}/years`, rate)).statusCode).toBe(200);
    const [boards, good, weak, funded, violations] = await Promise.all(
      ['inspection.boards', 'inspection.boards_good', 'inspection.boards_weak', 'inspection.boards_funded', 'inspection.violations'].map((k) => metric(k, t.w.T, 2026)),
    );
    expect([boards.value, good.value, weak.value, funded.value, violations.value]).toEqual([1, 1, 0, 1, 2]);
    const lower = await call(staff, 'POST', `/api/oversight/boards/${b.id}/years`, { ...rate, rating: 'weak', fundingVnd: 1_000_000 });
    expect(lower.statusCode).toBe(200);
    expect([
      (await metric('inspection.boards_good', t.w.T, 2026)).value,
      (await metric('inspection.boards_weak', t.w.T, 2026)).value,
      (await metric('inspection.boards_funded', t.w.T, 2026)).value,
    ]).toEqual([0, 1, 0]);
  });
});

describe("a board's page", () => {
  it('lists its supervisions with the violations found, its reports, and records their remedy later', async () => {
    const staff = await sessionAs(t.db, 'unit_staff', t.w.T);
    const b = (
      await call(staff, 'POST', '/api/oversight/boards', {
        unitId: t.w.T,
        kind: 'gsdtccd',
        name: 'Ban GSĐTCCĐ',
        project: 'Rãnh thoát nước',
        termLabel: '2026',
        electedOn: '2026-03-01',
        members: members(5),
      })
    ).json();
    const inspector = await sessionAs(t.db, 'inspection_member', t.w.T);
    await call(inspector, 'POST', `/api/oversight/boards/${b.id}/supervisions`, { heldOn: '2026-04-02', subject: 'Khối lượng đào đắp', violations: 0 });
    const sup = await call(inspector, 'POST', `/api/oversight/boards/${b.id}/supervisions`, {
      heldOn: '2026-06-12',
      subject: 'Chất lượng bê tông',
      findings: 'Mác bê tông thấp',
      violations: 1,
    });
    expect(sup.statusCode, sup.body).toBe(200);
    await call(inspector, 'POST', `/api/oversight/boards/${b.id}/reports`, { year: 2026, quarter: 2, filedOn: '2026-06-30', summary: 'Báo cáo quý II' });
    const page = (await call(inspector, 'GET', `/api/oversight/boards/${b.id}`)).json();
    expect(page.supervisionList.map((x: { subject: string; violations: number; remedied: boolean }) => [x.subject, x.violations, x.remedied])).toEqual([
      ['Chất lượng bê tông', 1, false],
      ['Khối lượng đào đắp', 0, false],
    ]);
    expect(page.reports).toEqual([expect.objectContaining({ year: 2026, quarter: 2, filedOn: '2026-06-30', summary: 'Báo cáo quý II' })]);
    const sid = page.supervisionList[0].id;

    // Refused: a village head (no inspection.write), an empty remedy; nothing is written.
    const village = await sessionAs(t.db, 'village_head', t.w.T);
    expect((await call(village, 'POST', `/api/oversight/board-supervisions/${sid}/remedy`, { remedy: 'Đã làm lại', remedied: true })).json().error.code).toBe('FORBIDDEN');
    expect((await call(inspector, 'POST', `/api/oversight/board-supervisions/${sid}/remedy`, { remedy: '   ', remedied: true })).json().error.code).toBe('VALIDATION');
    expect(await t.db.query('select remedy, remedied from inspection_supervisions where id = $1', [sid])).toEqual([{ remedy: '', remedied: false }]);
    const fixed = await call(inspector, 'POST', `/api/oversight/board-supervisions/${sid}/remedy`, { remedy: 'Nhà thầu đã đập bỏ, đổ lại', remedied: true });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().supervisionList[0]).toMatchObject({ remedy: 'Nhà thầu đã đập bỏ, đổ lại', remedied: true });
    const [a] = await t.db.query<{ action: string }>(`select action from audit_log where entity = 'inspection_board' and entity_id = $1 order by id desc limit 1`, [String(b.id)]);
    expect(a.action).toBe('remedy');
  });

  it('keeps one Ban TTND per ward at a time: a new election ends the sitting term, an earlier one is refused', async () => {
    const staff = await sessionAs(t.db, 'unit_staff', t.w.T);
    const base = { unitId: t.w.T, kind: 'ttnd', name: 'Ban Thanh tra nhân dân', members: members(5) };
    const first = await call(staff, 'POST', '/api/oversight/boards', { ...base, termLabel: '2025–2026', electedOn: '2025-08-01' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await call(staff, 'POST', '/api/oversight/boards', { ...base, termLabel: '2026–2030', electedOn: '2026-03-15' });
    expect(second.statusCode, second.body).toBe(200);
    expect((await call(staff, 'GET', `/api/oversight/boards/${first.json().id}`)).json().validTo).toBe('2026-03-15');
    const earlier = await call(staff, 'POST', '/api/oversight/boards', { ...base, termLabel: 'x', electedOn: '2025-12-01' });
    expect(earlier.json().error.code).toBe('BOARD_EXISTS');
    expect((await t.db.query(`select 1 from inspection_boards where unit_id = $1 and kind = 'ttnd'`, [t.w.T])).length).toBe(2);
  });
});

describe('opinions', () => {
  it('count drafts, opinions and conferences by unit and period', async () => {
    const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
    const res = await call(staff, 'POST', '/api/oversight/opinions', {
      unitId: t.w.S,
      heldOn: '2026-04-10',
      form: 'conference',
      topic: 'drafts',
      title: 'Hội nghị góp ý dự thảo',
      participants: 40,
      drafts: [
        { title: 'Dự thảo Luật Đất đai', docKind: 'law', opinions: 12 },
        { title: 'Dự thảo Nghị quyết', docKind: 'province', opinions: 5 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await metric('opinions.drafts', t.w.S, 2026)).byDim).toEqual({ law: 1, province: 1 });
    expect((await metric('opinions.draft_opinions', t.w.S, 2026)).value).toBe(17);
    expect((await metric('opinions.conferences', t.w.S, 2026)).value).toBe(1);
    const empty = await call(staff, 'POST', '/api/oversight/opinions', { unitId: t.w.S, heldOn: '2026-04-10', form: 'conference', topic: 'drafts', title: 'X', drafts: [] });
    expect(empty.json().error.code).toBe('OVERSIGHT_EMPTY_TEXT');
    const village = await sessionAs(t.db, 'village_head', t.w.A1);
    expect(
      (
        await call(village, 'POST', '/api/oversight/opinions', { unitId: t.w.A1, heldOn: '2026-04-10', form: 'written', topic: 'officials', title: 'Góp ý', officialsOpinions: 3 })
      ).json().error.code,
    ).toBe('FORBIDDEN');
  });
});
