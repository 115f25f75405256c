import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import { testDb, countRows } from '../../test/db';
import { insertUnit, sessionAs, type TestSession } from '../../test/factories';
import { today, type Ctx } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { acknowledge, answerObligation, createDirective, duties, getDirective, remind } from './directive-service';
import { openTasksOf } from './queries';
import { addDays } from './testing';

let db: RootDb;
let province: number;
let other: number;
const wards: number[] = [];
let village: number;
let btt: TestSession;
const ctx = (s: TestSession): Ctx => ({ db, user: s.user });

const T = today();
const ISSUED = addDays(T, -30);
const DUE = addDays(T, -10);

beforeAll(async () => {
  db = await testDb();
  province = await insertUnit(db, { name: 'Tỉnh Chín Mươi Chín', level: 'province', validFrom: '2025-07-01' });
  other = await insertUnit(db, { name: 'Tỉnh Bên Cạnh', level: 'province', validFrom: '2025-07-01' });
  for (let i = 1; i <= 99; i++) {
    wards.push(await insertUnit(db, { name: `Phường Số ${String(i).padStart(2, '0')}`, level: 'commune', parents: [[province, '2025-07-01']], validFrom: '2025-07-01' }));
  }
  village = await insertUnit(db, { name: 'Tổ dân phố 1', level: 'village', parents: [[wards[0], '2025-07-01']], validFrom: '2025-07-01' });
  await db.query('select refresh_unit_closure()');
  btt = await sessionAs(db, 'standing_committee', province);
});
afterAll(async () => db?.close());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('a directive of the province to its 99 wards', () => {
  let directiveId: number;
  let obligationId: number;
  const late = new Set<number>();
  const silent = new Set<number>();

  it('goes to every ward below the province on the day of issue (not to its villages)', async () => {
    const d = await createDirective(ctx(btt), {
      unitId: province,
      kind: 'directive',
      number: '15/CV-MTTQ',
      issuedOn: ISSUED,
      title: 'Báo cáo kết quả Ngày hội Đại đoàn kết 2026',
      summary: 'Các phường, xã báo cáo kết quả tổ chức Ngày hội.',
      files: [],
      recipientLevels: ['commune'],
      obligations: [{ kind: 'report', what: 'Báo cáo kết quả bằng văn bản, kèm số liệu', dueOn: DUE }],
    });
    expect(d.recipients).toBe(99);
    directiveId = d.id;
    obligationId = d.obligations[0].id;
  });

  it('each ward answers for itself: 60 on time, 15 late, 24 not at all', async () => {
    for (const [i, w] of wards.entries()) {
      if (i >= 75) {
        silent.add(w);
        continue;
      }
      const s = await sessionAs(db, 'unit_staff', w);
      const isLate = i >= 60;
      if (isLate) late.add(w);
      await answerObligation(ctx(s), obligationId, {
        unitId: w,
        text: 'Đã tổ chức Ngày hội tại 100% khu dân cư.',
        figures: { 'Số khu dân cư tổ chức': 7 },
        files: [],
        answeredOn: isLate ? addDays(DUE, 3) : addDays(DUE, -2),
      });
    }
  });

  it('at the province shows exactly the wards that have not answered by the deadline, and those late', async () => {
    const notAnswered = await duties(ctx(btt), { unit: province, directive: directiveId, status: 'not_answered', limit: 500 }, T);
    expect(new Set(notAnswered.rows.map((r) => r.unitId))).toEqual(silent);
    expect(notAnswered.rows.every((r) => r.dueOn === DUE && r.answeredOn === null)).toBe(true);
    const all = await duties(ctx(btt), { unit: province, directive: directiveId, limit: 500 }, T);
    expect(all.summary).toEqual({ onTime: 60, late: 15, notAnswered: 24, pending: 0 });
    expect(new Set(all.rows.filter((r) => r.status === 'late').map((r) => r.unitId))).toEqual(late);
    // The day before the deadline nobody was overdue yet: the same rule as the situation reports.
    const before = await duties(ctx(btt), { unit: province, directive: directiveId, limit: 500 }, addDays(DUE, -1));
    expect(before.summary.notAnswered).toBe(0);
  });

  it('a ward sees only its own obligations, and reads the directive it received', async () => {
    const w = [...silent][0];
    const s = await sessionAs(db, 'unit_staff', w);
    const own = await duties(ctx(s), { unit: w, own: true, limit: 500 }, T);
    expect(own.rows.map((r) => [r.unitId, r.status, r.issuerName])).toEqual([[w, 'not_answered', 'Tỉnh Chín Mươi Chín']]);
    const sub = await duties(ctx(s), { unit: w, limit: 500 }, T);
    expect(sub.rows.every((r) => r.unitId === w)).toBe(true);
    expect(await code(duties(ctx(s), { unit: province, limit: 500 }, T))).toBe('OUT_OF_SCOPE');
    expect(await code(duties(ctx(s), { unit: wards.find((x) => x !== w)!, own: true, limit: 500 }, T))).toBe('OUT_OF_SCOPE');
    expect((await getDirective(ctx(s), directiveId)).number).toBe('15/CV-MTTQ');
    const stranger = await sessionAs(db, 'unit_staff', other);
    expect(await code(getDirective(ctx(stranger), directiveId))).toBe('OUT_OF_SCOPE');
  });

  it('its open obligation is among the tasks for the next period until answered', async () => {
    const w = [...silent][1];
    const open = await openTasksOf(db, w, addDays(T, -60), T);
    expect(open.map((o) => [o.source, o.id])).toEqual([['directive', obligationId]]);
    expect(await openTasksOf(db, wards[0], addDays(T, -60), T)).toEqual([]);
  });

  it('refuses: a second answer, an answer for another ward, an empty answer, a recipient that is not below; nothing written', async () => {
    const answers = await countRows(db, 'directive_answers');
    const s0 = await sessionAs(db, 'unit_staff', wards[0]);
    const base = { text: 'Trả lời', figures: {}, files: [] };
    expect(await code(answerObligation(ctx(s0), obligationId, { ...base, unitId: wards[0] }))).toBe('DIRECTIVE_ALREADY_ANSWERED');
    expect(await code(answerObligation(ctx(s0), obligationId, { ...base, unitId: [...silent][2] }))).toBe('OUT_OF_SCOPE');
    expect(await code(answerObligation(ctx(s0), obligationId, { ...base, unitId: village }))).toBe('DIRECTIVE_NOT_RECIPIENT');
    const s1 = await sessionAs(db, 'unit_staff', [...silent][3]);
    expect(await code(answerObligation(ctx(s1), obligationId, { text: '  ', figures: {}, files: [], unitId: [...silent][3] }))).toBe('DIRECTIVE_ANSWER_EMPTY');
    expect(await code(answerObligation(ctx(s1), obligationId, { ...base, unitId: [...silent][3], answeredOn: addDays(ISSUED, -1) }))).toBe('DIRECTION_DATE_INVALID');
    expect(await countRows(db, 'directive_answers')).toBe(answers);
    const directives = await countRows(db, 'directives');
    const input = {
      unitId: province,
      kind: 'request' as const,
      number: '16/CV-MTTQ',
      issuedOn: ISSUED,
      title: 'Đề nghị',
      summary: '',
      files: [],
      obligations: [{ kind: 'figure' as const, what: 'Số liệu', dueOn: DUE }],
    };
    expect(await code(createDirective(ctx(btt), { ...input, recipientIds: [wards[1], other] }))).toBe('DIRECTIVE_RECIPIENT_NOT_BELOW');
    expect(await code(createDirective(ctx(btt), { ...input, recipientIds: [] }))).toBe('DIRECTIVE_NO_RECIPIENTS');
    expect(await code(createDirective(ctx(btt), { ...input, recipientIds: [wards[1]], obligations: [{ kind: 'figure', what: 'x', dueOn: addDays(ISSUED, -1) }] }))).toBe(
      'DIRECTIVE_DUE_BEFORE_ISSUE',
    );
    expect(await code(createDirective(ctx(btt), { ...input, number: '15/CV-MTTQ', recipientIds: [wards[1]] }))).toBe('DIRECTIVE_NUMBER_TAKEN');
    // A ward's staff cannot issue; a ward's standing committee cannot issue for the province.
    expect(await code(createDirective(ctx(s0), { ...input, unitId: wards[0], recipientIds: [village] }))).toBe('FORBIDDEN');
    const bttWard = await sessionAs(db, 'standing_committee', wards[0]);
    expect(await code(createDirective(ctx(bttWard), { ...input, recipientIds: [wards[1]] }))).toBe('OUT_OF_SCOPE');
    expect(await countRows(db, 'directives')).toBe(directives);
  });

  it('a ward may send its own directive to its villages; the province sees those duties too', async () => {
    const bttWard = await sessionAs(db, 'standing_committee', wards[0]);
    const d = await createDirective(ctx(bttWard), {
      unitId: wards[0],
      kind: 'guidance',
      number: '03/HD-MTTQ',
      issuedOn: ISSUED,
      title: 'Hướng dẫn tổ chức bữa cơm đoàn kết',
      summary: '',
      files: [],
      recipientIds: [village],
      obligations: [{ kind: 'action', what: 'Tổ chức bữa cơm đoàn kết', dueOn: DUE }],
    });
    const atProvince = await duties(ctx(btt), { unit: province, directive: d.id, limit: 10 }, T);
    expect(atProvince.rows.map((r) => [r.unitId, r.level, r.status])).toEqual([[village, 'village', 'not_answered']]);
  });

  it('acknowledgement and reminders are recorded once, audited', async () => {
    const w = [...silent][4];
    const s = await sessionAs(db, 'unit_staff', w);
    const first = await acknowledge(ctx(s), directiveId, w);
    expect((await acknowledge(ctx(s), directiveId, w)).acknowledgedOn).toBe(first.acknowledgedOn);
    const r = await remind(ctx(btt), directiveId, T);
    expect(r.reminded).toBe(24);
    const [a] = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'directive' and entity_id = $1 and action = 'remind'`, [
      String(directiveId),
    ]);
    expect(a.n).toBe(1);
    expect(await code(remind(ctx(s), directiveId, T))).toBe('FORBIDDEN');
  });
});
