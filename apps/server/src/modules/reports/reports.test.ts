import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportJob } from '@contract/reports';
import { useWorldApp } from '../../test/app';
import { countRows } from '../../test/db';
import { sessionAs, type TestSession } from '../../test/factories';
import { submitAndIssue, waitForJob } from './testing';

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

  const issued = () => t.db.query<{ n: number }>('select count(*)::int as n from report_issues where unit_id = $1', [t.w.C]).then((r) => r[0].n);

  it('a report queued for the old city becomes a draft version without a number', async () => {
    const before = await issued();
    const res = await post('/api/reports', province, {
      template: 'annual',
      unit: t.w.C,
      from: '2024-01-01',
      to: '2024-12-31',
      nextTasks: ['Tổ chức Đại hội MTTQ phường nhiệm kỳ mới'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'queued', unitId: t.w.C, template: 'annual', version: 1 });
    job = await waitForJob(t.app, res.json().id, province.headers);
    expect(job).toMatchObject({ status: 'draft', progress: 100, issued: null, canSubmit: true, canIssue: false, version: 1 });
    expect(await issued()).toBe(before);
    for (const kind of ['docx', 'xlsx'])
      expect((await t.app.inject({ method: 'GET', url: `/api/reports/${job.id}/${kind}`, headers: province.headers })).json().error.code).toBe('REPORT_NOT_ISSUED');
  });

  it('the draft shows its figures (each with the metric and period behind it) and the document as it will print', async () => {
    const detail = job;
    const villages = detail.figures!.find((f) => f.id === 'fest.villages')!;
    expect(villages).toMatchObject({ metricKey: 'org.units_by_level', dim: 'village', from: '2024-01-01', to: '2024-12-31', value: 3, text: '3' }); // A1, B1, D1
    const lines = detail.preview!.map((b) => (b.kind === 'line' ? `- ${b.text}: ${b.value}.` : b.text));
    expect(lines).toContain('- Tổng số thôn, tổ dân phố: 3.');
    expect(lines.some((l) => /^(II|III)\. NHIỆM VỤ TRỌNG TÂM KỲ TỚI$/.test(l))).toBe(true);
    expect(lines).toContain('1. Tổ chức Đại hội MTTQ phường nhiệm kỳ mới');
    const list = (await t.app.inject({ method: 'GET', url: '/api/reports', headers: province.headers })).json() as ReportJob[];
    expect(list[0].figures).toBeUndefined();
    expect(list[0].preview).toBeUndefined();
  });

  it('regenerating the period makes version 2 (keeping the tasks), never a number', async () => {
    const before = await issued();
    const res = await post('/api/reports', province, { template: 'annual', unit: t.w.C, from: '2024-01-01', to: '2024-12-31' });
    const v2 = await waitForJob(t.app, res.json().id, province.headers);
    expect(v2).toMatchObject({ status: 'draft', version: 2, issued: null, nextTasks: ['Tổ chức Đại hội MTTQ phường nhiệm kỳ mới'] });
    expect(await issued()).toBe(before);
  });

  it('issuing needs a submitted draft and the number the confirmation showed; then it is numbered', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${job.id}/issue`, headers: province.headers })).json().error.code).toBe('REPORT_NOT_SUBMITTED');
    expect((await post(`/api/reports/${job.id}/issue`, province, { number: 1 })).json().error.code).toBe('REPORT_NOT_SUBMITTED');
    expect((await post(`/api/reports/${job.id}/submit`, province, {})).json()).toMatchObject({ status: 'submitted', canIssue: true });
    expect((await post(`/api/reports/${job.id}/submit`, province, {})).json().error.code).toBe('REPORT_NOT_DRAFT');
    const preview = (await t.app.inject({ method: 'GET', url: `/api/reports/${job.id}/issue`, headers: province.headers })).json();
    expect(preview).toMatchObject({ number: expect.any(Number), symbol: `${preview.number}/BC-MTTQ`, unitName: 'Thành phố Cũ' });
    const before = await issued();
    const stale = await post(`/api/reports/${job.id}/issue`, province, { number: preview.number + 1 });
    expect(stale.json().error).toMatchObject({ code: 'REPORT_NUMBER_CHANGED', message: expect.stringContaining('Số văn bản') });
    expect(await issued()).toBe(before);
    const res = await post(`/api/reports/${job.id}/issue`, province, { number: preview.number });
    expect(res.statusCode).toBe(200);
    job = res.json();
    expect(job).toMatchObject({ status: 'issued', canPublish: true, issued: { number: preview.number, symbol: preview.symbol, docxUrl: `/api/reports/${job.id}/docx` } });
    const [a] = await t.db.query<{ actor_id: number; after: { symbol: string } }>(
      `select actor_id, after from audit_log where entity = 'report' and entity_id = $1 and action = 'report.issue'`,
      [String(job.id)],
    );
    expect(a).toMatchObject({ actor_id: province.user.id, after: { symbol: preview.symbol } });
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

  it('an issued report cannot be changed or removed; another version of the period is not issued again', async () => {
    await expect(t.db.query(`update report_issues set symbol = 'x' where job_id = $1`, [job.id])).rejects.toThrow(/immutable/);
    await expect(t.db.query(`delete from report_issues where job_id = $1`, [job.id])).rejects.toThrow(/immutable/);
    const again = await post('/api/reports', province, { template: 'annual', unit: t.w.C, from: '2024-01-01', to: '2024-12-31' });
    const v3 = await waitForJob(t.app, again.json().id, province.headers);
    expect(v3).toMatchObject({ version: 3, status: 'draft' });
    await post(`/api/reports/${v3.id}/submit`, province, {});
    const { number } = (await t.app.inject({ method: 'GET', url: `/api/reports/${v3.id}/issue`, headers: province.headers })).json();
    const before = await issued();
    expect((await post(`/api/reports/${v3.id}/issue`, province, { number })).json().error.code).toBe('REPORT_PERIOD_ISSUED');
    expect(await issued()).toBe(before);
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
    const [a] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'report' and entity_id = $1 and action = 'report.publish'`, [
      String(job.id),
    ]);
    expect(a.n).toBe(1);
  });

  it('unpublishing needs a reason (audited) and takes the report off the public list', async () => {
    expect((await post(`/api/reports/${job.id}/unpublish`, province, { reason: 'sai' })).json().error.code).toBe('VALIDATION');
    const staff = await sessionAs(t.db, 'unit_staff', t.w.P);
    expect((await post(`/api/reports/${job.id}/unpublish`, staff, { reason: 'Số liệu cần đính chính trước khi công khai lại.' })).json().error.code).toBe('FORBIDDEN');
    const reason = 'Số liệu cần đính chính trước khi công khai lại.';
    const res = await post(`/api/reports/${job.id}/unpublish`, province, { reason });
    expect(res.json()).toMatchObject({ issued: { published: false }, canPublish: true, canUnpublish: false });
    const list = (await t.app.inject({ method: 'GET', url: `/api/public/reports?unit=${t.w.C}` })).json();
    expect(list.map((r: { id: number }) => r.id)).not.toContain(job.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/reports/${job.id}/docx` })).statusCode).toBe(404);
    expect((await post(`/api/reports/${job.id}/unpublish`, province, { reason })).json().error.code).toBe('REPORT_NOT_PUBLISHED');
    const [a] = await t.db.query<{ after: { reason: string } }>(`select after from audit_log where entity = 'report' and entity_id = $1 and action = 'report.unpublish'`, [
      String(job.id),
    ]);
    expect(a.after.reason).toBe(reason);
    expect((await post(`/api/reports/${job.id}/publish`, province)).json().issued.published).toBe(true);
  });
});

describe('letterhead: the unit signs, a higher level drafts and comments', () => {
  it("the province drafts and comments on a live ward's report but cannot issue it; the ward issues it", async () => {
    const ward = await sessionAs(t.db, 'standing_committee', t.w.S);
    const res = await post('/api/reports', province, { template: 'monthly', unit: t.w.S, from: '2025-08-01', to: '2025-08-31' });
    const draft = await waitForJob(t.app, res.json().id, province.headers);
    expect(draft.status).toBe('draft');
    const comments = await post(`/api/reports/${draft.id}/comments`, province, { body: 'Đề nghị bổ sung số liệu hòa giải.' });
    expect(comments.json()).toEqual([expect.objectContaining({ body: 'Đề nghị bổ sung số liệu hòa giải.', unitName: 'Tỉnh Thử Nghiệm' })]);
    expect((await post(`/api/reports/${draft.id}/comments`, province, { body: '' })).json().error.code).toBe('VALIDATION');
    const leader = await sessionAs(t.db, 'leadership', t.w.P);
    expect((await post(`/api/reports/${draft.id}/comments`, leader, { body: 'Ý kiến' })).json().error.code).toBe('FORBIDDEN');
    expect((await post(`/api/reports/${draft.id}/submit`, leader, {})).json().error.code).toBe('FORBIDDEN');
    expect((await post(`/api/reports/${draft.id}/submit`, province, {})).json()).toMatchObject({ status: 'submitted', canIssue: false });
    const before = await countRows(t.db, 'report_issues');
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}/issue`, headers: province.headers })).json().error.code).toBe('REPORT_LETTERHEAD');
    const refused = (await post(`/api/reports/${draft.id}/issue`, province, { number: 1 })).json();
    expect(refused.error).toMatchObject({ code: 'REPORT_LETTERHEAD', message: expect.stringContaining('cấp trên chỉ được lập dự thảo') });
    expect(await countRows(t.db, 'report_issues')).toBe(before);
    const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
    expect((await post(`/api/reports/${draft.id}/issue`, staff, { number: 1 })).json().error.code).toBe('FORBIDDEN');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}`, headers: ward.headers })).json();
    expect(detail.canIssue).toBe(true);
    // Submitted by the province: the ward confirms the number it is shown.
    const { number } = (await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}/issue`, headers: ward.headers })).json();
    const done = (await post(`/api/reports/${draft.id}/issue`, ward, { number })).json() as ReportJob;
    expect(done).toMatchObject({ status: 'issued', issued: { number: 1, symbol: '1/BC-MTTQ' } });
    const text = (await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}/comments`, headers: ward.headers })).json();
    expect(text).toHaveLength(1);
  });

  it("a ward cannot comment on the city's report (out of scope)", async () => {
    const [{ id }] = await t.db.query<{ id: number }>(`select id from report_jobs where unit_id = $1 order by id limit 1`, [t.w.C]);
    expect((await post(`/api/reports/${id}/comments`, wardA, { body: 'Ý kiến' })).json().error.code).toBe('OUT_OF_SCOPE');
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
       values ('monthly', $1, '2024-01-01', '2024-01-31', '2024-01-31', 'running', '2999-01-01') returning id`,
      [t.w.C],
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${id}/docx`, headers: province.headers })).json().error.code).toBe('REPORT_NOT_ISSUED');
    expect((await post(`/api/reports/${id}/publish`, province)).json().error.code).toBe('REPORT_NOT_ISSUED');
    await t.db.query(`update report_jobs set status = 'failed', lease_until = null where id = $1`, [id]);
  });

  it("a ward cannot read the city's report, nor download or publish it", async () => {
    const res = await post('/api/reports', province, { template: 'monthly', unit: t.w.C, from: '2024-03-01', to: '2024-03-31' });
    const job = await submitAndIssue(t.app, (await waitForJob(t.app, res.json().id, province.headers)).id, province.headers);
    expect(job.status).toBe('issued');
    for (const url of [`/api/reports/${job.id}`, `/api/reports/${job.id}/docx`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: wardA.headers })).json().error.code).toBe('OUT_OF_SCOPE');
    }
    const staff = await sessionAs(t.db, 'unit_staff', t.w.P);
    expect((await post(`/api/reports/${job.id}/publish`, staff)).json().error.code).toBe('FORBIDDEN');
    expect((await post(`/api/reports/${job.id}/publish`, wardA)).json().error.code).toBe('OUT_OF_SCOPE');
  });
});
