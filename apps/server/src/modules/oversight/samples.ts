import type { oversightEndpoints } from '@contract/endpoints/oversight';
import type { Db } from '../../db/db';
import type { Sample, SampleCtx } from '../../test/matrix';
import { sealParties } from './parties';

/** One valid request per oversight endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

let n = 0;
const uniq = () => `${++n}-${Date.now().toString(36)}`;
const back = (date: string, days: number) => new Date(Date.parse(date) - days * 86400_000).toISOString().slice(0, 10);
const level = async (db: Db, unit: number) => (await db.query<{ level: string }>('select level from units where id = $1', [unit]))[0].level;
const id = async (db: Db, sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0].id;

const activityAt = (c: SampleCtx) =>
  id(
    c.db,
    `insert into oversight_activities (unit_id, kind, form, title, subject_kind, subject, started_on) values ($1, 'supervision', 'direct', $2, 'agency', 'UBND', $3) returning id`,
    [c.unit, `Giám sát ${uniq()}`, c.date],
  );
const recommendationAt = async (c: SampleCtx) =>
  id(
    c.db,
    `insert into oversight_recommendations (activity_id, unit_id, made_on, content, agency, due_on, open_due_on) values ($1, $2, $3, 'Kiến nghị', 'UBND', $3, $3) returning id`,
    [await activityAt(c), c.unit, c.date],
  );
const boardAt = (c: SampleCtx) =>
  id(c.db, `insert into inspection_boards (unit_id, kind, name, term_label, elected_on, valid_from, valid_to) values ($1, 'ttnd', 'Ban TTND', 'x', $2, $2, $3) returning id`, [
    c.unit,
    back(c.date, 60),
    c.target === 'predecessor' ? '2025-07-01' : 'infinity',
  ]);
const teamAt = (c: SampleCtx) => id(c.db, `insert into mediation_teams (unit_id, name, valid_from) values ($1, 'Tổ hòa giải', '2019-01-01') returning id`, [c.unit]);
const caseAt = async (c: SampleCtx) => {
  const sealed = sealParties([{ name: 'Nguyễn Văn An' }, { name: 'Trần Thị Bình' }]);
  return id(c.db, `insert into mediation_cases (team_id, unit_id, received_on, kind, parties_enc, parties_masked) values ($1, $2, $3, 'land', $4, $5) returning id`, [
    await teamAt(c),
    c.unit,
    c.date,
    sealed.enc,
    sealed.masked,
  ]);
};
const planAt = async (c: SampleCtx) =>
  id(c.db, `insert into oversight_plans (unit_id, year) values ($1, $2) on conflict (unit_id, year) do update set status = 'draft' returning id`, [
    c.unit,
    Number(c.date.slice(0, 4)),
  ]).then(async (pid) => {
    await c.db.query(
      `insert into oversight_plan_topics (plan_id, kind, title, subject_kind, subject, form, quarter) values ($1, 'supervision', 'Giám sát', 'agency', 'UBND', 'direct', 1)`,
      [pid],
    );
    return pid;
  });
const supervision = (c: SampleCtx) => ({
  unitId: c.unit,
  kind: 'supervision',
  form: 'direct',
  title: `Giám sát ${uniq()}`,
  subjectKind: 'agency',
  subject: 'UBND',
  startedOn: c.date,
});
const members = Array.from({ length: 5 }, (_, i) => ({ fullName: `Nguyễn Văn Thành ${i + 1}` }));

export const oversightSamples: { [K in keyof typeof oversightEndpoints]: Sample } = {
  'GET /api/public/supervisions/:code': async (c) => {
    const [{ code }] = await c.db.query<{ code: string }>('select code from units where id = $1', [c.w.S]);
    return { params: { code } };
  },
  'GET /api/oversight/plans': (c) => ({ query: { unit: c.unit, year: Number(c.date.slice(0, 4)) } }),
  // A second save of the same year replaces the draft; an approved one answers 409.
  'POST /api/oversight/plans': (c) => ({ body: { unitId: c.unit, year: 2100 - (n++ % 50), topics: [] }, ok: [409] }),
  'POST /api/oversight/plans/:id/approve': async (c) => ({ params: { id: await planAt(c) }, body: {} }),
  'GET /api/oversight/activities': (c) => ({ query: { unit: c.unit } }),
  'POST /api/oversight/activities': (c) => ({ body: supervision(c) }),
  'GET /api/oversight/activities/:id': async (c) => ({ params: { id: await activityAt(c) } }),
  'POST /api/oversight/activities/:id/complete': async (c) => ({ params: { id: await activityAt(c) }, body: { endedOn: c.date, conclusion: 'Kết luận' } }),
  'POST /api/oversight/activities/:id/recommendations': async (c) => ({
    params: { id: await activityAt(c) },
    body: { madeOn: c.date, recommendations: [{ content: 'Kiến nghị', agency: 'UBND', dueOn: c.date }] },
  }),
  'GET /api/oversight/recommendations': (c) => ({ query: { unit: c.unit, overdue: 1 } }),
  'POST /api/oversight/recommendations/:id/follow': async (c) => ({ params: { id: await recommendationAt(c) }, body: { status: 'accepted', date: c.date } }),
  'GET /api/oversight/opinions': (c) => ({ query: { unit: c.unit } }),
  'POST /api/oversight/opinions': (c) => ({ body: { unitId: c.unit, heldOn: c.date, form: 'written', topic: 'officials', title: 'Góp ý cán bộ', officialsOpinions: 4 } }),
  'GET /api/oversight/boards': (c) => ({ query: { unit: c.unit } }),
  // A board sits at a ward or commune: elsewhere the rule answers 400. (A Ban GSĐTCCĐ, one per project: a
  // second Ban TTND of the same day would be refused as a duplicate term.)
  'POST /api/oversight/boards': async (c) => ({
    body: { unitId: c.unit, kind: 'gsdtccd', name: 'Ban GSĐTCCĐ', project: `Công trình ${uniq()}`, termLabel: 'x', electedOn: c.date, members },
    ok: (await level(c.db, c.unit)) === 'commune' ? undefined : [400],
  }),
  'GET /api/oversight/boards/:id': async (c) => ({ params: { id: await boardAt(c) } }),
  'POST /api/oversight/boards/:id/years': async (c) => ({
    params: { id: await boardAt(c) },
    body: { year: Number(c.date.slice(0, 4)), fundingRequiredVnd: 1000, fundingVnd: 1000 },
  }),
  'POST /api/oversight/boards/:id/supervisions': async (c) => ({ params: { id: await boardAt(c) }, body: { heldOn: c.date, subject: 'Thu, chi quỹ' } }),
  'POST /api/oversight/boards/:id/reports': async (c) => ({
    params: { id: await boardAt(c) },
    body: { year: Number(c.date.slice(0, 4)), quarter: 1, filedOn: c.date },
  }),
  'POST /api/oversight/board-supervisions/:id/remedy': async (c) => {
    const sid = await id(c.db, `insert into inspection_supervisions (board_id, unit_id, held_on, subject, violations) values ($1, $2, $3, 'Thu, chi quỹ', 1) returning id`, [
      await boardAt(c),
      c.unit,
      c.date,
    ]);
    return { params: { id: sid }, body: { remedy: 'Đã nộp lại khoản thu sai', remedied: true } };
  },
  'GET /api/mediation/teams': (c) => ({ query: { unit: c.unit } }),
  // A team belongs to a village: elsewhere the rule answers 400.
  'POST /api/mediation/teams': async (c) => ({
    body: { unitId: c.unit, name: `Tổ hòa giải ${uniq()}`, validFrom: c.date, members: [] },
    ok: (await level(c.db, c.unit)) === 'village' ? undefined : [400],
  }),
  'GET /api/mediation/cases': (c) => ({ query: { unit: c.unit } }),
  'GET /api/mediation/cases/export.csv': (c) => ({ query: { unit: c.unit } }),
  'GET /api/mediation/stats': (c) => ({ query: { unit: c.unit, year: Number(c.date.slice(0, 4)) } }),
  'POST /api/mediation/cases': async (c) => {
    await teamAt(c);
    return { body: { unitId: c.unit, receivedOn: c.date, kind: 'land', parties: [{ name: 'Nguyễn Văn An' }, { name: 'Trần Thị Bình' }] } };
  },
  'POST /api/mediation/cases/:id/close': async (c) => ({ params: { id: await caseAt(c) }, body: { outcome: 'success', closedOn: c.date } }),
  'GET /api/mediation/cases/:id/parties': async (c) => ({ params: { id: await caseAt(c) } }),
};
