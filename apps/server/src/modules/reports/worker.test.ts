// The job queue: a job survives a restart, and a planted contradiction keeps a draft from being
// submitted until someone gives a reason (audited).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, sessionAs, type TestSession, type World } from '../../test/factories';
import { defineMetrics } from '../../platform/metrics';
import type { Figure } from './coverage';
import { JOB_COLS, claimJob, jobById, type JobRow } from './queries';
import { runJob } from './generate';
import { startReportWorker } from './worker';
import { waitForJob } from './testing';

let db: RootDb;
let w: World;
let s: TestSession;

const insertJob = (status: string, lease: string | null) =>
  db
    .query<{ id: number }>(
      `insert into report_jobs (template, unit_id, period_from, period_to, scope_date, status, progress, lease_until, requested_by)
     values ('quarterly', $1, '2024-01-01', '2024-03-31', '2024-03-31', $2, 40, $3::timestamptz, $4) returning id`,
      [w.C, status, lease, s.user.id],
    )
    .then((r) => r[0].id);

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  s = await sessionAs(db, 'standing_committee', w.P);
});
afterAll(async () => db?.close());

describe('report worker', () => {
  it('resumes after a restart: a queued job, and a running one whose worker died, both become drafts', async () => {
    const queued = await insertJob('queued', null);
    const orphan = await insertJob('running', '2020-01-01T00:00:00Z');
    const alive = await insertJob('running', '2999-01-01T00:00:00Z'); // another live worker holds it
    const worker = startReportWorker(db, { pollMs: 200 });
    try {
      const app = await testApp(db);
      try {
        for (const id of [queued, orphan]) expect((await waitForJob(app, id, s.headers)).status).toBe('draft');
      } finally {
        await app.close();
      }
    } finally {
      await worker.stop();
    }
    expect((await jobById(db, alive))!.status).toBe('running');
    await db.query(`update report_jobs set status = 'failed', lease_until = null where id = $1`, [alive]);
  });
});

describe('two workers on one job', () => {
  it('the one overtaken after its lease lapsed cannot overwrite the draft, and no number is ever taken', async () => {
    const id = await insertJob('running', '2999-01-01T00:00:00Z');
    const [job] = await db.query<JobRow>(`select ${JOB_COLS} from report_jobs j where j.id = $1`, [id]);
    await runJob(db, job);
    const first = (await jobById(db, id))!;
    expect(first.status).toBe('draft');
    await db.query(`update report_jobs set status = 'submitted' where id = $1`, [id]);
    await runJob(db, job);
    const after = (await jobById(db, id))!;
    expect(after).toMatchObject({ status: 'submitted', issue_id: null });
    expect(after.draft).toEqual(first.draft);
  });
});

describe('a job that keeps killing its worker', () => {
  it('is given up after five attempts instead of being retried for ever', async () => {
    const id = await insertJob('running', '2020-01-01T00:00:00Z');
    await db.query('update report_jobs set attempts = 5 where id = $1', [id]);
    const claimed = await claimJob(db, 60);
    expect(claimed?.id).not.toBe(id);
    if (claimed) await db.query(`update report_jobs set status = 'queued', lease_until = null where id = $1`, [claimed.id]);
    expect((await jobById(db, id))!).toMatchObject({ status: 'failed', error: 'gave up after 5 attempts' });
  });
});

