import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ImportJob, ImportJobParams, StatementMapping, StatementPreview } from '@contract/fund-public';
import type { Db } from '../../../db/db';
import { AppError } from '../../../platform/errors';
import { ctxOf, type App } from '../../../platform/http';
import { assertPermission } from '../../../platform/access';
import type { UploadedFile } from './generic';
import { importJob, startImport } from './import-jobs';
import type { ImportRequest } from './import-service';
import { previewFiles } from './preview';

const Fields = z.object({
  campaignId: z.coerce.number().int().positive().optional(),
  fundId: z.coerce.number().int().positive().optional(),
  accountId: z.coerce.number().int().positive().optional(),
  format: z.enum(['bank', 'generic']).default('bank'),
  mapping: z.string().optional(),
  debits: z.enum(['skip', 'propose']).default('skip'),
});

const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** A bank's yearly export split by month or by page runs to dozens of files; a .zip counts as one. */
export const MAX_FILES = 200;

async function readMultipart(req: FastifyRequest): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA');
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw new AppError('BODY_TOO_LARGE');
        files.push({ name: part.filename.replace(/^.*[\\/]/, ''), data });
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError('IMPORT_TOO_MANY_FILES', { max: MAX_FILES });
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('BODY_TOO_LARGE');
    throw e;
  }
  if (!files.length) throw new AppError('VALIDATION', { file: 'at least one file is required' });
  return { files, fields };
}

/** Statement imports (signed in, fund.write): preview every file, upload, then follow the job's progress. */
export async function statementRoutes(app: App, db: Db): Promise<void> {
  const tags = ['fund'];

  app.post('/api/fund/statements/import', { schema: { tags, consumes: ['multipart/form-data'], response: { 202: ImportJob } } }, async (req, reply) => {
    const { user } = ctxOf(db, req);
    assertPermission(user, 'fund.write');
    const { files, fields } = await readMultipart(req);
    const f = Fields.parse(fields);
    const mapping = f.format === 'generic' && f.mapping ? parseMapping(f.mapping) : null;
    const request: ImportRequest = {
      files, format: f.format, mapping, debits: f.debits, target: { campaignId: f.campaignId, fundId: f.fundId, accountId: f.accountId },
    };
    const job = await startImport(db, user, request);
    reply.status(202);
    return job;
  });

  app.get('/api/fund/statements/imports/:id', { schema: { tags, params: ImportJobParams, response: { 200: ImportJob } } },
    async (req) => importJob(db, ctxOf(db, req).user, req.params.id));

  // The first rows of every file, with the mapping remembered for the account or suggested by the header.
  app.post('/api/fund/statements/preview', {
    schema: { tags, consumes: ['multipart/form-data'], response: { 200: StatementPreview } },
  }, async (req) => {
    const { user } = ctxOf(db, req);
    assertPermission(user, 'fund.write');
    const { files, fields } = await readMultipart(req);
    const accountId = Fields.shape.accountId.parse(fields.accountId);
    return previewFiles(db, user, files, accountId ?? null);
  });
}

function parseMapping(text: string) {
  try {
    return StatementMapping.parse(JSON.parse(text));
  } catch {
    throw new AppError('VALIDATION', { mapping: 'columns for date and amount are required' });
  }
}
