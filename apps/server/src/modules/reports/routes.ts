import { z } from 'zod';
import { IdParams } from '@contract/common';
import {
  CreateReport, IssuePreview, IssueReport, PublicReport, PublicReportQuery, ReportComment, ReportCommentInput, ReportJob, ReportListQuery,
  SubmitReport, UnpublishReport,
} from '@contract/reports';
import type { FastifyReply } from 'fastify';
import { readReplica, type Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import {
  addComment, getReport, issuePreview, issueReport, listComments, listReports, publicReportFile, publicReports, publishReport, reportFile,
  requestReport, submitReport, unpublishReport, type ReportFile,
} from './service';
import { startReportWorker } from './worker';

const FileParams = z.object({ id: IdParams.shape.id, kind: z.enum(['docx', 'xlsx']) });

function send(reply: FastifyReply, f: ReportFile) {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename="${f.filename}"`)
    .header('x-content-sha256', f.sha256)
    .send(f.bytes);
}

/** The reports module's routes (signed-in and public); starts the report worker with the app. */
export async function reportRoutes(app: App, db: Db): Promise<void> {
  const tags = ['reports'];
  const worker = startReportWorker(db, { log: (m) => app.log.error(m) });
  app.addHook('onClose', async () => worker.stop());

  app.post('/api/reports', { schema: { tags, body: CreateReport, response: { 200: ReportJob } } }, async (req) => {
    const job = await requestReport(ctxOf(db, req), req.body);
    worker.kick();
    return job;
  });
  app.get('/api/reports', { schema: { tags, querystring: ReportListQuery, response: { 200: z.array(ReportJob) } } },
    async (req) => listReports(ctxOf(db, req), req.query));
  app.get('/api/reports/:id', { schema: { tags, params: IdParams, response: { 200: ReportJob } } },
    async (req) => getReport(ctxOf(db, req), req.params.id));
  app.post('/api/reports/:id/submit', { schema: { tags, params: IdParams, body: SubmitReport, response: { 200: ReportJob } } },
    async (req) => submitReport(ctxOf(db, req), req.params.id, req.body.overrideReason));
  app.get('/api/reports/:id/issue', { schema: { tags, params: IdParams, response: { 200: IssuePreview } } },
    async (req) => issuePreview(ctxOf(db, req), req.params.id));
  app.post('/api/reports/:id/issue', { schema: { tags, params: IdParams, body: IssueReport, response: { 200: ReportJob } } },
    async (req) => issueReport(ctxOf(db, req), req.params.id, req.body.number));
  app.post('/api/reports/:id/publish', { schema: { tags, params: IdParams, response: { 200: ReportJob } } },
    async (req) => publishReport(ctxOf(db, req), req.params.id));
  app.post('/api/reports/:id/unpublish', { schema: { tags, params: IdParams, body: UnpublishReport, response: { 200: ReportJob } } },
    async (req) => unpublishReport(ctxOf(db, req), req.params.id, req.body.reason));
  app.get('/api/reports/:id/comments', { schema: { tags, params: IdParams, response: { 200: z.array(ReportComment) } } },
    async (req) => listComments(ctxOf(db, req), req.params.id));
  app.post('/api/reports/:id/comments', { schema: { tags, params: IdParams, body: ReportCommentInput, response: { 200: z.array(ReportComment) } } },
    async (req) => addComment(ctxOf(db, req), req.params.id, req.body.body));
  app.get('/api/reports/:id/:kind', { schema: { tags, params: FileParams } },
    async (req, reply) => send(reply, await reportFile(ctxOf(db, req), req.params.id, req.params.kind)));

  // Published reports are read from the streaming replica when there is one (README "Replica and PgBouncer").
  const reader = readReplica(db);
  app.get('/api/public/reports', { schema: { tags, querystring: PublicReportQuery, response: { 200: z.array(PublicReport) } } },
    async (req) => publicReports(reader, req.query.unit));
  app.get('/api/public/reports/:id/:kind', { schema: { tags, params: FileParams } },
    async (req, reply) => send(reply, await publicReportFile(reader, req.params.id, req.params.kind)));
}
