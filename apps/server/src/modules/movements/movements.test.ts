// Solidarity Day once a village a year and "villages not yet held"; flag compliance per establishment
// per holiday; cultural figures checked; the village head reaches only their village; targets' metrics.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { today } from '../../platform/access';
import { computeMetric, getMetric } from '../../platform/metrics';

const t = useWorldApp();
let head: TestSession;
let staff: TestSession;
const year = Number(today().slice(0, 4));
const festival = (unitId: number, heldOn = today()) => ({
  unitId,
  heldOn,
  attendance: 850,
  meal: true,
  leadersCity: 1,
  leadersLocal: 3,
  collectivesCommended: 2,
  individualsCommended: 9,
});
/** A metric of a unit over the year, or over one day (figures other test files' records could also fall in). */
const metric = async (key: string, unit: number, dim?: string, day?: string) => {
  const row = (await computeMetric(t.db, getMetric(key), { unitIds: [unit], from: day ?? `${year}-01-01`, to: day ?? `${year}-12-31`, view: 'now' })).get(unit)!;
  return dim ? (row.byDim[dim] ?? 0) : row.value;
};

beforeAll(async () => {
  head = await sessionAs(t.db, 'village_head', t.w.A1);
  staff = await sessionAs(t.db, 'unit_staff', t.w.S);
});

describe('the Great Solidarity Day', () => {
  it("a village head records their village's day once a year; the ward lists the villages that have not held it", async () => {
    const before = await t.app.inject({ method: 'GET', url: `/api/movements/solidarity?unit=${t.w.S}&year=${year}`, headers: staff.headers });
    expect(before.json()).toMatchObject({ villages: 2, held: 0 });
    const res = await t.app.inject({ method: 'POST', url: '/api/movements/solidarity', headers: head.headers, payload: festival(t.w.A1) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unitId: t.w.A1, year, attendance: 850, meal: true, unitName: 'Tổ dân phố số 1' });
    const again = await t.app.inject({ method: 'POST', url: '/api/movements/solidarity', headers: head.headers, payload: festival(t.w.A1) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'SOLIDARITY_EXISTS', message: 'Thôn, tổ dân phố đã ghi nhận Ngày hội Đại đoàn kết của năm này' });
    expect(await t.db.query('select 1 from solidarity_festivals where unit_id = $1', [t.w.A1])).toHaveLength(1);
    const after = (await t.app.inject({ method: 'GET', url: `/api/movements/solidarity?unit=${t.w.S}&year=${year}`, headers: staff.headers })).json();
    expect(after).toMatchObject({ villages: 2, held: 1, notHeld: [{ unitId: t.w.B1, name: 'Tổ dân phố Ngô Quyền 1', parentName: 'Phường Bắc Giang Thử' }] });
    expect(await metric('solidarity.festivals', t.w.S)).toBe(1);
    expect(await metric('solidarity.attendance', t.w.S)).toBe(850);
  });

  it('is recorded only in a village, on a real day, and a village head reaches no other village', async () => {
    const ward = await t.app.inject({ method: 'POST', url: '/api/movements/solidarity', headers: staff.headers, payload: festival(t.w.S) });
    expect(ward.json().error.code).toBe('MOVEMENT_LEVEL_INVALID');
    const future = await t.app.inject({ method: 'POST', url: '/api/movements/solidarity', headers: staff.headers, payload: festival(t.w.B1, '2199-11-18') });
    expect(future.json().error.code).toBe('MOVEMENT_DATE_INVALID');
    for (const u of [t.w.B1, t.w.S, t.w.D1]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/movements/solidarity', headers: head.headers, payload: festival(u) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('OUT_OF_SCOPE');
      const read = await t.app.inject({ method: 'GET', url: `/api/movements/solidarity?unit=${u}&year=${year}`, headers: head.headers });
      expect(read.json().error.code).toBe('OUT_OF_SCOPE');
    }
    expect(await t.db.query('select 1 from solidarity_festivals where unit_id = any($1::bigint[])', [[t.w.B1, t.w.S, t.w.D1]])).toHaveLength(0);
    expect(await t.db.query(`select 1 from audit_log where actor_id = $1 and action <> 'movements.solidarity.record'`, [head.user.id])).toHaveLength(0);
  });

  it('sent twice from the phone\'s offline queue, the day is recorded once and the replay answers it; without the key it is "already held"', async () => {
    const d1 = await sessionAs(t.db, 'village_head', t.w.D1);
    const body = { ...festival(t.w.D1, `${year - 1}-11-18`), clientKey: 'dev-9c2e-0001' };
    const first = await t.app.inject({ method: 'POST', url: '/api/movements/solidarity', headers: d1.headers, payload: body });
    const replay = await t.app.inject({ method: 'POST', url: '/api/movements/solidarity', headers: d1.headers, payload: body });
    expect(first.statusCode, first.body).toBe(200);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json().id).toBe(first.json().id);
    expect(replay.json()).not.toHaveProperty('clientKey');
    const other = await t.app.inject({ method: 'POST', url: '/api/movements/solidarity', headers: d1.headers, payload: { ...body, clientKey: 'dev-9c2e-0002' } });
    expect(other.json().error.code).toBe('SOLIDARITY_EXISTS');
    expect(await t.db.query('select 1 from solidarity_festivals where unit_id = $1', [t.w.D1])).toHaveLength(1);
  });
});

