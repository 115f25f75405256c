import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportJob } from '@contract/reports';
import { useWorldApp } from '../../test/app';
import { countRows } from '../../test/db';
import { sessionAs, type TestSession } from '../../test/factories';
import { waitForJob } from './testing';

const t = useWorldApp();
let province: TestSession;
let wardA: TestSession;
let city: TestSession;

beforeAll(async () => {
  province = await sessionAs(t.db, 'standing_committee', t.w.P);
  wardA = await sessionAs(t.db, 'standing_committee', t.w.A);
  city = await sessionAs(t.db, 'standing_committee', t.w.C);
});

const post = (url: string, s: TestSession, payload?: object) => t.app.inject({ method: 'POST', url, headers: s.headers, payload });

describe('report jobs', () => {
  let job: ReportJob;

  it('a report queued for the old city is generated in the background and issued with a number', async () => {
    const res = await post('/api/reports', province, { template: 'annual', unit: t.w.C, from: '2024-01-01', to: '2024-12-31' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'queued', unitId: t.w.C, template: 'annual' });
    job = await waitForJob(t.app, res.json().id, province.headers);
    expect(job.status).toBe('issued');
    expect(job.progress).toBe(100);
    expect(job.issued!.symbol).toMatch(/^\d+\/BC-MTTQ$/);
    expect(job.issued!.docxUrl).toBe(`/api/reports/${job.id}/docx`);
    expect(job.canPublish).toBe(true);
  });

  it('the detail lists the figures as printed, each with the metric and period behind it', async () => {
    const detail = (await t.app.inject({ method: 'GET', url: `/api/reports/${job.id}`, headers: province.headers })).json() as ReportJob;
    const villages = detail.figures!.find((f) => f.id === 'fest.villages')!;
    expect(villages).toMatchObject({ metricKey: 'org.units_by_level', dim: 'village', from: '2024-01-01', to: '2024-12-31', value: 3, text: '3' }); // A1, B1, D1
    const list = (await t.app.inject({ method: 'GET', url: '/api/reports', headers: province.headers })).json() as ReportJob[];
    expect(list[0].figures).toBeUndefined();
  });

  it('downloads the stored files, whose hashes match', async () => {
    for (const kind of ['docx', 'xlsx'] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/reports/${job.id}/${kind}`, headers: province.headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`.${kind}`);
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(kind === 'docx' ? job.issued!.docxSha256 : job.issued!.xlsxSha256);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('an issued report cannot be changed or removed; issuing again makes a new number', async () => {
    await expect(t.db.query(`update report_issues set symbol = 'x' where job_id = $1`, [job.id])).rejects.toThrow(/immutable/);
    await expect(t.db.query(`delete from report_issues where job_id = $1`, [job.id])).rejects.toThrow(/immutable/);
    const again = await post('/api/reports', province, { template: 'annual', unit: t.w.C, from: '2024-01-01', to: '2024-12-31' });
    const second = await waitForJob(t.app, again.json().id, province.headers);
    expect(second.issued!.number).toBe(job.issued!.number + 1);
  });

  it('lists the reports in scope only', async () => {
    const mine = (await t.app.inject({ method: 'GET', url: `/api/reports?unit=${t.w.C}`, headers: province.headers })).json() as ReportJob[];
    expect(mine.map((j) => j.id)).toContain(job.id);
    const ward = (await t.app.inject({ method: 'GET', url: `/api/reports?unit=${t.w.C}`, headers: wardA.headers })).json() as ReportJob[];
    expect(ward).toEqual([]);
  });

  it('publishing puts the report on the public list; files download without an account', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `/api/public/reports?unit=${t.w.C}` })).json();
    expect(before.map((r: { id: number }) => r.id)).not.toContain(job.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/reports/${job.id}/docx` })).statusCode).toBe(404);
    const res = await post(`/api/reports/${job.id}/publish`, province);
    expect(res.statusCode).toBe(200);
    expect(res.json().issued.published).toBe(true);
    const list = (await t.app.inject({ method: 'GET', url: `/api/public/reports?unit=${t.w.C}` })).json();
    expect(list.find((r: { id: number }) => r.id === job.id)).toMatchObject({ symbol: job.issued!.symbol, unitName: 'Thành phố Cũ' });
    const file = await t.app.inject({ method: 'GET', url: `/api/public/reports/${job.id}/xlsx` });
    expect(file.statusCode).toBe(200);
    expect((await post(`/api/reports/${job.id}/publish`, province)).json().error.code).toBe('REPORT_ALREADY_PUBLISHED');
    const [a] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'report' and entity_id = $1 and action = 'report.publish'`, [String(job.id)]);
    expect(a.n).toBe(1);
  });
});

describe('refused', () => {
  const body = () => ({ template: 'term', unit: t.w.C, from: '2019-01-01', to: '2024-12-31' });

  it('without an account, outside the scope, without the permission, or from an ended unit; nothing is written', async () => {
    const before = await countRows(t.db, 'report_jobs');
    expect((await t.app.inject({ method: 'POST', url: '/api/reports', payload: body() })).statusCode).toBe(401);
    expect((await post('/api/reports', wardA, body())).json().error.code).toBe('OUT_OF_SCOPE');
    const leader = await sessionAs(t.db, 'leadership', t.w.P);
    expect((await post('/api/reports', leader, body())).json().error.code).toBe('FORBIDDEN');
    expect((await post('/api/reports', city, body())).json().error.code).toBe('UNIT_ENDED');
    const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
    expect((await post('/api/reports', staff, { ...body(), unit: t.w.T, from: '2025-07-01', to: '2025-12-31' })).json().error.code).toBe('OUT_OF_SCOPE');
    expect(await countRows(t.db, 'report_jobs')).toBe(before);
  });

  it('bad input gets a stable code and a Vietnamese message', async () => {
    const before = await countRows(t.db, 'report_jobs');
    const swapped = (await post('/api/reports', province, { ...body(), from: '2024-12-31', to: '2019-01-01' })).json();
    expect(swapped.error).toMatchObject({ code: 'REPORT_PERIOD_INVALID', message: expect.stringContaining('Kỳ báo cáo') });
    expect((await post('/api/reports', province, { ...body(), from: '2026-01-01', to: '2026-12-31' })).json().error.code).toBe('REPORT_PERIOD_INVALID');
    expect((await post('/api/reports', province, { ...body(), from: '2000-01-01' })).json().error.code).toBe('REPORT_PERIOD_INVALID');
    expect((await post('/api/reports', province, { ...body(), template: 'weekly' })).json().error.code).toBe('VALIDATION');
    expect((await post('/api/reports', province, { ...body(), unit: 999999999 })).json().error.code).toBe('UNIT_NOT_FOUND');
    expect(await countRows(t.db, 'report_jobs')).toBe(before);
  });

  it('an unknown report, or a file of a report not issued, is refused with its code', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/999999999', headers: province.headers })).json().error.code).toBe('REPORT_NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/reports/999999999/docx' })).json().error.code).toBe('REPORT_NOT_FOUND');
    const [{ id }] = await t.db.query<{ id: number }>(
      `insert into report_jobs (template, unit_id, period_from, period_to, scope_date, status, lease_until)
       values ('monthly', $1, '2024-01-01', '2024-01-31', '2024-01-31', 'running', '2999-01-01') returning id`, [t.w.C]);
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${id}/docx`, headers: province.headers })).json().error.code).toBe('REPORT_NOT_ISSUED');
    expect((await post(`/api/reports/${id}/publish`, province)).json().error.code).toBe('REPORT_NOT_ISSUED');
    await t.db.query(`update report_jobs set status = 'failed', lease_until = null where id = $1`, [id]);
  });

  it("a ward cannot read the city's report, nor download or publish it", async () => {
    const res = await post('/api/reports', province, { template: 'monthly', unit: t.w.C, from: '2024-03-01', to: '2024-03-31' });
    const job = await waitForJob(t.app, res.json().id, province.headers);
    expect(job.status).toBe('issued');
    for (const url of [`/api/reports/${job.id}`, `/api/reports/${job.id}/docx`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: wardA.headers })).json().error.code).toBe('OUT_OF_SCOPE');
    }
    const staff = await sessionAs(t.db, 'unit_staff', t.w.P);
    expect((await post(`/api/reports/${job.id}/publish`, staff)).json().error.code).toBe('FORBIDDEN');
    expect((await post(`/api/reports/${job.id}/publish`, wardA)).json().error.code).toBe('OUT_OF_SCOPE');
  });
});