describe('a planted contradiction', () => {
  // Three metrics of this test only, whose records contradict each other like the seed's footnote.
  const unit = () => w.C;
  beforeAll(() => {
    const facts = (n: number, tag: string) =>
      `select '${tag}:' || g as fact_id, ${unit()}::bigint as unit_id, date '2024-02-01' as fact_date, 1 as value, null::text as dim
         from generate_series(1, ${n}) g where date '2024-02-01' between :from and :to`;
    defineMetrics([
      { key: 'test_reports.ttnd', module: 'test', label: { vi: 'TTND', en: 'TTND' }, unitOfMeasure: 'count', facts: facts(1114, 'a') },
      { key: 'test_reports.gsdtccd', module: 'test', label: { vi: 'GSĐTCCĐ', en: 'GSĐTCCĐ' }, unitOfMeasure: 'count', facts: facts(325, 'b') },
      { key: 'test_reports.total', module: 'test', label: { vi: 'Tổng', en: 'Total' }, unitOfMeasure: 'count', facts: facts(1539, 'c') },
    ]);
  });
  const planted: Figure[] = [
    {
      id: 'sup.people_boards',
      section: 's1_3',
      wording: 'Cuộc giám sát của Ban TTND và Ban GSĐTCCĐ',
      uom: 'count',
      seed: '1.539',
      metric: { key: 'test_reports.total' },
      parts: ['sup.ttnd', 'sup.gsdtccd'],
    },
    { id: 'sup.ttnd', section: 's1_3', wording: 'Cuộc giám sát của Ban Thanh tra nhân dân', uom: 'count', seed: '1.114', metric: { key: 'test_reports.ttnd' } },
    { id: 'sup.gsdtccd', section: 's1_3', wording: 'Cuộc giám sát của Ban GSĐTCCĐ', uom: 'count', seed: '325', metric: { key: 'test_reports.gsdtccd' } },
  ];

  it('is caught and listed with the draft, not printed; submitting it needs a reason (audited), then it can be issued', async () => {
    // Held by this test as if its worker had claimed it (no other worker on the database may take it).
    const id = await insertJob('running', '2999-01-01T00:00:00Z');
    const [job] = await db.query<JobRow>(`select ${JOB_COLS} from report_jobs j where j.id = $1`, [id]);
    await runJob(db, job, { figures: planted });
    const draft = (await jobById(db, id))!;
    expect(draft.status).toBe('draft');
    expect(draft.findings).toEqual([expect.objectContaining({ kind: 'sum', figureId: 'sup.people_boards', expected: 1439, actual: 1539 })]);
    expect(await db.query('select 1 from report_issues where job_id = $1', [id])).toEqual([]);

    const app = await testApp(db);
    try {
      const submit = (headers: Record<string, string>, overrideReason?: string) =>
        app.inject({ method: 'POST', url: `/api/reports/${id}/submit`, headers, payload: overrideReason === undefined ? {} : { overrideReason } });
      expect((await submit(s.headers)).json().error.code).toBe('REPORT_HAS_FINDINGS');
      expect((await submit(s.headers, 'ok')).json().error.code).toBe('VALIDATION');
      const ward = await sessionAs(db, 'standing_committee', w.A);
      expect((await submit(ward.headers, 'Số liệu đã được đối chiếu với biên bản.')).json().error.code).toBe('OUT_OF_SCOPE');
      expect((await jobById(db, id))!.status).toBe('draft');
      const reason = 'Số liệu Ban TTND đã được đối chiếu với biên bản giám sát năm 2024.';
      const res = await submit(s.headers, reason);
      expect(res.json()).toMatchObject({ status: 'submitted', overrideReason: reason });
      expect((await submit(s.headers, reason)).json().error.code).toBe('REPORT_NOT_DRAFT');
      const { number } = (await app.inject({ method: 'GET', url: `/api/reports/${id}/issue`, headers: s.headers })).json();
      const issued = await app.inject({ method: 'POST', url: `/api/reports/${id}/issue`, headers: s.headers, payload: { number } });
      expect(issued.json()).toMatchObject({ status: 'issued', overrideReason: reason });
      const [a] = await db.query<{ before: { findings: number }; after: { reason: string } }>(
        `select before, after from audit_log where entity = 'report' and entity_id = $1 and action = 'report.submit'`,
        [String(id)],
      );
      expect(a.after.reason).toBe(reason);
      expect(a.before.findings).toBe(1);
    } finally {
      await app.close();
    }
  });
});
