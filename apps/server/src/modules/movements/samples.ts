import type { movementsEndpoints } from '@contract/endpoints/movements';
import type { Db } from '../../db/db';
import type { Sample, SampleCtx } from '../../test/matrix';

/** One valid request per movements endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

let n = 0;
const uniq = () => `${++n}${Date.now().toString(36)}`.toUpperCase();
const year = (c: SampleCtx) => Number(c.date.slice(0, 4));
const level = async (db: Db, unit: number) => (await db.query<{ level: string }>('select level from units where id = $1', [unit]))[0].level;
const id = async (db: Db, sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0].id;
/** A rule of the business answers 400 away from the level the record belongs to. */
const onlyAt = async (c: SampleCtx, levels: string[], more: number[] = []) => ({ ok: levels.includes(await level(c.db, c.unit)) ? more : [400, ...more] });

const holidayOn = (c: SampleCtx) =>
  id(c.db, `insert into flag_holidays (name, held_on) values ('Ngày lễ', $1) on conflict (held_on) do update set name = excluded.name returning id`, [c.date]);
const establishmentAt = (c: SampleCtx) =>
  id(c.db, `insert into religious_establishments (unit_id, name, religion, valid_from) values ($1, $2, 'buddhism', '2019-01-01') returning id`, [c.unit, `Chùa ${uniq()}`]);
const surveyAt = (c: SampleCtx, code: string | null = null) =>
  id(
    c.db,
    `insert into surveys (unit_id, campaign, title, question, opens_on, closes_on, public_code) values ($1, 'NTM', 'Khảo sát', 'Ông/bà có hài lòng?', $2, $2, $3) returning id`,
    [c.unit, c.date, code],
  );
const publicSurveyCode = async (c: SampleCtx) => {
  const code = `S${uniq()}`.slice(0, 16);
  await c.db.query(
    `insert into surveys (unit_id, campaign, title, question, opens_on, closes_on, public_code) values ($1, 'NTM', 'Khảo sát', 'Hài lòng?', '2020-01-01', '2100-01-01', $2)`,
    [c.w.S, code],
  );
  return code;
};

export const movementsSamples: { [K in keyof typeof movementsEndpoints]: Sample } = {
  'GET /api/movements/propaganda': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  'POST /api/movements/channels': (c) => ({ body: { unitId: c.unit, kind: 'fanpage', name: 'Trang fanpage MTTQ', validFrom: c.date } }),
  'POST /api/movements/outputs': (c) => ({ body: { unitId: c.unit, kind: 'social_post', periodFrom: c.date, periodTo: c.date, quantity: 3 } }),
  'GET /api/movements/religion/establishments': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  'POST /api/movements/religion/establishments': async (c) => ({
    body: { unitId: c.unit, name: `Chùa ${uniq()}`, religion: 'buddhism', validFrom: c.date },
    ...(await onlyAt(c, ['commune', 'village'])),
  }),
  'POST /api/movements/religion/activities': (c) => ({ body: { unitId: c.unit, kind: 'visit', heldOn: c.date, giftsLocal: 2, giftValueVnd: 1_000_000 } }),
  'GET /api/movements/religion/holidays': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  'GET /api/movements/religion/flags': async (c) => ({ query: { unit: c.unit, holiday: await holidayOn(c) } }),
  'POST /api/movements/religion/flags': async (c) => ({
    body: { unitId: c.unit, holidayId: await holidayOn(c), checks: [{ establishmentId: await establishmentAt(c), compliant: true }] },
  }),
  'GET /api/movements/solidarity': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  // Once a village a year: the next role's call answers 409.
  'POST /api/movements/solidarity': async (c) => ({ body: { unitId: c.unit, heldOn: c.date, attendance: 120, meal: true }, ...(await onlyAt(c, ['village'], [409])) }),
  'GET /api/movements/culture': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  'POST /api/movements/culture/years': async (c) => ({
    body: { unitId: c.unit, year: year(c), assessedOn: c.date, households: 10, registered: 9, recognised: 8 },
    ...(await onlyAt(c, ['village'])),
  }),
  'POST /api/movements/culture/titles': async (c) => ({ body: { unitId: c.unit, title: 'cultural_village', recognisedOn: c.date }, ...(await onlyAt(c, ['village'])) }),
  'POST /api/movements/culture/conventions': async (c) => ({ body: { unitId: c.unit, approvedOn: c.date }, ...(await onlyAt(c, ['village'])) }),
  'GET /api/movements/surveys': (c) => ({ query: { unit: c.unit, year: year(c) } }),
  'POST /api/movements/surveys': (c) => ({
    body: { unitId: c.unit, campaign: 'Nông thôn mới', title: 'Khảo sát', question: 'Ông/bà có hài lòng?', opensOn: c.date, closesOn: c.date },
  }),
  'GET /api/movements/surveys/:id/results': async (c) => ({ params: { id: await surveyAt(c) } }),
  'POST /api/movements/surveys/:id/paper': async (c) => ({ params: { id: await surveyAt(c) }, body: { answeredOn: c.date, answers: [{ rating: 'satisfied' }] } }),
  'GET /api/public/surveys/:code': async (c) => ({ params: { code: await publicSurveyCode(c) } }),
  'POST /api/public/surveys/:code/answers': async (c) => ({
    params: { code: await publicSurveyCode(c) },
    body: { householdCode: `HO${uniq()}`.slice(0, 20), rating: 'satisfied' },
  }),
  'GET /api/movements/models': (c) => ({ query: { unit: c.unit } }),
  'POST /api/movements/models': (c) => ({ body: { unitId: c.unit, kind: 'security', name: 'Tổ liên gia tự quản', startedOn: c.date } }),
  'POST /api/movements/models/:id/recognise': async (c) => ({
    params: { id: await id(c.db, `insert into movement_models (unit_id, kind, name, started_on) values ($1, 'creative', 'Mô hình', $2) returning id`, [c.unit, c.date]) },
    body: { recognisedOn: c.date },
  }),
  'POST /api/movements/activities': (c) => ({ body: { unitId: c.unit, kind: 'sec_conference', heldOn: c.date, participants: 20, opinions: 3 } }),
};
