import type { reportEndpoints } from '@contract/endpoints/reports';
import type { Sample, SampleCtx } from '../../test/matrix';

/** One valid request per reports endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

let n = 0;
type Status = 'draft' | 'submitted' | 'issued';

/** A report job of the target unit over the month before the date, inserted in a state (no draft to render). */
async function jobAt(c: SampleCtx, status: Status): Promise<number> {
  const from = `${c.date.slice(0, 7)}-01`;
  const [{ id }] = await c.db.query<{ id: number }>(
    `insert into report_jobs (template, unit_id, period_from, period_to, scope_date, status, progress, step, requested_by, version)
     values ('monthly', $1, $2, $3, $3, $4, 100, $4, $5, $6) returning id`,
    [c.unit, from, c.date, status, c.admin.user.id, ++n + 1000],
  );
  return id;
}

/** An issued job with its files; published when asked. */
async function issuedAt(c: SampleCtx, published = false): Promise<number> {
  const id = await jobAt(c, 'issued');
  const file = Buffer.from('PK-mau');
  const [{ id: issueId }] = await c.db.query<{ id: number }>(
    `insert into report_issues (job_id, unit_id, template, period_from, period_to, year, number, symbol, issued_on, docx, docx_sha256, xlsx, xlsx_sha256, figures)
     select j.id, j.unit_id, j.template, j.period_from, j.period_to, 2099, $2, $3, j.scope_date, $4, 'x', $4, 'y', '[]'::jsonb
       from report_jobs j where j.id = $1 returning id`,
    [id, 100_000 + n, `${100_000 + n++}/BC-MTTQ`, file],
  );
  if (published) await c.db.query('insert into report_publications (issue_id, published_by) values ($1, $2)', [issueId, c.admin.user.id]);
  return id;
}

/*
 * Issuing is for the committee that signs on the unit's letterhead (the unit itself, or its successor
 * once ended): an administrator without a unit and a ward over its village are permitted by the table
 * and refused by that rule (REPORT_LETTERHEAD, 403).
 */
const letterhead = (c: SampleCtx) => (c.role === 'admin' || c.target === 'child' ? [403] : []);

export const reportSamples: { [K in keyof typeof reportEndpoints]: Sample } = {
  // Queued for the worker; the unit and period are checked by the service.
  'POST /api/reports': (c) => ({ body: { template: 'monthly', unit: c.unit, from: `${c.date.slice(0, 7)}-01`, to: c.date } }),
  'GET /api/reports': (c) => ({ query: { unit: c.unit } }),
  'GET /api/reports/:id': async (c) => ({ params: { id: await jobAt(c, 'draft') } }),
  'POST /api/reports/:id/submit': async (c) => ({ params: { id: await jobAt(c, 'draft') }, body: {} }),
  'GET /api/reports/:id/issue': async (c) => ({ params: { id: await jobAt(c, 'submitted') }, ok: letterhead(c) }),
  // A draft, not yet submitted: the permitted call reaches the lifecycle rule (409), nothing is issued.
  'POST /api/reports/:id/issue': async (c) => ({ params: { id: await jobAt(c, 'draft') }, body: { number: 1 }, ok: [409, ...letterhead(c)] }),
  'POST /api/reports/:id/publish': async (c) => ({ params: { id: await issuedAt(c) } }),
  'POST /api/reports/:id/unpublish': async (c) => ({ params: { id: await issuedAt(c, true) }, body: { reason: 'Công khai nhầm bản cần sửa số liệu.' } }),
  'GET /api/reports/:id/comments': async (c) => ({ params: { id: await jobAt(c, 'draft') } }),
  'POST /api/reports/:id/comments': async (c) => ({ params: { id: await jobAt(c, 'draft') }, body: { body: 'Đề nghị bổ sung số liệu quý.' } }),
  'GET /api/reports/:id/:kind': async (c) => ({ params: { id: await issuedAt(c), kind: 'docx' } }),
  'GET /api/public/reports': (c) => ({ query: { unit: c.w.S } }),
  'GET /api/public/reports/:id/:kind': async (c) => ({ params: { id: await issuedAt({ ...c, unit: c.w.S }, true), kind: 'xlsx' } }),
};
