import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ImportJob, ImportJobParams } from '@contract/fund-public';
import type { Db } from '../../../db/db';
import { AppError } from '../../../platform/errors';
import { ctxOf, type App } from '../../../platform/http';
import { assertPermission } from '../../../platform/access';
import type { ColumnMapping, UploadedFile } from './generic';
import { readTable } from './generic';
import { importJob, startImport, type ImportRequest } from './import-service';

const Mapping = z.object({
  date: z.number().int().min(0), amount: z.number().int().min(0), memo: z.number().int().min(0).nullish(),
  name: z.number().int().min(0).nullish(), reference: z.number().int().min(0).nullish(), headerRow: z.boolean().optional(),
});
const Fields = z.object({
  campaignId: z.coerce.number().int().positive().optional(),
  fundId: z.coerce.number().int().positive().optional(),
  accountId: z.coerce.number().int().positive().optional(),
  format: z.enum(['bank', 'generic']).default('bank'),
  mapping: z.string().optional(),
});

const MAX_FILE_BYTES = 32 * 1024 * 1024;

async function readMultipart(req: FastifyRequest): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA');
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  for await (const part of req.parts({ limits: { fileSize: MAX_FILE_BYTES } })) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('BODY_TOO_LARGE');
      files.push({ name: part.filename.replace(/^.*[\\/]/, ''), data });
    } else fields[part.fieldname] = String(part.value);
  }
  if (!files.length) throw new AppError('VALIDATION', { file: 'at least one file is required' });
  return { files, fields };
}

/** Statement imports (signed in, fund.write): upload, then follow the job's progress. */
export async function statementRoutes(app: App, db: Db): Promise<void> {
  const tags = ['fund'];

  app.post('/api/fund/statements/import', { schema: { tags, consumes: ['multipart/form-data'], response: { 202: ImportJob } } }, async (req, reply) => {
    const { user } = ctxOf(db, req);
    assertPermission(user, 'fund.write');
    const { files, fields } = await readMultipart(req);
    const f = Fields.parse(fields);
    let mapping: ColumnMapping | null = null;
    if (f.format === 'generic') {
      try {
        mapping = Mapping.parse(JSON.parse(f.mapping ?? 'null'));
      } catch {
        throw new AppError('VALIDATION', { mapping: 'columns for date and amount are required' });
      }
    }
    const request: ImportRequest = { files, format: f.format, mapping, target: { campaignId: f.campaignId, fundId: f.fundId, accountId: f.accountId } };
    const job = await startImport(db, user, request);
    reply.status(202);
    return job;
  });

  app.get('/api/fund/statements/imports/:id', { schema: { tags, params: ImportJobParams, response: { 200: ImportJob } } },
    async (req) => importJob(ctxOf(db, req).user, req.params.id));

  // The first rows of a file, so the user can say which column is the date, the amount, the memo…
  app.post('/api/fund/statements/preview', {
    schema: { tags, consumes: ['multipart/form-data'], response: { 200: z.object({ rows: z.array(z.array(z.string())) }) } },
  }, async (req) => {
    const { user } = ctxOf(db, req);
    assertPermission(user, 'fund.write');
    const { files } = await readMultipart(req);
    const { rows, problem } = await readTable(files[0]);
    if (problem) throw new AppError('IMPORT_INVALID', { problems: [problem] });
    return { rows: rows.slice(0, 11).map((r) => r.cells) };
  });
}
