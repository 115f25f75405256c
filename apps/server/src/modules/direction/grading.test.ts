import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../metrics-index';
import type { RootDb } from '../../db/db';
import { testDb } from '../../test/db';
import { makeWorld, sessionAs, type TestSession, type World } from '../../test/factories';
import type { Ctx } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { computeMetric, getMetric } from '../../platform/metrics';
import { decideGrading, listGradings, proposeFrom, proposeGrading } from './grading-service';
import {
  addAttendances,
  completeElectionTask,
  listCourses,
  createCommendation,
  createCourse,
  createElectionTask,
  createKeyTask,
  createProgramme,
  createStaff,
  listCommendations,
  reviewProgramme,
  updateKeyTask,
} from './work-service';

let db: RootDb;
let w: World;
let staffS: TestSession;
let bttS: TestSession;
let bttP: TestSession;
const ctx = (s: TestSession): Ctx => ({ db, user: s.user });
const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'ok';
};
const metric = async (key: string, unit: number, year = 2026, dim?: string) => {
  const row = (await computeMetric(db, getMetric(key), { unitIds: [unit], from: `${year}-01-01`, to: `${year}-12-31`, view: 'then' })).get(unit)!;
  return dim ? (row.byDim[dim] ?? 0) : row.value;
};

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  staffS = await sessionAs(db, 'unit_staff', w.S);
  bttS = await sessionAs(db, 'standing_committee', w.S);
  bttP = await sessionAs(db, 'standing_committee', w.P);
  // The ward's year 2026: 4 key tasks (3 completed), 2 staff (1 trained), 4 election tasks (all done).
  for (const [i, title] of ['Bầu cử 2026', 'Ngày hội Đại đoàn kết', 'Quỹ Vì người nghèo', 'Chuyển đổi số'].entries()) {
    const k = await createKeyTask(ctx(staffS), { unitId: w.S, year: 2026, title, registeredOn: '2026-01-20' });
    if (i < 3) await updateKeyTask(ctx(staffS), k.id, { progress: 100, completedOn: '2026-11-30', evidence: 'Báo cáo kết quả' });
  }
  const a = await createStaff(ctx(staffS), { unitId: w.S, personName: 'Nguyễn Thị Lan', position: 'Phó Chủ tịch', validFrom: '2025-07-01' });
  await createStaff(ctx(staffS), { unitId: w.S, personName: 'Trần Văn Minh', position: 'Cán bộ', validFrom: '2025-07-01' });
  const course = await createCourse(ctx(staffS), { unitId: w.S, title: 'Tập huấn nghiệp vụ công tác Mặt trận', startsOn: '2026-04-10', endsOn: '2026-04-11', audience: '' });
  await addAttendances(ctx(staffS), course.id, {
    attendees: [
      { unitId: w.S, personName: 'Nguyễn Thị Lan', staffId: a.id },
      { unitId: w.A1, personName: 'Lê Văn Hùng' },
    ],
  });
  for (const [kind, due] of [
    ['consultation', '2026-01-20'],
    ['consultation', '2026-02-10'],
    ['voter_list', '2026-02-20'],
    ['supervision', '2026-03-15'],
  ] as const) {
    const t = await createElectionTask(ctx(staffS), { unitId: w.S, campaign: 'elections_2026', kind, title: `Việc ${kind} ${due}`, dueOn: due });
    await completeElectionTask(ctx(staffS), t.id, { doneOn: due, evidence: 'Biên bản' });
  }
});
afterAll(async () => db?.close());

describe('the year of a ward in metrics (targets 12, 15a, 16)', () => {
  it('key tasks by level, election tasks, staff trained', async () => {
    expect(await metric('org.key_tasks', w.S, 2026, 'commune')).toBe(4);
    expect(await metric('org.key_tasks_completed', w.S, 2026, 'commune')).toBe(3);
    expect(await metric('org.key_tasks', w.P, 2026, 'province')).toBe(0);
    expect(await metric('elections.tasks_due', w.S)).toBe(4);
    expect(await metric('elections.tasks_done', w.S)).toBe(4);
    expect(await metric('training.staff', w.S)).toBe(2);
    expect(await metric('training.staff_trained', w.S)).toBe(1);
    expect(await metric('training.attendances', w.S)).toBe(2);
    expect(await metric('training.attendances_by_attendee', w.A1, 2026, 'commune')).toBe(1);
    expect(await metric('training.staff_trained', w.S, 2025)).toBe(0);
  });

  it('the province lists the courses held below it, with their attendance', async () => {
    const courses = await listCourses(ctx(bttP), w.P);
    expect(courses.map((c) => [c.title, c.unitId, c.attendances])).toEqual([['Tập huấn nghiệp vụ công tác Mặt trận', w.S, 2]]);
  });
});