describe('flag compliance per establishment per holiday', () => {
  it('counts an establishment not checked as due and not compliant', async () => {
    const est = async (unitId: number, name: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/movements/religion/establishments',
          headers: staff.headers,
          payload: { unitId, name, religion: 'buddhism', hasCamera: true, validFrom: '2025-08-01' },
        })
      ).json().id as number;
    const a = await est(t.w.A1, 'Chùa Phúc Lâm');
    const b = await est(t.w.B1, 'Đình Ngô Quyền');
    // Holidays are one per day for the whole country (the run's database is shared by the test files).
    const [h] = await t.db.query<{ id: number }>(
      `insert into flag_holidays (name, held_on) values ('Quốc khánh', $1) on conflict (held_on) do update set name = excluded.name returning id`,
      [today()],
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/movements/religion/flags',
      headers: staff.headers,
      payload: { unitId: t.w.S, holidayId: h.id, checks: [{ establishmentId: a, compliant: true }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ due: 2, compliant: 1 });
    expect(res.json().rows.find((x: { establishmentId: number }) => x.establishmentId === b).compliant).toBeNull();
    expect([await metric('religion.flag_compliant', t.w.S, undefined, today()), await metric('religion.flag_due', t.w.S, undefined, today())]).toEqual([1, 2]);
    // An establishment of another ward cannot be checked from here.
    const other = await t.db.query<{ id: number }>(
      `insert into religious_establishments (unit_id, name, religion, valid_from) values ($1, 'Chùa khác', 'buddhism', '2019-01-01') returning id`,
      [t.w.T],
    );
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/movements/religion/flags',
      headers: staff.headers,
      payload: { unitId: t.w.S, holidayId: h.id, checks: [{ establishmentId: other[0].id, compliant: true }] },
    });
    expect(bad.json().error.code).toBe('MOVEMENT_RECORD_INVALID');
  });
});

describe('cultural titles, models and propaganda', () => {
  it('refuses figures that do not add up, and writes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/movements/culture/years',
      headers: head.headers,
      payload: { unitId: t.w.A1, year, assessedOn: today(), households: 100, registered: 120, recognised: 90 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'MOVEMENT_FIGURES_INVALID' });
    expect(await t.db.query('select 1 from village_culture_years where unit_id = $1', [t.w.A1])).toHaveLength(0);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/movements/culture/years',
      headers: head.headers,
      payload: { unitId: t.w.A1, year, assessedOn: today(), households: 100, registered: 98, recognised: 93 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect([await metric('culture.families_recognised', t.w.S), await metric('culture.families_registered', t.w.S)]).toEqual([93, 98]);
  });

  it('one registry of models: a creative model recognised counts for target 9', async () => {
    const m = await t.app.inject({
      method: 'POST',
      url: '/api/movements/models',
      headers: staff.headers,
      payload: { unitId: t.w.S, kind: 'creative', name: 'Nuôi cá công nghệ số', startedOn: '2025-09-01' },
    });
    expect(m.statusCode, m.body).toBe(200);
    expect(await metric('emulation.creative_models', t.w.S)).toBe(0);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/movements/models/${m.json().id}/recognise`,
      headers: staff.headers,
      payload: { recognisedOn: today(), excellent: true },
    });
    expect(r.json()).toMatchObject({ recognisedOn: today(), excellent: true });
    expect(await metric('emulation.creative_models', t.w.S)).toBe(1);
    const list = await t.app.inject({ method: 'GET', url: `/api/movements/models?unit=${t.w.S}&kind=creative`, headers: staff.headers });
    expect(list.json().map((x: { name: string }) => x.name)).toEqual(['Nuôi cá công nghệ số']);
  });

  it('target 1 counts a committee with a digital channel and posts in the year', async () => {
    expect(await metric('propaganda.units_digital', t.w.S)).toBe(0);
    const ch = await t.app.inject({
      method: 'POST',
      url: '/api/movements/channels',
      headers: staff.headers,
      payload: { unitId: t.w.S, kind: 'fanpage', name: 'MTTQ phường', validFrom: '2025-07-01' },
    });
    expect(await metric('propaganda.units_digital', t.w.S)).toBe(0);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/movements/outputs',
      headers: staff.headers,
      payload: { unitId: t.w.S, channelId: ch.json().id, kind: 'social_post', periodFrom: `${year}-01-01`, periodTo: today(), quantity: 12 },
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(await metric('propaganda.units_digital', t.w.S, 'commune')).toBe(1);
    const view = (await t.app.inject({ method: 'GET', url: `/api/movements/propaganda?unit=${t.w.S}&year=${year}`, headers: staff.headers })).json();
    expect(view).toMatchObject({ digitalUnits: 1, frontUnits: 1, outputs: [{ kind: 'social_post', quantity: 12 }] });
  });
});
