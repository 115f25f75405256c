import type { directionEndpoints } from '@contract/endpoints/direction';
import type { Sample, SampleCtx } from '../../test/matrix';

/** One valid request per direction endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

let n = 0;
const uniq = () => `${++n}-${Date.now().toString(36)}`;
const yearOf = (c: SampleCtx) => Number(c.date.slice(0, 4));
const id = async (c: SampleCtx, sql: string, params: unknown[]) => (await c.db.query<{ id: number }>(sql, params))[0].id;

/** A directive issued by the target unit on the sample's day, to itself, with one obligation due that day. */
const directiveAt = async (c: SampleCtx) => {
  const d = await id(c, `insert into directives (unit_id, kind, number, issued_on, title) values ($1, 'request', $2, $3, 'Đề nghị báo cáo') returning id`, [
    c.unit,
    `CV-${uniq()}`,
    c.date,
  ]);
  await c.db.query('insert into directive_recipients (directive_id, unit_id) values ($1, $2)', [d, c.unit]);
  const o = await id(c, `insert into directive_obligations (directive_id, kind, what, due_on) values ($1, 'report', 'Báo cáo kết quả', $2) returning id`, [d, c.date]);
  return { directive: d, obligation: o };
};
/** A unit strictly below the target on the sample's day (a village has none: the rule answers 409). */
const below = async (c: SampleCtx) =>
  (
    await c.db.query<{ id: number }>(
      `select descendant_id as id from unit_closure where ancestor_id = $1 and depth > 0 and valid_from <= $2::date and $2::date < valid_to order by 1 limit 1`,
      [c.unit, c.date],
    )
  )[0]?.id;
/** Only a higher committee grades: its own unit and its predecessors are not strictly below a ward's officer (409). */
const grader = (c: SampleCtx) => (c.target === 'child' ? undefined : [409]);

