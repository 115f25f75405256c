import type { FastifyReply } from 'fastify';
import { reportEndpoints } from '@contract/endpoints/reports';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import {
  addComment,
  getReport,
  issuePreview,
  issueReport,
  listComments,
  listReports,
  locateReport,
  publicReportFile,
  publicReports,
  publishReport,
  reportFile,
  requestReport,
  submitReport,
  unpublishReport,
  type ReportFile,
} from './service';

function send(reply: FastifyReply, f: ReportFile) {
  return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).header('x-content-sha256', f.sha256).send(f.bytes);
}

/** The reports module's handlers; the report worker runs with the app (app.ts) and is kicked on a request. */
const reportHandlers = bind(reportEndpoints, {
  'POST /api/reports': async (ctx, { body }, { req }) => {
    const job = await requestReport(ctx, body);
    req.server.reports.kick();
    return job;
  },
  'GET /api/reports': (ctx, { query }) => listReports(ctx, query),
  'GET /api/reports/:id': (ctx, { params }) => getReport(ctx, params),
  'POST /api/reports/:id/submit': (ctx, { params, body }) => submitReport(ctx, { id: params.id, overrideReason: body.overrideReason }),
  'GET /api/reports/:id/issue': (ctx, { params }) => issuePreview(ctx, params),
  'POST /api/reports/:id/issue': (ctx, { params, body }) => issueReport(ctx, { id: params.id, number: body.number }),
  'POST /api/reports/:id/publish': (ctx, { params }) => publishReport(ctx, params),
  'POST /api/reports/:id/unpublish': (ctx, { params, body }) => unpublishReport(ctx, { id: params.id, reason: body.reason }),
  'GET /api/reports/:id/comments': (ctx, { params }) => listComments(ctx, params),
  'POST /api/reports/:id/comments': (ctx, { params, body }) => addComment(ctx, { id: params.id, body: body.body }),
  'GET /api/reports/:id/:kind': async (ctx, { params }, { reply }) => send(reply, await reportFile(ctx, params)),
  'GET /api/public/reports': (ctx, { query }) => publicReports(ctx, query),
  'GET /api/public/reports/:id/:kind': async (ctx, { params }, { reply }) => send(reply, await publicReportFile(ctx, params)),
});

/** Reports: drafts, review, issue under a number, publication (README "Adding a module"). */
export const reportsModule = defineModule({
  name: 'reports',
  endpoints: reportHandlers,
  locators: { report: locateReport },
});
