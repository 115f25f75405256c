import { z } from 'zod';
import { IdParams } from '@contract/common';
import { CreateReport, OverrideReport, PublicReport, PublicReportQuery, ReportJob, ReportListQuery } from '@contract/reports';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import {
  getReport, listReports, overrideReport, publicReportFile, publicReports, publishReport, reportFile, requestReport, type ReportFile,
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
  app.post('/api/reports/:id/override', { schema: { tags, params: IdParams, body: OverrideReport, response: { 200: ReportJob } } },
    async (req) => {
      const job = await overrideReport(ctxOf(db, req), req.params.id, req.body.reason);
      worker.kick();
      return job;
    });
  app.post('/api/reports/:id/publish', { schema: { tags, params: IdParams, response: { 200: ReportJob } } },
    async (req) => publishReport(ctxOf(db, req), req.params.id));
  app.get('/api/reports/:id/:kind', { schema: { tags, params: FileParams } },
    async (req, reply) => send(reply, await reportFile(ctxOf(db, req), req.params.id, req.params.kind)));

  app.get('/api/public/reports', { schema: { tags, querystring: PublicReportQuery, response: { 200: z.array(PublicReport) } } },
    async (req) => publicReports(db, req.query.unit));
  app.get('/api/public/reports/:id/:kind', { schema: { tags, params: FileParams } },
    async (req, reply) => send(reply, await publicReportFile(db, req.params.id, req.params.kind)));
}
