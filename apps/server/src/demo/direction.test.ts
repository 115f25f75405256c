// The demo's organisation and direction: the seed's figures come out of the city's term report
// 2019–2024 exactly; targets 12, 15, 16 are measured for the city (2024) and Phường Bắc Giang (2026);
// the province's 2026 directive shows which wards have not answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { RootDb } from '../db/db';
import type { App } from '../platform/http';
import { demoDb } from '../test/db';
import { testApp } from '../test/app';
import { sessionAs, type TestSession } from '../test/factories';
import { evaluateTargets } from '../modules/targets/compute';
import { waitForJob, submitAndIssue } from '../modules/reports/testing';
import { duties } from '../modules/direction/directive-service';
import '../modules/metrics-index';

let db: RootDb;
let app: App;
let s: TestSession;
let city: number;
let pbg: number;
let province: number;
let text: string[];

const unitAt = async (code: string, level: string, on: string) => {
  const [u] = await db.query<{ id: number }>('select id from units where code = $1 and level = $2 and valid_from <= $3::date and $3::date < valid_to', [code, level, on]);
  return u.id;
};

beforeAll(async () => {
  db = await demoDb();
  app = await testApp(db);
  city = await unitAt('213', 'district', '2024-06-01');
  pbg = await unitAt('07210', 'commune', '2025-07-01');
  province = await unitAt('24', 'province', '2025-07-01');
  s = await sessionAs(db, 'standing_committee', province);
  const res = await app.inject({ method: 'POST', url: '/api/reports', headers: s.headers, payload: { template: 'term', unit: city, from: '2019-01-01', to: '2024-12-31' } });
  expect(res.statusCode, res.body).toBe(200);
  const draft = await waitForJob(app, res.json().id, s.headers, 300_000);
  expect(draft.status).toBe('draft');
  const job = await submitAndIssue(app, draft.id, s.headers, draft.findings.length ? 'Đã đối chiếu với báo cáo gốc' : undefined);
  const file = await app.inject({ method: 'GET', url: `/api/reports/${job.id}/docx`, headers: s.headers });
  const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
  text = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}, 600_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe("the seed's figures in the demo term report 2019–2024", () => {
  it.each([
    ['Lớp tập huấn nghiệp vụ', '12'],
    ['Lượt người dự tập huấn', '1.805'],
    ['Lượt cán bộ dự lớp do tỉnh tổ chức', '180'],
    ['Số năm Ủy ban MTTQ thành phố đạt vững mạnh xuất sắc', '5'],
    ['Ủy ban MTTQ xã, phường xếp loại tốt trở lên (năm 2024)', '16'],
    ['Ủy ban MTTQ xã, phường được xếp loại (năm 2024)', '16'],
    ['Tỷ lệ Ủy ban MTTQ xã, phường vững mạnh xuất sắc', '20%'],
    ['Ban công tác Mặt trận xếp loại tốt trở lên (năm 2024)', '151'],
    ['Ban công tác Mặt trận được xếp loại (năm 2024)', '151'],
    ['Tập thể được khen thưởng', '175'],
    ['Cá nhân được khen thưởng', '172'],
    ['Chương trình phối hợp công tác được ký kết', '16'],
    ['Ban Tư vấn, Tổ tư vấn', '17'],
    ['Thành viên Ban Tư vấn, Tổ tư vấn', '121'],
    ['Tỷ lệ cử tri đi bầu cử', '99%'],
    ['Đại biểu Quốc hội trúng cử', '3'],
    ['Đại biểu HĐND tỉnh trúng cử', '7'],
    ['Đại biểu HĐND thành phố trúng cử', '35'],
    ['Đại biểu HĐND xã, phường trúng cử', '370'],
    ['Hội thẩm nhân dân được giới thiệu', '28'],
    ['Trưởng thôn, tổ trưởng tổ dân phố được bầu', '151'],
    ['Ban Thanh tra nhân dân được bầu', '16'],
    ['Thành viên Ban Thanh tra nhân dân', '172'],
  ])('%s: %s', (wording, value) => {
    expect(text).toContain(`- ${wording}: ${value}.`);
  });
});

describe('targets 12, 15 and 16 are measured', () => {
  it.each([
    ['the city, 2024', () => city, 2024],
    ['Phường Bắc Giang, 2026', () => pbg, 2026],
  ] as const)('%s: met', async (_, unit, year) => {
    const u = unit();
    const r = (await evaluateTargets(db, { unitIds: [u], year })).get(u)!;
    const pick = (n: number) => r.targets.find((t) => t.number === n)!;
    for (const n of [12, 15, 16]) {
      const t = pick(n);
      expect(t.status, `${n}: ${JSON.stringify(t.measures.map((m) => [m.code, m.status, m.reason, m.value]))}`).toBe('met');
      expect(t.measures.every((m) => m.status === 'met' || m.status === 'exceeded')).toBe(true);
    }
    expect(pick(16).measures[0].value).toBe(4);
    expect(pick(15).measures.map((m) => m.value)).toEqual([100, 1, 100]);
  });
});

describe("the province's 2026 directive to its 99 wards and communes", () => {
  it('shows at the province the communes that have not answered and those late; Phường Bắc Giang answered on time', async () => {
    const [d] = await db.query<{ id: number }>(`select id from directives where number = '412/CV-MTTQ'`);
    const all = await duties({ db, user: s.user }, { unit: province, directive: d.id, limit: 500 }, '2026-12-05');
    expect(all.total).toBe(99);
    const [{ n }] = await db.query<{ n: number }>(
      `select count(*)::int as n from directive_answers a join directive_obligations o on o.id = a.obligation_id where o.directive_id = $1`,
      [d.id],
    );
    expect(all.summary.notAnswered).toBe(99 - n);
    expect(all.summary.notAnswered).toBeGreaterThan(10);
    expect(all.summary.late).toBeGreaterThan(5);
    expect(all.rows.find((r) => r.unitId === pbg)!.status).toBe('on_time');
  });

  it('Phường Bắc Giang sees what the province asked of it and by when', async () => {
    const staff = await sessionAs(db, 'unit_staff', pbg);
    const own = await duties({ db, user: staff.user }, { unit: pbg, own: true, limit: 500 }, '2026-12-05');
    expect(own.rows.map((r) => [r.dueOn, r.status])).toEqual([
      ['2026-11-20', 'on_time'],
      ['2026-12-15', 'pending'],
      ['2026-12-15', 'pending'],
    ]);
    expect(own.rows.every((r) => r.unitId === pbg && r.issuerId === province)).toBe(true);
  });
});