export const directionSamples: { [K in keyof typeof directionEndpoints]: Sample } = {
  // A village has no villages below it: the rule answers 400.
  'POST /api/directives': (c) => ({
    body: {
      unitId: c.unit,
      kind: 'directive',
      number: `CT-${uniq()}`,
      issuedOn: c.date,
      title: 'Chỉ đạo tổ chức Ngày hội',
      recipientLevels: ['village'],
      obligations: [{ kind: 'report', what: 'Báo cáo kết quả', dueOn: c.date }],
    },
    ok: c.target === 'child' ? [400] : undefined,
  }),
  'GET /api/directives': (c) => ({ query: { unit: c.unit } }),
  'GET /api/directives/:id': async (c) => ({ params: { id: (await directiveAt(c)).directive } }),
  'POST /api/directives/:id/acknowledge': async (c) => ({ params: { id: (await directiveAt(c)).directive }, body: { unitId: c.unit } }),
  'POST /api/directives/:id/remind': async (c) => ({ params: { id: (await directiveAt(c)).directive } }),
  'POST /api/directive-obligations/:id/answer': async (c) => ({
    params: { id: (await directiveAt(c)).obligation },
    body: { unitId: c.unit, text: 'Đã thực hiện', answeredOn: c.date },
  }),
  'GET /api/direction/duties': (c) => ({ query: { unit: c.unit } }),
  'GET /api/direction/inbox': (c) => ({ query: { unit: c.unit } }),
  'POST /api/inspections': async (c) => {
    const inspected = await below(c);
    return { body: { unitId: c.unit, inspectedUnitId: inspected ?? c.unit, heldOn: c.date, topic: 'Kiểm tra công tác', conclusions: 'Đạt' }, ok: inspected ? undefined : [409] };
  },
  'GET /api/inspections': (c) => ({ query: { unit: c.unit } }),

  'POST /api/key-tasks': (c) => ({ body: { unitId: c.unit, year: yearOf(c), title: `Nhiệm vụ trọng tâm ${uniq()}`, registeredOn: c.date } }),
  'PATCH /api/key-tasks/:id': async (c) => ({
    params: { id: await id(c, `insert into key_tasks (unit_id, year, title, registered_on) values ($1, $2, 'Nhiệm vụ trọng tâm', $3) returning id`, [c.unit, yearOf(c), c.date]) },
    body: { progress: 50 },
  }),
  'GET /api/key-tasks': (c) => ({ query: { unit: c.unit, year: yearOf(c) } }),
  'POST /api/election-tasks': (c) => ({ body: { unitId: c.unit, campaign: 'elections_2026', kind: 'conference', title: 'Hội nghị hiệp thương', dueOn: c.date } }),
  'POST /api/election-tasks/:id/done': async (c) => ({
    params: {
      id: await id(c, `insert into election_tasks (unit_id, campaign, kind, title, due_on) values ($1, 'elections_2026', 'voter_list', 'Danh sách cử tri', $2) returning id`, [
        c.unit,
        c.date,
      ]),
    },
    body: { doneOn: c.date, evidence: 'Biên bản' },
  }),
  'GET /api/election-tasks': (c) => ({ query: { unit: c.unit } }),
  'POST /api/election-results': (c) => ({ body: { unitId: c.unit, kind: 'village_head', heldOn: c.date, voters: 100, voted: 99, candidates: 2, elected: 1 } }),
  'GET /api/election-results': (c) => ({ query: { unit: c.unit } }),

  'POST /api/front-staff': (c) => ({ body: { unitId: c.unit, personName: 'Nguyễn Thị Hoa', position: 'Phó Chủ tịch', validFrom: c.date } }),
  'GET /api/front-staff': (c) => ({ query: { unit: c.unit } }),
  'POST /api/training/courses': (c) => ({ body: { unitId: c.unit, title: 'Tập huấn nghiệp vụ', startsOn: c.date, endsOn: c.date } }),
  'GET /api/training/courses': (c) => ({ query: { unit: c.unit } }),
  'POST /api/training/courses/:id/attendances': async (c) => ({
    params: { id: await id(c, `insert into training_courses (unit_id, title, starts_on, ends_on) values ($1, 'Tập huấn', $2, $2) returning id`, [c.unit, c.date]) },
    body: { attendees: [{ unitId: c.unit, personName: 'Trần Văn Bình' }] },
  }),

  'POST /api/gradings/propose': async (c) => {
    await c.db.query('update gradings set grade = null, reason = null, decided_by = null, decided_on = null where unit_id = $1 and year = $2', [c.unit, yearOf(c)]);
    return { body: { unitId: c.unit, year: yearOf(c) }, ok: grader(c) };
  },
  'POST /api/gradings/:id/decide': async (c) => ({
    params: {
      id: await id(
        c,
        `insert into gradings (unit_id, year, proposed_grade) values ($1, $2, 'good')
      on conflict (unit_id, year) do update set proposed_grade = 'good', grade = null, reason = null, decided_by = null, decided_on = null returning id`,
        [c.unit, yearOf(c)],
      ),
    },
    body: { grade: 'good' },
    ok: grader(c),
  }),
  'GET /api/gradings': (c) => ({ query: { unit: c.unit, year: yearOf(c) } }),

  'POST /api/commendations': (c) => ({
    body: { unitId: c.unit, recipientKind: 'person', recipientName: 'Nguyễn Văn An', awardedBy: 'UBND tỉnh', level: 'province', reason: 'Thành tích xuất sắc', awardedOn: c.date },
  }),
  'GET /api/commendations': (c) => ({ query: { unit: c.unit } }),
  'POST /api/coordination-programmes': (c) => ({
    body: { unitId: c.unit, partner: 'Hội Nông dân', partnerKind: 'member_org', title: 'Chương trình phối hợp', signedOn: c.date },
  }),
  'POST /api/coordination-programmes/:id/reviews': async (c) => ({
    params: {
      id: await id(c, `insert into coordination_programmes (unit_id, partner, partner_kind, title, signed_on) values ($1, 'Công an', 'agency', 'Phối hợp', $2) returning id`, [
        c.unit,
        c.date,
      ]),
    },
    body: { year: yearOf(c), reviewedOn: c.date, result: 'Hoàn thành tốt' },
  }),
  'GET /api/coordination-programmes': (c) => ({ query: { unit: c.unit } }),
};