describe('annual grading', () => {
  it('proposes from the averaged rates', () => {
    const e = (rate: number | null) => ({ key: 'x', label: { vi: '', en: '' }, numerator: 0, denominator: 0, rate });
    expect(proposeFrom([e(100), e(90)])).toBe('excellent');
    expect(proposeFrom([e(100), e(60)])).toBe('good');
    expect(proposeFrom([e(50), e(50)])).toBe('complete');
    expect(proposeFrom([e(40), e(null)])).toBe('weak');
    expect(proposeFrom([e(null)])).toBe(null);
  });

  it("proposes a grade from the year's metrics with the evidence shown", async () => {
    const g = await proposeGrading(ctx(bttP), { unitId: w.S, year: 2026 });
    const byKey = Object.fromEntries(g.evidence.map((e) => [e.key, [e.numerator, e.denominator]]));
    expect(byKey.key_tasks).toEqual([3, 4]);
    expect(byKey.elections).toEqual([4, 4]);
    expect(byKey.training).toEqual([1, 2]);
    // (75 + 100 + 50) / 3 = 75 → hoàn thành; no obligations and no situation reports were due.
    expect(g.evidence.find((e) => e.key === 'obligations')!.rate).toBe(null);
    expect(g.proposedGrade).toBe('complete');
    expect(g.grade).toBe(null);
  });

  it('a change from the proposal needs a reason; who decided and why is on the record and in the audit trail', async () => {
    const [g] = await listGradings(ctx(bttP), w.S, 2026);
    // Other test files write to the run's shared server database at the same time: count this grading's rows only.
    const audited = async () => (await db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'grading' and entity_id = $1`, [String(g.id)]))[0].n;
    const before = await audited();
    expect(await code(decideGrading(ctx(bttP), g.id, { grade: 'good' }))).toBe('GRADING_REASON_REQUIRED');
    expect(await audited()).toBe(before);
    expect((await listGradings(ctx(bttP), w.S, 2026))[0].grade).toBe(null);
    const d = await decideGrading(ctx(bttP), g.id, { grade: 'good', reason: 'Hoàn thành xuất sắc công tác bầu cử 2026' });
    expect([d.proposedGrade, d.grade, d.reason, d.decidedBy]).toEqual(['complete', 'good', 'Hoàn thành xuất sắc công tác bầu cử 2026', bttP.user.username]);
    const [a] = await db.query<{ actor_name: string; before: { proposedGrade: string }; after: { grade: string; reason: string } }>(
      `select actor_name, before, after from audit_log where entity = 'grading' and entity_id = $1 and action = 'decide'`,
      [String(g.id)],
    );
    expect(a).toMatchObject({
      actor_name: bttP.user.username,
      before: { proposedGrade: 'complete' },
      after: { grade: 'good', reason: 'Hoàn thành xuất sắc công tác bầu cử 2026' },
    });
    expect(await metric('grading.good_or_better', w.S, 2026, 'commune')).toBe(1);
    expect(await metric('grading.graded', w.P, 2026, 'commune')).toBe(1);
    expect(await code(proposeGrading(ctx(bttP), { unitId: w.S, year: 2026 }))).toBe('GRADING_ALREADY_DECIDED');
  });

  it('a committee cannot grade itself; staff cannot grade; a grade without proposal needs a reason', async () => {
    expect(await code(proposeGrading(ctx(bttS), { unitId: w.S, year: 2026 }))).toBe('DIRECTION_NOT_BELOW');
    expect(await code(proposeGrading(ctx(staffS), { unitId: w.A1, year: 2026 }))).toBe('FORBIDDEN');
    const v = await proposeGrading(ctx(bttS), { unitId: w.A1, year: 2026 });
    expect(v.proposedGrade).toBe(null);
    expect(await code(decideGrading(ctx(bttS), v.id, { grade: 'good' }))).toBe('GRADING_REASON_REQUIRED');
    expect((await decideGrading(ctx(bttS), v.id, { grade: 'good', reason: 'Theo kết quả bình xét của khu dân cư' })).grade).toBe('good');
    expect(await metric('grading.good_or_better', w.S, 2026, 'village')).toBe(1);
  });
});

describe('commendations and coordination programmes', () => {
  it('one registry that other modules link to by (module, id)', async () => {
    const c = await createCommendation(ctx(staffS), {
      unitId: w.A1,
      recipientKind: 'collective',
      recipientName: 'Khu dân cư Tổ dân phố số 1',
      awardedBy: 'UBND tỉnh',
      level: 'province',
      reason: 'Tổ chức tốt Ngày hội Đại đoàn kết',
      awardedOn: '2026-11-18',
      source: { module: 'movements', id: 'festival:42' },
    });
    expect([c.sourceModule, c.sourceId]).toEqual(['movements', 'festival:42']);
    const linked = await listCommendations(ctx(bttP), { unit: w.P, sourceModule: 'movements', sourceId: 'festival:42' });
    expect(linked.map((x) => x.id)).toEqual([c.id]);
    expect(await metric('awards.commendations_higher', w.S, 2026, 'collective')).toBe(1);
    expect(await code(createCommendation(ctx(staffS), { ...c, unitId: w.T, decisionNo: undefined, source: undefined }))).toBe('OUT_OF_SCOPE');
  });

  it('a programme and its yearly review, once a year', async () => {
    const p = await createProgramme(ctx(staffS), {
      unitId: w.S,
      partner: 'Công an phường',
      partnerKind: 'agency',
      title: 'Phối hợp bảo đảm an ninh trật tự',
      signedOn: '2026-02-01',
    });
    const r = await reviewProgramme(ctx(staffS), p.id, { year: 2026, reviewedOn: '2026-11-25', result: 'Hoàn thành tốt' });
    expect(r.reviews).toEqual([{ year: 2026, reviewedOn: '2026-11-25', result: 'Hoàn thành tốt' }]);
    expect(await code(reviewProgramme(ctx(staffS), p.id, { year: 2026, reviewedOn: '2026-11-26', result: 'Lần hai' }))).toBe('CONFLICT');
    expect(await metric('direction.coordination_programmes', w.S)).toBe(1);
  });
});
